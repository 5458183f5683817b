//! The embedded default atlas: valid, and no thinner than the content issues require, so the
//! content cannot silently shrink. The floors are the figures of the merged second edition
//! (corrections and dating; Africa, the Middle East and Latin America; envoys, the UN, AI summits
//! and Eastern Europe); raise them when the atlas grows, never above what it holds.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use atlas::graph::{AtlasGraph, Direction, neighbours};
use atlas::model::{ActorKind, EventKind, RelationKind, load_default, validate::is_web_link};

fn graph() -> AtlasGraph {
    let loaded = load_default().expect("the embedded atlas loads with zero errors");
    AtlasGraph::new(loaded.atlas)
}

#[test]
fn meets_the_coverage_floors() {
    let g = graph();
    let a = g.atlas();
    assert!(a.actors.len() >= 544, "{} actors", a.actors.len());
    assert!(a.relations.len() >= 1253, "{} relations", a.relations.len());
    assert!(a.events.len() >= 640, "{} events", a.events.len());
    assert!(
        a.glossary.len() >= 84,
        "{} glossary terms",
        a.glossary.len()
    );
    assert!(a.stories.len() >= 12, "{} stories", a.stories.len());
    // Tech, digital and cyber envoy posts (the issue asks for 50; the sources found so far
    // support this many).
    let envoys = a
        .actors
        .iter()
        .filter(|x| x.kind == ActorKind::Envoy)
        .count();
    assert!(envoys >= 51, "{envoys} envoy posts");
    for story in &a.stories {
        assert!(
            (5..=10).contains(&story.steps.len()),
            "{}: {} steps",
            story.id,
            story.steps.len()
        );
        assert!(
            !story.questions.is_empty(),
            "{} has discussion questions",
            story.id
        );
        for step in &story.steps {
            assert!(
                !step.focus.is_empty() && step.date.is_some(),
                "{}: {}",
                story.id,
                step.title
            );
        }
    }
}

#[test]
fn every_fact_is_sourced_and_every_source_is_a_web_page() {
    let g = graph();
    let a = g.atlas();
    assert!(a.actors.iter().all(|x| !x.sources.is_empty()));
    assert!(a.relations.iter().all(|x| !x.sources.is_empty()));
    assert!(a.events.iter().all(|x| !x.sources.is_empty()));
    for s in &a.sources {
        assert!(!s.title.trim().is_empty(), "{} has a title", s.id);
        assert!(is_web_link(&s.url), "{}: {}", s.id, s.url);
    }
}

#[test]
fn regions_and_themes_cover_the_field() {
    let g = graph();
    let a = g.atlas();
    for (region, at_least) in [
        ("indo-pacific", 111),
        ("transatlantic", 165),
        ("global", 132),
        ("latin-america", 61),
        ("africa", 66),
        ("middle-east", 53),
        ("eastern-europe", 42),
    ] {
        let members = a
            .actors
            .iter()
            .filter(|x| x.regions.iter().any(|r| r == region))
            .count();
        assert!(members >= at_least, "{region}: {members} actors");
    }
    for theme in [
        "ai",
        "cybersecurity",
        "telecoms",
        "semiconductors",
        "data",
        "digital-trade",
        "standards",
        "internet-governance",
        "digital-inclusion",
    ] {
        assert!(a.themes.iter().any(|t| t.id == theme), "theme {theme}");
        assert!(
            a.actors.iter().any(|x| x.themes.iter().any(|t| t == theme)),
            "actors on {theme}"
        );
    }
    // The groupings the Indo-Pacific and transatlantic panels are about have their members.
    for (group, at_least) in [
        ("quad", 4),
        ("aukus", 3),
        ("ipef", 10),
        ("eu-us-ttc", 2),
        ("g7", 7),
        ("nato", 12),
    ] {
        let node = g.node(group).unwrap_or_else(|| panic!("{group}"));
        let members = neighbours(&g, node, None, Direction::Incoming)
            .into_iter()
            .filter(|(_, e)| {
                matches!(
                    g.relation(*e).kind,
                    RelationKind::MemberOf | RelationKind::PartyTo | RelationKind::ParticipatesIn
                )
            })
            .count();
        assert!(members >= at_least, "{group}: {members} members");
    }
}

#[test]
fn follows_the_fact_sheets_where_sources_disagree() {
    let g = graph();
    let a = g.atlas();
    let date = |id: &str| {
        a.events
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.date.to_string())
    };
    // The GDPR entered into force and applies on two different dates: two events.
    assert_eq!(date("gdpr-in-force").as_deref(), Some("2016-05-24"));
    assert_eq!(date("gdpr-applies").as_deref(), Some("2018-05-25"));
    assert!(
        a.events
            .iter()
            .filter(|e| e.kind == EventKind::Appointment)
            .count()
            >= 20
    );
    // Claims the sheets list as unverified stay out: the US was not an initial Paris Call
    // supporter, and the Danish post is no longer based in Silicon Valley.
    let us = g.node("united-states").expect("US");
    let paris = g.node("paris-call").expect("Paris Call");
    assert!(
        neighbours(&g, us, Some(RelationKind::MemberOf), Direction::Outgoing)
            .iter()
            .all(|(n, _)| *n != paris),
        "no US membership of the Paris Call"
    );
    let dk = &a.actors[g.graph()[g.node("denmark-tech-ambassador").expect("post")]];
    assert!(
        dk.based_in
            .as_deref()
            .is_some_and(|b| b.starts_with("Copenhagen"))
    );
}

#[test]
fn at_most_five_percent_of_relations_are_undated() {
    let g = graph();
    let a = g.atlas();
    let undated: Vec<String> = a
        .relations
        .iter()
        .filter(|r| r.since.is_none())
        .map(|r| format!("{} {:?} {}", r.from, r.kind, r.to))
        .collect();
    assert!(
        undated.len() * 20 <= a.relations.len(),
        "{} of {} relations undated: {undated:#?}",
        undated.len(),
        a.relations.len()
    );
}

#[test]
fn every_source_says_what_kind_of_page_it_is_and_when_it_was_checked() {
    let g = graph();
    let missing: Vec<&str> = g
        .atlas()
        .sources
        .iter()
        .filter(|s| s.kind.is_none() || s.checked.is_none())
        .map(|s| s.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "sources without kind or checked: {missing:?}"
    );
}

/// Letters of the Latin script: ASCII, Latin-1 and the Latin Extended blocks.
fn is_latin_letter(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}'
        | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}')
}

#[test]
fn states_whose_language_is_not_written_in_latin_script_carry_their_own_name() {
    let g = graph();
    let a = g.atlas();
    // The states of the atlas whose official language is written in another script.
    let states = [
        "china",
        "japan",
        "south-korea",
        "taiwan",
        "india",
        "thailand",
        "cambodia",
        "laos",
        "myanmar",
        "mongolia",
        "russia",
        "ukraine",
        "greece",
        "israel",
        "saudi-arabia",
        "united-arab-emirates",
        "qatar",
        "kuwait",
        "bahrain",
        "oman",
        "jordan",
        "iran",
        "egypt",
        "algeria",
        "morocco",
        "tunisia",
        "mauritania",
        "ethiopia",
        "maldives",
        "georgia",
        "armenia",
        "belarus",
    ];
    for id in states {
        let state = a
            .actors
            .iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("{id} is in the atlas"));
        assert_eq!(state.kind, ActorKind::State, "{id} is a state");
        let own_script = state.aliases.iter().any(|alias| {
            alias
                .chars()
                .any(|c| c.is_alphabetic() && !is_latin_letter(c))
        });
        assert!(
            own_script,
            "{id} has an alias in its own script: {:?}",
            state.aliases
        );
    }
}

#[test]
fn no_two_actors_share_a_name_or_alias() {
    let g = graph();
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut clashes = Vec::new();
    for actor in &g.atlas().actors {
        let mut names: Vec<String> = actor.aliases.iter().map(|x| x.to_lowercase()).collect();
        names.push(actor.name.to_lowercase());
        names.sort();
        names.dedup();
        for name in names {
            if let Some(other) = seen.insert(name.clone(), &actor.id) {
                clashes.push(format!("{name}: {other} and {}", actor.id));
            }
        }
    }
    assert!(clashes.is_empty(), "ambiguous names: {clashes:#?}");
}

#[test]
fn the_second_edition_corrections_hold() {
    let g = graph();
    let a = g.atlas();
    let date = |id: &str| {
        a.events
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.date.to_string())
    };
    // The Digital Omnibus on AI, adopted in June 2026, moved the high-risk dates.
    assert_eq!(
        date("eu-ai-act-annex-i-applies").as_deref(),
        Some("2028-08-02")
    );
    assert_eq!(
        date("eu-ai-act-annex-iii-applies").as_deref(),
        Some("2027-12-02")
    );
    let actor = |id: &str| {
        a.actors
            .iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(
        actor("eu-digital-omnibus-ai")
            .founded
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-06-29")
    );
    // Tenures that ended end in the atlas too.
    let until = |post: &str, holder: &str| {
        actor(post)
            .holders
            .iter()
            .find(|h| h.name == holder)
            .and_then(|h| h.until)
            .map(|d| d.to_string())
    };
    assert_eq!(
        until("un-tech-envoy", "Fabrizio Hochschild").as_deref(),
        Some("2022-01-26")
    );
    assert_eq!(
        until("united-states-cyber-coordinator", "Christopher Painter").as_deref(),
        Some("2017-07")
    );
    // No relation is dated before either of its ends exists, except where that is normal: a
    // proposal precedes what it proposes, and a summit or process is led while it is prepared.
    for r in &a.relations {
        let normal = matches!(r.kind, RelationKind::Proposes | RelationKind::Leads);
        let (Some(since), false) = (r.since, normal) else {
            continue;
        };
        for end in [&r.from, &r.to] {
            if let Some(founded) = actor(end).founded {
                assert!(
                    !starts_before(since, founded),
                    "{} {:?} {} since {since}, but {end} dates from {founded}",
                    r.from,
                    r.kind,
                    r.to
                );
            }
        }
    }
}

/// Whether `a` lies wholly before `b`, compared at the precision both share (so "2023" does
/// not start before "2023-07").
fn starts_before(a: atlas::model::PartialDate, b: atlas::model::PartialDate) -> bool {
    let months = a.month().is_some() && b.month().is_some();
    let days = months && a.day().is_some() && b.day().is_some();
    let key = |d: atlas::model::PartialDate| {
        (
            d.year_value(),
            d.month().filter(|_| months),
            d.day().filter(|_| days),
        )
    };
    key(a) < key(b)
}
