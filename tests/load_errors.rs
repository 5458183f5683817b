//! Every file in `atlas-data/samples/broken/` fails to load with the message and the place
//! written down here; the valid samples and the embedded atlas load.
//!
//! Line and column numbers were counted by hand in each sample (1-based, columns in
//! characters). Syntax errors point where the parser stopped; validation errors point at the
//! offending field, or at the offending value inside it.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use atlas::model::{
    Diagnostic, LoadError, MAX_DATASET_BYTES, Severity, load_default, load_file, load_str,
};

/// What loading one broken sample must report: exactly one error, at `line`:`col`, about
/// `record`.`field` (validation) or no record (syntax), whose message contains `message`.
struct Case {
    file: &'static str,
    line: usize,
    col: usize,
    record: Option<&'static str>,
    field: Option<&'static str>,
    message: &'static str,
}

/// A problem found by the RON parser: a place and a message, no record.
const fn syntax(file: &'static str, line: usize, col: usize, message: &'static str) -> Case {
    Case {
        file,
        line,
        col,
        record: None,
        field: None,
        message,
    }
}

/// A problem found by validation: the record, the field, the place and the whole message.
const fn invalid(
    file: &'static str,
    line: usize,
    col: usize,
    record: &'static str,
    field: &'static str,
    message: &'static str,
) -> Case {
    Case {
        file,
        line,
        col,
        record: Some(record),
        field: Some(field),
        message,
    }
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // ---- Not an atlas at all ----
    syntax("not-ron.ron", 1, 1, "Expected struct `Atlas` but found `This`"),
    syntax("empty.ron", 1, 1, "the file is empty: a dataset starts with `Atlas(`"),
    // The file ends just after the comma that closes line 8 (43 characters long).
    syntax("truncated.ron", 8, 44, "the file ends too early: a bracket or a quote is not closed"),
    syntax("wrong-top-level.ron", 2, 1, "Expected opening `(` for struct `Atlas`"),
    // The second of 10,000 `[`: an actor must be a `(...)` record.
    syntax("deeply-nested.ron", 1, 16, "Expected opening `(` for struct `Actor`"),
    // ---- RON that does not fit the schema ----
    syntax("unknown-field.ron", 7, 47, "Unexpected field named `website` in `Actor`"),
    syntax("unknown-top-level-field.ron", 13, 5, "Unexpected field named `people` in `Atlas`"),
    syntax("unknown-enum-variant.ron", 7, 25, "Unexpected variant named `Country` in enum `ActorKind`"),
    syntax("unknown-instrument-kind.ron", 8, 36, "Unexpected variant named `Bill` in enum `InstrumentKind`"),
    // ron notices the missing field at the record's closing bracket.
    syntax("missing-required-field.ron", 11, 48, "Unexpected missing field named `kind` in `Relation`"),
    syntax("wrong-type.ron", 8, 36, "Expected string"),
    syntax("option-without-some.ron", 7, 55, "Expected option"),
    // `"Beta, sources: ["` is read as one string; the parser stops at `src-a`.
    syntax("unclosed-string.ron", 8, 55, "Expected comma"),
    syntax("missing-comma.ron", 7, 31, "Expected comma"),
    // ---- Dates: refused while parsing, pointing at the first character inside the quotes ----
    syntax("bad-month.ron", 14, 27, "month 13 in `2017-13` is not between 1 and 12"),
    syntax("bad-day.ron", 14, 27, "day 29 in `2019-02-29` does not exist in that month"),
    syntax("bad-date-format.ron", 11, 59, "`2017/05` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    syntax("bad-year.ron", 7, 62, "year 0217 is outside 1000..=2999"),
    syntax("empty-date.ron", 14, 27, "empty date"),
    // ---- Duplicate ids: the second record's `id:` ----
    invalid("duplicate-actor-id.ron", 9, 10, "a", "id", "duplicate id \"a\" (first at line 7)"),
    invalid("duplicate-source-id.ron", 5, 10, "src-a", "id", "duplicate id \"src-a\" (first at line 4)"),
    invalid("duplicate-event-id.ron", 15, 10, "e1", "id", "duplicate id \"e1\" (first at line 14)"),
    // The first relation has no id: the lines must still be those of the relations with one.
    invalid("duplicate-relation-id.ron", 14, 10, "r-ab", "id", "duplicate id \"r-ab\" (first at line 13)"),
    invalid("duplicate-glossary-term.ron", 16, 10, "Tech Diplomacy", "term", "the term \"Tech Diplomacy\" is defined twice"),
    // ---- Unknown references: the quoted value inside the field ----
    invalid("relation-unknown-from.ron", 12, 16, "relations[1] (alpha -> b)", "from", "unknown actor \"alpha\""),
    invalid("relation-unknown-to.ron", 12, 25, "relations[1] (b -> beta)", "to", "unknown actor \"beta\""),
    invalid("relation-unknown-source.ron", 11, 65, "relations[0] (a -> b)", "sources", "unknown source \"src-z\""),
    invalid("event-unknown-actor.ron", 14, 84, "e1", "actors", "unknown actor \"gamma\""),
    invalid("story-unknown-focus.ron", 19, 73, "s1", "steps[1].focus", "unknown actor \"gamma\""),
    invalid("actor-unknown-region.ron", 7, 57, "a", "regions", "unknown region \"europe\""),
    invalid("actor-unknown-theme.ron", 11, 54, "b", "themes", "unknown theme \"cyber\""),
    invalid("actor-unknown-source.ron", 8, 64, "b", "sources", "unknown source \"src-b\""),
    invalid("holder-unknown-source.ron", 8, 98, "b", "holders[0].sources", "unknown source \"src-x\""),
    invalid("glossary-unknown-source.ron", 14, 95, "Tech diplomacy", "sources", "unknown source \"src-q\""),
    // ---- Dates out of order ----
    invalid("until-before-since.ron", 11, 70, "relations[0] (a -> b)", "until", "ends (2018) before it begins (2019-06)"),
    invalid("holder-until-before-from.ron", 11, 61, "b", "holders[1].until", "ends (2020-08-01) before it begins (2020-08-24)"),
    // ---- Unsourced facts ----
    // The holder above the actor's own `sources: []` cites a source; the line is the actor's.
    invalid("actor-no-source.ron", 12, 10, "b", "sources", "no source: every fact needs one"),
    invalid("relation-no-source.ron", 11, 46, "relations[0] (a -> b)", "sources", "no source: every fact needs one"),
    invalid("event-no-source.ron", 14, 85, "e1", "sources", "no source: every fact needs one"),
    // ---- Empty or missing content ----
    invalid("event-no-actors.ron", 14, 70, "e1", "actors", "an event must name at least one actor"),
    invalid("story-no-steps.ron", 14, 45, "s1", "steps", "a story needs at least one step"),
    invalid("empty-name.ron", 8, 31, "b", "name", "name is empty"),
    // A record without an id is named by its place in its section.
    invalid("empty-id.ron", 9, 10, "actors[2]", "id", "id is empty"),
    invalid("region-empty-name.ron", 4, 24, "europe", "name", "name is empty"),
    invalid("holder-empty-name.ron", 8, 68, "b", "holders[0].name", "holder name is empty"),
    invalid("event-empty-title.ron", 14, 51, "e1", "title", "title is empty"),
    invalid("step-empty-title.ron", 16, 14, "s1", "steps[1].title", "step title is empty"),
    invalid("source-empty-title.ron", 4, 23, "src-a", "title", "title is empty"),
    invalid("source-empty-url.ron", 5, 57, "src-b", "url", "url is empty"),
];

/// Files checked by their own tests below rather than by the table.
const OWN_TESTS: &[&str] = &["not-utf8.ron", "many-problems.ron"];

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("atlas-data/samples")
}

fn broken(file: &str) -> PathBuf {
    samples().join("broken").join(file)
}

/// Loads a sample that must fail validation or parsing, and returns its report.
fn diagnostics(path: &Path) -> Vec<Diagnostic> {
    match load_file(path) {
        Ok(_) => panic!("{} loaded, but it is broken", path.display()),
        Err(LoadError::Invalid { report }) => report.diagnostics,
        Err(other) => panic!("{}: expected a report, got {other}", path.display()),
    }
}

#[test]
fn every_broken_sample_reports_its_problem_and_where() {
    let mut failures = Vec::new();
    for case in CASES {
        let path = broken(case.file);
        let found = diagnostics(&path);
        let [d] = found.as_slice() else {
            failures.push(format!(
                "{}: expected one problem, got {found:#?}",
                case.file
            ));
            continue;
        };
        let name = path.display().to_string();
        let matches = d.severity == Severity::Error
            && d.file == name
            && d.position == Some((case.line, case.col))
            && d.record.as_deref() == case.record
            && d.field.as_deref() == case.field
            && if case.record.is_some() {
                d.message == case.message
            } else {
                d.message.contains(case.message)
            };
        // The line a person reads: FILE:LINE:COL: [record.field: ]message.
        let place = match (case.record, case.field) {
            (Some(r), Some(f)) => format!("{r}.{f}: "),
            _ => String::new(),
        };
        let shown = d.to_string();
        let prefix = format!("{name}:{}:{}: {place}", case.line, case.col);
        if !matches || !shown.starts_with(&prefix) || !shown.contains(case.message) {
            failures.push(format!(
                "{}: expected {prefix}{}, got {shown} ({d:?})",
                case.file, case.message
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_broken_sample_is_in_the_table() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(samples().join("broken"))
        .expect("samples/broken exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ron"))
        .collect();
    let listed: BTreeSet<String> = CASES
        .iter()
        .map(|c| c.file)
        .chain(OWN_TESTS.iter().copied())
        .map(String::from)
        .collect();
    assert_eq!(
        listed.len(),
        CASES.len() + OWN_TESTS.len(),
        "a file is listed twice"
    );
    let missing: Vec<_> = on_disk.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        missing.is_empty(),
        "samples without an expected message: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "expected messages for files that do not exist: {stale:?}"
    );
    assert!(on_disk.len() >= 28, "only {} broken samples", on_disk.len());
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_the_place_of_the_first_bad_byte() {
    let path = broken("not-utf8.ron");
    match load_file(&path) {
        // Line 8 is `        (id: "b", kind: Bloc, name: "B\xE9ta", ...`: 38 characters before.
        Err(
            e @ LoadError::NotText {
                line: 8,
                column: 39,
                ..
            },
        ) => assert_eq!(
            e.to_string(),
            format!(
                "{}:8:39: the file is not UTF-8 text: save it with the UTF-8 encoding",
                path.display()
            )
        ),
        other => panic!("expected NotText at 8:39, got {other:?}"),
    }
}

#[test]
fn every_problem_in_a_file_is_reported_in_file_order() {
    let path = broken("many-problems.ron");
    let name = path.display().to_string();
    let found: Vec<String> = diagnostics(&path).iter().map(ToString::to_string).collect();
    let expected = [
        "8:31: b.name: name is empty",
        "9:10: a.id: duplicate id \"a\" (first at line 7)",
        "12:25: relations[0] (a -> ghost).to: unknown actor \"ghost\"",
        "13:67: relations[1] (a -> b).until: ends (2019) before it begins (2020)",
        "13:88: relations[1] (a -> b).sources: no source: every fact needs one",
        "16:90: e1.actors: unknown actor \"nobody\"",
        "16:111: e1.sources: unknown source \"src-nowhere\"",
    ]
    .map(|e| format!("{name}:{e}"));
    assert_eq!(found, expected);
}

#[test]
fn a_file_of_one_gibibyte_is_refused_before_it_is_read() {
    assert_eq!(MAX_DATASET_BYTES, 1 << 30);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    // Sparse: takes no disk space, but reading it would take a gibibyte of memory.
    std::fs::File::create(&path)
        .and_then(|f| f.set_len(1 << 30))
        .expect("sparse file");
    let start = Instant::now();
    let result = load_file(&path);
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "the file was read"
    );
    match result {
        Err(e @ LoadError::TooLarge { size, limit, .. }) => {
            assert_eq!((size, limit), (1 << 30, 1 << 30));
            assert!(
                e.to_string().ends_with(
                    "the file is 1073741824 bytes; datasets of 1073741824 bytes or more are refused"
                ),
                "{e}"
            );
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let path = broken("no-such-file.ron");
    match load_file(&path) {
        Err(e @ LoadError::Io { .. }) => assert!(
            e.to_string()
                .starts_with(&format!("{}: cannot read the file: ", path.display())),
            "{e}"
        ),
        other => panic!("expected Io, got {other:?}"),
    }
}

#[test]
fn deep_nesting_far_beyond_the_sample_does_not_overflow_the_stack() {
    for open in ["[", "(", "{"] {
        let text = format!("Atlas(actors: {})", open.repeat(1_000_000));
        let err = load_str(&text, "deep.ron").expect_err("not an atlas");
        assert!(matches!(err, LoadError::Invalid { .. }), "{err}");
    }
    let text = "(".repeat(1_000_000);
    let err = load_str(&text, "deep.ron").expect_err("not an atlas");
    assert!(err.to_string().starts_with("deep.ron:1:"), "{err}");
}

#[test]
fn no_prefix_of_a_valid_file_panics_and_each_error_has_a_place() {
    let text = std::fs::read_to_string(samples().join("valid/minimal.ron")).expect("minimal");
    let end = text.rfind(')').expect("closing bracket");
    for cut in (0..end).filter(|&i| text.is_char_boundary(i)) {
        match load_str(&text[..cut], "cut.ron") {
            Err(LoadError::Invalid { report }) => {
                assert!(report.has_errors());
                assert!(
                    report.errors().all(|d| d.position.is_some()),
                    "cut at {cut}: {report}"
                );
            }
            Ok(_) => panic!("the first {cut} bytes loaded"),
            Err(other) => panic!("cut at {cut}: {other}"),
        }
    }
}

#[test]
fn the_embedded_default_atlas_loads_without_errors() {
    let loaded = load_default().unwrap_or_else(|e| panic!("the default atlas is invalid:\n{e}"));
    assert!(!loaded.atlas.actors.is_empty());
    assert!(!loaded.atlas.relations.is_empty());
    assert!(!loaded.atlas.events.is_empty());
    assert!(
        loaded
            .warnings
            .iter()
            .all(|w| w.severity == Severity::Warning)
    );
}

#[test]
fn the_valid_samples_load_and_the_minimal_one_without_warnings() {
    for (file, warnings) in [("minimal.ron", 0), ("path.ron", 0), ("warnings.ron", 3)] {
        let path = samples().join("valid").join(file);
        let loaded = load_file(&path).unwrap_or_else(|e| panic!("{file}:\n{e}"));
        assert_eq!(
            loaded.warnings.len(),
            warnings,
            "{file}: {:#?}",
            loaded.warnings
        );
    }
    // An atlas with no actors would open an empty window: it is refused (issue 12).
    let error = load_str("Atlas()", "empty-atlas.ron").expect_err("no actors");
    assert_eq!(
        error.to_string(),
        "empty-atlas.ron: the atlas has no actors: a dataset needs at least one record in \
         `actors: [...]`"
    );
}

#[test]
fn warnings_are_listed_with_their_place_but_do_not_stop_loading() {
    let path = samples().join("valid/warnings.ron");
    let name = path.display().to_string();
    let loaded = load_file(&path).expect("warnings never fail loading");
    let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    let expected = [
        "5:54: warning: src-print.url: \"Library shelf 4, box 12\" is not an http(s) link; it is shown as text and never opened",
        "10:9: warning: loner: no relation links this actor to the rest of the atlas",
        "16:74: warning: Bloc.see_also: \"Alliance\" is not a glossary term",
    ]
    .map(|e| format!("{name}:{e}"));
    assert_eq!(shown, expected);
    assert!(loaded.warnings.iter().all(|w| !w.is_error()));
}

/// An atlas whose one relation runs from `since` to `until`.
fn relation_dated(since: &str, until: &str) -> String {
    format!(
        r#"Atlas(
            sources: [(id: "s", title: "S", url: "https://example.org")],
            actors: [
                (id: "a", kind: State, name: "A", sources: ["s"]),
                (id: "b", kind: Bloc, name: "B", sources: ["s"]),
            ],
            relations: [(from: "a", to: "b", kind: MemberOf, since: Some("{since}"), until: Some("{until}"), sources: ["s"])],
        )"#
    )
}

#[test]
fn until_is_compared_with_since_at_the_precision_both_share() {
    for (since, until) in [
        ("2018", "2018"),
        ("2018-06", "2018"),
        ("2018", "2018-01"),
        ("2018-06-30", "2018-06"),
        ("2018-06-01", "2018-06-01"),
        ("c. 2018", "2018"),
        ("2017-12-31", "2018-01-01"),
    ] {
        let loaded = load_str(&relation_dated(since, until), "dates.ron");
        assert!(loaded.is_ok(), "{since} .. {until}: {:?}", loaded.err());
    }
    for (since, until) in [
        ("2019", "2018"),
        ("2019-06", "2018"),
        ("2018-07", "2018-06"),
        ("2018-06-02", "2018-06-01"),
        ("2018-06", "2018-05-31"),
    ] {
        let err = load_str(&relation_dated(since, until), "dates.ron")
            .expect_err(&format!("{since} .. {until}"));
        // Line 7 is 12 spaces, `relations: [(from: "a", to: "b", kind: MemberOf, since: Some("`
        // (62 characters), the date, then `"), ` before `until`.
        let col = 12 + 62 + since.len() + 4 + 1;
        assert_eq!(
            err.messages(),
            [format!(
                "dates.ron:7:{col}: relations[0] (a -> b).until: ends ({until}) before it begins ({since})"
            )]
        );
    }
}
