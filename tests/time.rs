//! Time you can trust: `atlas diff` on a hand-made atlas whose changes are known, `atlas export
//! --as-of`, and the warnings for dates that contradict each other.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the atlas binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8 stderr")
}

const TIME: &str = "atlas-data/samples/valid/time.ron";
const WARNINGS: &str = "atlas-data/samples/valid/date-warnings.ron";

/// Worked out by hand from the sample's comments: after 2018-12-31, up to 2021-12-31.
const DIFF_2018_2021: &str = "\
# What changed after 2018-12-31, up to and including 2021-12-31

Atlas: Time sample. 10 changes. Undated records begin with the later of their ends (or, for a holder, with the post) and are marked *undated*.

## Actors founded (1)

- 2021-03-01 *undated*: **Zeta Envoy** (Envoy post, `zeta-post`)

## Instruments adopted (1)

- 2019-05-25: **Gamma Act** (Instrument: Regulation, `gamma-act`)

## Relations begun (2)

- 2019-05: **Beta Forum —enacts→ Gamma Act** (enacts, `r2`)
- 2021-03-01 *undated*: **Alpha —appoints→ Zeta Envoy** (appoints, `r6`)

## Relations ended (1)

- 2021-06: **Alpha —partners with— Epsilon Corp** (partners with, `r3`)

## Envoy holders appointed (2)

- 2020-08-24: **Bob** (Envoy post, `delta-post`) — Delta Envoy
- 2021-03: **Cleo** (Envoy post, `zeta-post`) — Zeta Envoy

## Envoy holders gone (1)

- 2020-02: **Ann** (Envoy post, `delta-post`) — Delta Envoy

## Events (2)

- 2019-05-25: **Gamma Act adopted** (Regulation, `e1`) — Beta Forum; Gamma Act
- 2020-08-24: **Bob appointed** (Appointment, `e2`) — Delta Envoy
";

#[test]
fn diff_lists_exactly_the_known_changes_as_text() {
    let out = atlas(&["diff", TIME, "--from", "2018", "--to", "2021"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), DIFF_2018_2021);
}

#[test]
fn diff_lists_exactly_the_known_changes_as_json() {
    let out = atlas(&["diff", TIME, "--from", "2018", "--to", "2021", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    assert_eq!(value["from"], "2018-12-31");
    assert_eq!(value["to"], "2021-12-31");
    assert_eq!(
        value["counts"],
        json!({"actors_founded": 1, "instruments_adopted": 1, "relations_begun": 2,
               "relations_ended": 1, "holders_appointed": 2, "holders_gone": 1, "events": 2})
    );
    let ids = |group: &str| -> Vec<String> {
        value["changes"][group]
            .as_array()
            .expect("a list")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    };
    assert_eq!(ids("relations_begun"), ["r2", "r6"]);
    assert_eq!(ids("relations_ended"), ["r3"]);
    assert_eq!(ids("events"), ["e1", "e2"]);
    let zeta = &value["changes"]["actors_founded"][0];
    assert_eq!(
        (
            zeta["id"].as_str(),
            zeta["undated"].as_bool(),
            zeta["date"].as_str()
        ),
        (Some("zeta-post"), Some(true), Some("2021-03-01"))
    );
    let who: Vec<&str> = value["changes"]["holders_appointed"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|r| r["what"].as_str())
        .collect();
    assert_eq!(who, ["Bob", "Cleo"]);
}

#[test]
fn an_approximate_founding_counts_from_the_start_of_its_year() {
    // Epsilon was founded "c. 2018"; the undated epsilon->beta relation starts with it.
    let out = atlas(&[
        "diff",
        TIME,
        "--from",
        "2017-12-31",
        "--to",
        "2018-01-01",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(value["changes"]["actors_founded"][0]["id"], "epsilon");
    assert_eq!(value["changes"]["actors_founded"][0]["date"], "c. 2018");
    let begun: Vec<&str> = value["changes"]["relations_begun"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(begun, ["r3", "r5"]);
}

#[test]
fn diff_refuses_bad_dates_and_reversed_ranges_with_a_message() {
    let out = atlas(&["diff", TIME, "--from", "2021", "--to", "2018"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "--from 2021 (2021-12-31) is after --to 2018 (2018-12-31): give the earlier date first\n"
    );
    let out = atlas(&["diff", TIME, "--from", "2019-13", "--to", "2020"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "--from 2019-13: month 13 in `2019-13` is not between 1 and 12\n"
    );
}

#[test]
fn export_as_of_a_date_leaves_out_what_did_not_exist_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = dir.path().join("tables");
    let out = atlas(&[
        "export",
        TIME,
        "--format",
        "csv",
        "--as-of",
        "2019-06-30",
        "-o",
        out_dir.to_str().expect("UTF-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let view = std::fs::read_to_string(out_dir.join("view.txt")).expect("view.txt");
    assert!(view.contains("as of 2019-06-30"), "{view}");
    let actors = std::fs::read_to_string(out_dir.join("actors.csv")).expect("actors.csv");
    // Zeta's post begins in 2021: not there in mid-2019; the Gamma Act (May 2019) is.
    assert!(!actors.contains("zeta-post"), "{actors}");
    assert!(actors.contains("gamma-act"), "{actors}");
    let relations = std::fs::read_to_string(out_dir.join("relations.csv")).expect("csv");
    assert!(!relations.contains("r7"), "ended in 2016: {relations}");
    assert!(relations.contains("r3"), "{relations}");
}

#[test]
fn contradicting_dates_draw_each_warning_with_its_place() {
    let out = atlas(&["validate", "--warnings", WARNINGS]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let expected = [
        "post.holders[0].from: \"Early\" takes the post (2016) before it was founded (2017)",
        "post.holders[1].from: \"Overlapping\" takes the post (2018-03) before \"Early\" leaves it (2018-06)",
        "post.holders[3].from: \"Second\" takes the post (2022) while \"Open\" (from 2020) has no end date",
        "post2.holders[0].until: \"Gone\" leaves the post (2018) before it was founded (2019)",
        "relations[0] (a -> b).since: begins (2012) before \"b\" was founded (2015)",
        "relations[1] (b -> c).since: begins (2018) before \"c\" was founded (2019-05)",
        "relations[2] (a -> c).until: ends (2017) before \"c\" was founded (2019-05)",
    ];
    assert_eq!(lines.len(), expected.len(), "{text}");
    for (line, want) in lines.iter().zip(expected) {
        let (place, message) = line
            .split_once(": warning: ")
            .unwrap_or_else(|| panic!("not a warning: {line}"));
        assert!(place.starts_with(WARNINGS), "{line}");
        assert_eq!(message, want);
    }
}

#[test]
fn warnings_point_at_the_field_they_are_about() {
    let out = atlas(&["validate", "--warnings", WARNINGS]);
    let text = stdout(&out);
    let place = |needle: &str| -> String {
        let line = text
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in {text}"));
        line.split(": warning: ").next().unwrap_or("").to_string()
    };
    // Line 14 holds the first holder; its `from:` is at column 29.
    assert_eq!(place("\"Early\" takes"), format!("{WARNINGS}:14:29"));
    // Line 27 holds relations[0]; its `since:` is at column 46.
    assert_eq!(place("begins (2012)"), format!("{WARNINGS}:27:46"));
}

#[test]
fn a_tenure_that_ends_before_it_begins_is_already_an_error() {
    let file = "atlas-data/samples/broken/holder-until-before-from.ron";
    let out = atlas(&["validate", file]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!(
            "{file}:11:61: b.holders[1].until: ends (2020-08-01) before it begins (2020-08-24)\n"
        )
    );
}

#[test]
fn the_time_sample_itself_has_no_warnings() {
    let out = atlas(&["validate", "--warnings", TIME]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

mod default_atlas {
    //! The rule on the default atlas, as the issue tried it: Japan as of 2019-06-30.

    use atlas::graph::search::search_on;
    use atlas::graph::{
        AtlasGraph, Day, Direction, Status, ViewFilter, centrality, ego_network, neighbours,
        shortest_path,
    };
    use atlas::model::load_default;

    fn graph() -> AtlasGraph {
        AtlasGraph::new(load_default().expect("the default atlas loads").atlas)
    }

    fn mid_2019() -> Day {
        Day::cursor("2019-06-30".parse().expect("date"))
    }

    #[test]
    fn japans_ipef_and_chip_4_links_are_not_yet_in_mid_2019() {
        let g = graph();
        let japan = g.node("japan").expect("japan");
        let later: Vec<(String, Status)> = neighbours(&g, japan, None, Direction::Both)
            .into_iter()
            .filter(|(other, _)| ["ipef", "chip-4"].contains(&g.actor(*other).id.as_str()))
            .map(|(other, edge)| {
                (
                    g.actor(other).id.clone(),
                    g.relation_standing(edge, mid_2019()).status,
                )
            })
            .collect();
        assert!(later.len() >= 2, "{later:?}");
        assert!(later.iter().all(|(_, s)| *s == Status::NotYet), "{later:?}");
    }

    #[test]
    fn the_ego_network_as_of_2019_differs_from_todays() {
        let g = graph();
        let japan = g.node("japan").expect("japan");
        let ids = |filter: ViewFilter| -> Vec<String> {
            let visible = filter.apply(&g);
            ego_network(&g, japan, 1, &visible)
                .into_iter()
                .map(|(n, _)| g.actor(n).id.clone())
                .collect()
        };
        let then = ids(ViewFilter::default().at(Some(mid_2019())));
        let now = ids(ViewFilter::default());
        assert!(now.contains(&"ipef".to_string()) && now.contains(&"chip-4".to_string()));
        assert!(!then.contains(&"ipef".to_string()), "{then:?}");
        assert!(!then.contains(&"chip-4".to_string()), "{then:?}");
        assert!(then.len() < now.len());
    }

    #[test]
    fn paths_centrality_and_search_follow_the_date() {
        let g = graph();
        let (japan, ipef) = (
            g.node("japan").expect("japan"),
            g.node("ipef").expect("ipef"),
        );
        let then = ViewFilter::default().at(Some(mid_2019())).apply(&g);
        let now = ViewFilter::default().apply(&g);
        assert_eq!(
            shortest_path(&g, japan, ipef, &now).map(|p| p.len()),
            Some(1)
        );
        assert!(
            shortest_path(&g, japan, ipef, &then).is_none(),
            "IPEF began in 2022"
        );
        let degree = |visible| {
            centrality(&g, visible)
                .into_iter()
                .find(|c| c.node == japan)
                .map(|c| c.degree)
        };
        assert!(degree(&then) < degree(&now));
        let hit = search_on(&g, "IPEF", 1, Some(mid_2019()));
        assert_eq!(hit[0].node, ipef);
        assert!(!hit[0].exists());
    }
}
