//! `atlas brief` end to end: the PDF is read back by poppler (`pdftotext`, `pdffonts`,
//! `pdfinfo`), a reader this project did not write; the Markdown is read as text.
//!
//! CI installs poppler-utils and sets ATLAS_REQUIRE_POPPLER=1, so that a missing install fails
//! instead of passing quietly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use atlas::brief::parse_cite;

const SAMPLE: &str = "atlas-data/samples/valid/brief.ron";

fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .expect("run atlas")
}

/// Runs `atlas brief SAMPLE ARGS -o DIR/NAME` and returns the output path.
fn brief(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let out_text = out.to_string_lossy().into_owned();
    let mut all = vec!["brief", SAMPLE];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", &out_text]);
    let run = atlas(&all);
    assert!(
        run.status.success(),
        "atlas {all:?} failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

/// Whether poppler's tools are installed; when not, says so loudly and fails if CI asked.
fn poppler() -> bool {
    if Command::new("pdftotext").arg("-v").output().is_ok() {
        return true;
    }
    let required = std::env::var("ATLAS_REQUIRE_POPPLER").is_ok_and(|v| v == "1");
    let _ = writeln!(
        std::io::stderr(),
        "\n!!!!!!!! NOTE: pdftotext (poppler-utils) is not installed; the PDF read-back tests \
         did NOT run. Install poppler-utils. !!!!!!!!\n"
    );
    assert!(
        !required,
        "ATLAS_REQUIRE_POPPLER=1 but pdftotext is missing"
    );
    false
}

fn tool(name: &str, args: &[&str]) -> String {
    let run = Command::new(name).args(args).output().expect("run poppler");
    assert!(run.status.success(), "{name} {args:?} failed");
    String::from_utf8(run.stdout).expect("UTF-8 output")
}

/// The PDF's text as pdftotext reads it, with every run of whitespace made one space.
fn pdf_text(pdf: &Path) -> String {
    let raw = tool("pdftotext", &["-enc", "UTF-8", &pdf.to_string_lossy(), "-"]);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every reference number cited in the body, and every number the reference list holds.
fn cited_and_listed(text: &str) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let split = text.rfind("References").expect("a References section");
    let (body, list) = text.split_at(split);
    (brackets(body, true), brackets(list, false))
}

/// Numbers in square brackets; with `ranges`, "[1–3, 5]" counts 1, 2, 3 and 5.
fn brackets(text: &str, ranges: bool) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for piece in text.split('[').skip(1) {
        let Some((inside, _)) = piece.split_once(']') else {
            continue;
        };
        let wellformed = inside
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '–' | ',' | ' '));
        if !wellformed || inside.is_empty() {
            continue;
        }
        if ranges {
            out.extend(parse_cite(&format!("[{inside}]")));
        } else if let Ok(n) = inside.parse() {
            out.insert(n);
        }
    }
    out
}

#[test]
fn actor_pdf_has_name_dated_relation_native_aliases_and_every_cited_reference() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = brief(
        dir.path(),
        "alpha.pdf",
        &["--actor", "alpha", "--as-of", "2026-11"],
    );
    let text = pdf_text(&pdf);
    assert!(text.contains("Alpha"), "{text}");
    assert!(
        text.contains("Alpha member of Beta Bloc, since 2012-01"),
        "{text}"
    );
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for alias in ["阿尔法", "Αλφα", "Альфа", "알파"] {
        assert!(squeezed.contains(alias), "alias {alias} missing: {text}");
    }
    let (cited, listed) = cited_and_listed(&text);
    assert!(!cited.is_empty(), "{text}");
    assert_eq!(cited, listed, "{text}");
    assert_eq!(
        listed,
        (1..=listed.len()).collect(),
        "numbered 1..n: {text}"
    );
    // Alpha's record, its bloc, its envoy's news report and its pact: the source that only
    // Delta cites is not listed.
    assert_eq!(listed.len(), 4, "{text}");
    assert!(!text.contains("example.org/unused"), "{text}");
}

#[test]
fn every_font_in_the_pdf_is_embedded_and_subset() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = brief(dir.path(), "alpha.pdf", &["--actor", "alpha"]);
    let listing = tool("pdffonts", &[&pdf.to_string_lossy()]);
    let mut lines = listing.lines();
    let header = lines.next().expect("header line");
    let dashes = lines.next().expect("dash line");
    // Columns are as wide as their runs of dashes; "emb" and "sub" are named in the header.
    let columns: Vec<(usize, usize)> = dash_spans(dashes);
    let column = |name: &str| {
        columns
            .iter()
            .position(|&(a, b)| header.get(a..b).is_some_and(|h| h.trim() == name))
            .expect("column in pdffonts header")
    };
    let (emb, sub) = (column("emb"), column("sub"));
    let fonts: Vec<&str> = lines.collect();
    // Latin, CJK, Arabic, Hebrew, Devanagari.
    assert!(fonts.len() >= 5, "{listing}");
    for font in fonts {
        let cell = |i: usize| font.get(columns[i].0..columns[i].1).unwrap_or("").trim();
        assert_eq!(cell(emb), "yes", "not embedded: {font}");
        assert_eq!(cell(sub), "yes", "not subset: {font}");
    }
}

fn dash_spans(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
        match (c == '-', start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

#[test]
fn as_of_leaves_out_what_had_not_happened_or_had_ended() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let early = pdf_text(&brief(
        dir.path(),
        "e.pdf",
        &["--actor", "alpha", "--as-of", "2018"],
    ));
    assert!(
        early.contains("Ada Example") || early.contains("Alpha Tech Envoy"),
        "{early}"
    );
    assert!(
        !early.contains("Gamma Pact"),
        "the pact came in 2021: {early}"
    );
    assert!(
        !early.contains("rivals"),
        "the rivalry ended in 2005: {early}"
    );
    let envoy = pdf_text(&brief(
        dir.path(),
        "v.pdf",
        &["--actor", "alpha-envoy", "--as-of", "2018"],
    ));
    assert!(envoy.contains("Ada Example, 2017-05 – 2020-02"), "{envoy}");
    assert!(!envoy.contains("Bo Sample"), "named in 2020: {envoy}");
    let old = pdf_text(&brief(
        dir.path(),
        "o.pdf",
        &["--actor", "alpha", "--as-of", "2003"],
    ));
    assert!(old.contains("Alpha rivals Delta, 2000 – 2005"), "{old}");
}

#[test]
fn paper_sizes_are_a4_by_default_and_letter_on_request() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let size = |pdf: PathBuf| {
        let info = tool("pdfinfo", &[&pdf.to_string_lossy()]);
        let line = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .map(str::to_string);
        line.expect("page size line")
    };
    assert!(size(brief(dir.path(), "a.pdf", &["--actor", "alpha"])).contains("(A4)"));
    let letter = brief(
        dir.path(),
        "l.pdf",
        &["--actor", "alpha", "--paper", "letter"],
    );
    assert!(size(letter).contains("612 x 792"));
}

#[test]
fn story_handout_and_region_briefing_have_their_sections() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let story = pdf_text(&brief(dir.path(), "s.pdf", &["--story", "alpha-story"]));
    for part in [
        "How Alpha went digital",
        "Step 1 of 2: Joining the bloc",
        "Step 2 of 2",
        "Questions for discussion",
        "Why would a state send an envoy to companies?",
        "Page 1 of",
    ] {
        assert!(story.contains(part), "{part} missing: {story}");
    }
    let (cited, listed) = cited_and_listed(&story);
    assert_eq!(cited, listed, "{story}");
    let region = pdf_text(&brief(dir.path(), "r.pdf", &["--region", "north"]));
    for part in [
        "Actors by kind",
        "Instruments and groupings",
        "Gamma Pact",
        "Timeline",
        "Alpha joins the Beta Bloc",
    ] {
        assert!(region.contains(part), "{part} missing: {region}");
    }
    let (cited, listed) = cited_and_listed(&region);
    assert_eq!(cited, listed, "{region}");
}

#[test]
fn markdown_says_the_same_with_every_cited_reference() {
    let dir = tempfile::tempdir().expect("temp dir");
    let md = brief(
        dir.path(),
        "alpha.md",
        &["--actor", "alpha", "--as-of", "2026-11"],
    );
    let text = std::fs::read_to_string(md).expect("read markdown");
    assert!(text.starts_with("# Alpha\n"), "{text}");
    assert!(
        text.contains("Alpha member of Beta Bloc, since 2012-01"),
        "{text}"
    );
    assert!(
        text.contains("阿尔法") && text.contains("ألفا") && text.contains("अल्फा"),
        "{text}"
    );
    assert!(text.contains("```mermaid"), "{text}");
    let (cited, listed) = cited_and_listed(&text);
    assert_eq!(cited, listed, "{text}");
    assert_eq!(listed.len(), 4, "{text}");
}

#[test]
fn refuses_to_write_over_the_dataset_and_names_unknown_subjects() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("data.ron");
    std::fs::copy(SAMPLE, &copy).expect("copy sample");
    let before = std::fs::read(&copy).expect("read");
    let path = copy.to_string_lossy().into_owned();
    let run = atlas(&["brief", &path, "--actor", "alpha", "-o", &path]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("over the dataset"));
    assert_eq!(
        std::fs::read(&copy).expect("read"),
        before,
        "the dataset is untouched"
    );
    let out = dir.path().join("x.pdf").to_string_lossy().into_owned();
    let run = atlas(&["brief", &path, "--story", "nope", "-o", &out]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("no story with id \"nope\""));
    assert!(!Path::new(&out).exists());
}
