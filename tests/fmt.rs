//! The canonical form (`atlas fmt`): the default atlas is kept in it, every valid sample and a
//! synthetic atlas round-trip through it, and `atlas fmt --check` says so by its exit code.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use atlas::io::{canonical_ron, first_difference};
use atlas::model::fast_ron::atlas_from_str;
use atlas::model::load::{DEFAULT_ATLAS_RON, parse};
use atlas::model::{Atlas, load_default, load_file, load_str};
use atlas::synth::{SynthSize, synthetic_atlas};

fn atlas_bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .expect("run atlas")
}

fn samples(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("atlas-data/samples")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("samples folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// `atlas` written and read back through both readers is the same atlas, and writing what was
/// read gives the same text.
fn assert_round_trips(atlas: &Atlas, what: &str) {
    let text = canonical_ron(atlas);
    let plain: Atlas = ron::from_str(&text).unwrap_or_else(|e| panic!("{what}: ron: {e}"));
    assert!(plain == *atlas, "{what}: ron reads a different atlas");
    let fast = atlas_from_str(&text).unwrap_or_else(|e| panic!("{what}: fast reader: {e}"));
    assert!(
        fast == *atlas,
        "{what}: the fast reader reads a different atlas"
    );
    let loaded = load_str(&text, what).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        loaded.atlas == *atlas,
        "{what}: the loader reads a different atlas"
    );
    assert_eq!(
        first_difference(&canonical_ron(&loaded.atlas), &text),
        None,
        "{what}: formatting twice changed the text"
    );
}

#[test]
fn the_default_atlas_is_in_canonical_form() {
    let atlas = load_default().expect("the default atlas loads").atlas;
    if let Some(line) = first_difference(DEFAULT_ATLAS_RON, &canonical_ron(&atlas)) {
        panic!(
            "atlas-data/atlas.ron:{line}: not in canonical form; run `cargo run -- fmt atlas-data/atlas.ron`"
        );
    }
}

#[test]
fn the_default_atlas_round_trips() {
    let atlas = load_default().expect("the default atlas loads").atlas;
    assert_round_trips(&atlas, "atlas-data/atlas.ron");
}

#[test]
fn every_valid_sample_round_trips() {
    let files = samples("valid");
    assert!(!files.is_empty());
    for file in files {
        let atlas = load_file(&file).expect("a valid sample loads").atlas;
        assert_round_trips(&atlas, &file.display().to_string());
    }
}

#[test]
fn a_synthetic_atlas_round_trips() {
    let atlas = synthetic_atlas(SynthSize {
        actors: 500,
        relations: 2000,
        events: 300,
        seed: 7,
    });
    assert_round_trips(&atlas, "synthetic atlas");
}

#[test]
fn formatting_a_sample_keeps_its_atlas_and_a_second_format_changes_no_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = &samples("valid")[0];
    let file = dir.path().join("sample.ron");
    std::fs::copy(sample, &file).expect("copy");
    let before = load_file(&file).expect("loads").atlas;
    let path = file.to_str().expect("utf-8 path");
    assert!(atlas_bin(&["fmt", path]).status.success());
    let once = std::fs::read(&file).expect("read");
    assert_eq!(load_file(&file).expect("still loads").atlas, before);
    assert!(atlas_bin(&["fmt", path]).status.success());
    assert_eq!(std::fs::read(&file).expect("read"), once);
}

#[test]
fn fmt_check_exits_1_naming_the_first_line_that_differs_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("atlas.ron");
    let atlas = load_default().expect("loads").atlas;
    let mut text = canonical_ron(&atlas);
    text = text.replacen("    regions: [\n", "    regions: [\n\n", 1);
    let regions = text
        .lines()
        .position(|l| l == "    regions: [")
        .expect("regions");
    let line = regions + 2; // the blank line just after it, counting from 1
    std::fs::write(&file, &text).expect("write");
    let path = file.to_str().expect("utf-8 path");
    let output = atlas_bin(&["fmt", "--check", path]);
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.starts_with(&format!("{path}:{line}: ")), "{said}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
}

#[test]
fn fmt_check_exits_0_on_a_canonical_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("atlas.ron");
    std::fs::write(&file, canonical_ron(&load_default().expect("loads").atlas)).expect("write");
    let output = atlas_bin(&["fmt", "--check", file.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn an_invalid_file_is_an_error_naming_the_place_and_is_never_rewritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "missing-comma.ron",
        "actor-unknown-source.ron",
        "not-utf8.ron",
    ] {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("atlas-data/samples/broken")
            .join(name);
        let file = dir.path().join(name);
        std::fs::copy(&sample, &file).expect("copy");
        let before = std::fs::read(&file).expect("read");
        let path = file.to_str().expect("utf-8 path");
        for args in [vec!["fmt", path], vec!["fmt", "--check", path]] {
            let output = atlas_bin(&args);
            assert_eq!(output.status.code(), Some(1), "{name} {args:?}");
            let said = String::from_utf8_lossy(&output.stderr);
            assert!(said.contains(&format!("{path}:")), "{name}: {said}");
            assert_eq!(std::fs::read(&file).expect("read"), before, "{name}");
        }
    }
}

#[test]
fn the_canonical_form_keeps_no_comment_but_the_header() {
    let text = canonical_ron(&parse(DEFAULT_ATLAS_RON, "atlas.ron").expect("parses"));
    let comments: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("//"))
        .collect();
    assert_eq!(comments.join("\n") + "\n", atlas::io::CANONICAL_HEADER);
}
