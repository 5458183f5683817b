//! The `atlas` binary's subcommands: exit codes and output.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `atlas ARGS` from the crate root, so sample paths print as given.
fn atlas<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
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

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

const MINIMAL: &str = "atlas-data/samples/valid/minimal.ron";
const WARNINGS: &str = "atlas-data/samples/valid/warnings.ron";
const PATHS: &str = "atlas-data/samples/valid/path.ron";
const MANY: &str = "atlas-data/samples/broken/many-problems.ron";

#[test]
fn validate_accepts_a_valid_file_quietly_with_a_summary_on_stderr() {
    let out = atlas(["validate", MINIMAL]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        format!("{MINIMAL}: valid (2 actors, 1 relations, 1 events; 0 warnings)\n")
    );
}

#[test]
fn validate_lists_every_problem_as_file_line_col_and_fails() {
    let out = atlas(["validate", MANY]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7, "{text}");
    assert_eq!(lines[0], format!("{MANY}:8:31: b.name: name is empty"));
    assert_eq!(
        lines[6],
        format!("{MANY}:16:111: e1.sources: unknown source \"src-nowhere\"")
    );
    for line in &lines {
        let rest = line
            .strip_prefix(&format!("{MANY}:"))
            .expect("starts with the file");
        let mut parts = rest.splitn(3, ':');
        let line_no: usize = parts.next().unwrap().parse().expect("a line number");
        let col: usize = parts.next().unwrap().parse().expect("a column number");
        assert!(line_no > 0 && col > 0, "{line}");
        assert!(parts.next().unwrap().starts_with(' '), "{line}");
    }
}

#[test]
fn validate_reports_syntax_errors_with_their_place() {
    let file = "atlas-data/samples/broken/unknown-field.ron";
    let out = atlas(["validate", file]);
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).starts_with(&format!(
            "{file}:7:47: Unexpected field named `website` in `Actor`"
        )),
        "{}",
        stdout(&out)
    );
    let file = "atlas-data/samples/broken/not-utf8.ron";
    let out = atlas(["validate", file]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stdout(&out),
        format!("{file}:8:39: the file is not UTF-8 text: save it with the UTF-8 encoding\n")
    );
}

#[test]
fn validate_shows_warnings_only_when_asked_and_they_never_fail() {
    let out = atlas(["validate", WARNINGS]);
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("; 3 warnings)"), "{}", stderr(&out));

    let out = atlas(["validate", "--warnings", WARNINGS]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{WARNINGS}:5:54: warning: src-print.url: \"Library shelf 4, box 12\" is not an http(s) link; it is shown as text and never opened"
            ),
            format!(
                "{WARNINGS}:10:9: warning: loner: no relation links this actor to the rest of the atlas"
            ),
            format!(
                "{WARNINGS}:16:74: warning: Bloc.see_also: \"Alliance\" is not a glossary term"
            ),
        ]
    );
}

#[test]
fn a_missing_file_is_a_clear_error_for_every_command() {
    let missing = "atlas-data/samples/no-such-atlas.ron";
    let expected = format!("{missing}: cannot read the file: ");
    let out = atlas(["validate", missing]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).starts_with(&expected), "{}", stdout(&out));
    for args in [
        vec!["stats", missing],
        vec!["stats", "--json", missing],
        vec!["path", missing, "a", "b"],
    ] {
        let out = atlas(&args);
        assert_eq!(code(&out), 1, "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        assert!(
            stderr(&out).starts_with(&expected),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_file_of_one_gibibyte_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    std::fs::File::create(&path)
        .and_then(|f| f.set_len(1 << 30))
        .expect("sparse file");
    let out = atlas([Path::new("validate"), &path]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stdout(&out),
        format!(
            "{}: the file is 1073741824 bytes; datasets of 1073741824 bytes or more are refused\n",
            path.display()
        )
    );
}

/// Runs `stats --json` on `file` and checks its counts against the file as loaded.
fn stats_json(file: &str) -> Value {
    let out = atlas(["stats", "--json", file]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).expect("stats --json prints JSON");
    let atlas = atlas::model::load_file(&root().join(file))
        .expect("loads")
        .atlas;
    let expected = [
        ("actors", atlas.actors.len()),
        ("relations", atlas.relations.len()),
        ("events", atlas.events.len()),
        ("stories", atlas.stories.len()),
        ("glossary_terms", atlas.glossary.len()),
        ("sources", atlas.sources.len()),
    ];
    for (key, count) in expected {
        assert_eq!(json[key].as_u64(), Some(count as u64), "{file}: {key}");
    }
    let share = json["sourced_share"]
        .as_f64()
        .expect("sourced_share is a number");
    assert!(
        (0.0..=1.0).contains(&share),
        "{file}: sourced_share {share}"
    );
    json
}

#[test]
fn stats_json_counts_the_minimal_sample() {
    let json = stats_json(MINIMAL);
    for (key, count) in [
        ("actors", 2),
        ("relations", 1),
        ("events", 1),
        ("stories", 1),
        ("glossary_terms", 1),
        ("sources", 1),
        ("regions", 1),
        ("themes", 1),
    ] {
        assert_eq!(json[key].as_u64(), Some(count), "{key}");
    }
    assert_eq!(json["sourced_share"].as_f64(), Some(1.0));
    assert_eq!(json["first_date"], "2019-05-22");
    assert_eq!(json["actor_kinds"]["Instrument/Principles"], 1);
    assert_eq!(json["relation_kinds"]["Adopts"], 1);
}

#[test]
fn stats_json_counts_the_default_atlas() {
    let json = stats_json("atlas-data/atlas.ron");
    assert!(json["actors"].as_u64().unwrap() > 0);
}

#[test]
fn stats_text_summarises_the_minimal_sample() {
    let out = atlas(["stats", MINIMAL]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "actors 2  relations 1  events 1  stories 1 (1 steps)  glossary 1  sources 1\n\
             regions 1  themes 1  sourced 100.0%  dates 2019-05-22 – 2019-05-22\n"
        ),
        "{text}"
    );
    assert!(text.contains("\nactor kinds:\n"), "{text}");
    assert!(text.contains("  State "), "{text}");
}

#[test]
fn stats_fails_on_a_broken_file() {
    let out = atlas(["stats", MANY]);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).starts_with(&format!("{MANY}:8:31: b.name: name is empty\n")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn path_prints_the_chain_between_two_actors() {
    let out = atlas(["path", PATHS, "alpha", "delta"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Alpha —member of→ Beta Bloc —participates in→ Gamma Forum ←member of— Delta\n"
    );
    // Names and aliases work too, ignoring case.
    let out = atlas(["path", PATHS, "BB", "gamma forum"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "Beta Bloc —participates in→ Gamma Forum\n");
}

#[test]
fn path_fails_when_the_actors_are_not_connected() {
    let out = atlas(["path", PATHS, "alpha", "omega"]);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "Alpha and Omega Corp are not connected\n");
}

#[test]
fn path_refuses_an_unknown_actor() {
    let out = atlas(["path", PATHS, "alpha", "nobody"]);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "no actor with id or name \"nobody\"\n");
}

#[test]
fn synth_output_validates_with_the_counts_asked_for() {
    let args = [
        "synth",
        "--actors",
        "50",
        "--relations",
        "200",
        "--events",
        "20",
        "--seed",
        "3",
    ];
    let out = atlas(args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        out.stdout,
        atlas(args).stdout,
        "the same seed gives the same atlas"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let file: PathBuf = dir.path().join("synth.ron");
    std::fs::write(&file, &out.stdout).expect("write");

    let check = atlas([Path::new("validate"), &file]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
    assert_eq!(stdout(&check), "");

    let stats = atlas([Path::new("stats"), Path::new("--json"), &file]);
    assert_eq!(code(&stats), 0, "{}", stderr(&stats));
    let json: Value = serde_json::from_str(&stdout(&stats)).expect("JSON");
    assert_eq!(json["actors"], 50);
    assert_eq!(json["relations"], 200);
    assert_eq!(json["events"], 20);
    assert_eq!(json["sourced_share"].as_f64(), Some(1.0));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args([
            "synth",
            "--actors",
            "3000",
            "--relations",
            "9000",
            "--events",
            "100",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The reader is gone now (stdout dropped); the writer must not panic.
    let status = child.wait().expect("exits");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(status.code(), Some(101), "exit code of a panic");
}
