//! A seeded, mutation-based fuzzer over the loader that runs on stable Rust.
//!
//! Inputs start from a checked-in corpus (`tests/fuzz/corpus/` and every sample under
//! `atlas-data/samples/`) and are mutated with byte edits, RON-aware insertions (comment
//! openers, raw strings, brackets, escapes, a BOM, invisible characters), deletions,
//! duplications, commenting out of spans, and splices of two inputs. A mutant that ends in an outcome not seen before
//! (a new first message, with numbers stripped) joins the working corpus: a cheap stand-in
//! for coverage feedback that steers mutation towards new error paths.
//!
//! Every case must hold three promises: loading never panics; every error has a place or
//! names the file; and whatever the fast reader accepts, `ron` reads identically. The short
//! run is part of `cargo test`; the long one is
//! `FUZZ_CASES=200000 FUZZ_SEED=7 cargo test --release --test fuzz -- --ignored --nocapture`.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use atlas::model::{Atlas, LoadError, fast_ron, load_str};
use atlas::synth::Rng;

/// Pieces worth inserting: each is a lexical or structural corner of RON or of the schema.
const TOKENS: &[&str] = &[
    "/*",
    "*/",
    "/*/",
    "/*/*/",
    "/**/",
    "/* a /*/",
    "//",
    "\n",
    "\"",
    "r\"",
    "r#\"",
    "\"#",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "Some(",
    "None",
    "\\",
    "\\u{1b}",
    "\\u{200B}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{0421}",
    "#![enable(implicit_some)]",
    "id: \"x\"",
    "kind: Supersedes",
    "country: Some(\"ZZ\")",
    "(from: \"a\", to: \"a\", kind: MemberOf, sources: [])",
    "'",
    "-",
    "1e9",
    "é",
];

fn corpus() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "ron") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("tests/fuzz/corpus"), &mut files);
    walk(&root.join("atlas-data/samples"), &mut files);
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

fn char_floor(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One to four mutations of `input` (another corpus entry, `other`, for splices).
fn mutate(rng: &mut Rng, input: &str, other: &str) -> String {
    let mut text = input.to_string();
    for _ in 0..=rng.below(4) {
        let at = char_floor(&text, rng.below(text.len() + 1));
        match rng.below(7) {
            0 => text.insert_str(at, TOKENS[rng.below(TOKENS.len())]),
            1 => {
                let end = char_floor(&text, at + rng.below(16));
                text.replace_range(at..end, "");
            }
            2 => {
                let end = char_floor(&text, at + rng.below(64));
                let piece = text[at..end].to_string();
                text.insert_str(at, &piece);
            }
            3 => {
                let from = char_floor(other, rng.below(other.len() + 1));
                let to = char_floor(other, from + rng.below(200));
                text.insert_str(at, &other[from..to]);
            }
            4 => {
                let mut bytes = std::mem::take(&mut text).into_bytes();
                if let Some(b) = bytes.get_mut(at) {
                    *b = b"()[],:\"/*\\ \n#rSN0a"[rng.below(18)];
                }
                text = String::from_utf8_lossy(&bytes).into_owned();
            }
            5 => {
                // Comment out a span: nests with any comment inside it.
                let end = char_floor(&text, at + rng.below(120));
                text.insert_str(end, " */");
                text.insert_str(at, "/* ");
            }
            _ => {
                let end = char_floor(&text, at + rng.below(8));
                let piece = TOKENS[rng.below(TOKENS.len())];
                text.replace_range(at..end, piece);
            }
        }
    }
    text
}

/// What one case broke, if anything.
fn check(text: &str) -> Result<String, String> {
    let loaded = catch_unwind(AssertUnwindSafe(|| load_str(text, "fuzz.ron")))
        .map_err(|_| "load_str panicked".to_string())?;
    let outcome = match &loaded {
        Ok(_) => "valid".to_string(),
        Err(LoadError::Invalid { report }) => {
            let first = report.errors().next().ok_or("invalid without an error")?;
            if first.position.is_none()
                && first.record.is_none()
                && !first.message.contains("atlas")
            {
                return Err(format!("an error with no place: {first}"));
            }
            if first.to_string().contains('\n') {
                return Err(format!("a message spans lines: {first}"));
            }
            first.message.replace(|c: char| c.is_ascii_digit(), "")
        }
        Err(LoadError::Internal { message, .. }) => return Err(format!("internal: {message}")),
        Err(other) => other.to_string(),
    };
    let fast = catch_unwind(AssertUnwindSafe(|| fast_ron::atlas_from_str(text)))
        .map_err(|_| "the fast reader panicked".to_string())?;
    if let Ok(fast) = fast {
        let slow: Option<Atlas> = ron::Options::default()
            .with_recursion_limit(atlas::model::load::MAX_NESTING)
            .from_str(text)
            .ok();
        if slow.as_ref() != Some(&fast) {
            return Err("the fast reader accepted what ron reads differently".into());
        }
    }
    Ok(outcome)
}

/// Runs `cases` mutants from `seed`; returns (cases run, outcomes seen, slowest case).
fn fuzz(seed: u64, cases: usize) -> (usize, usize, Duration) {
    let mut pool = corpus();
    assert!(pool.len() > 40, "corpus of {}", pool.len());
    let mut outcomes = HashSet::new();
    let mut rng = Rng::new(seed);
    let mut slowest = Duration::ZERO;
    for case in 0..cases {
        let input = &pool[rng.below(pool.len())];
        let other = &pool[rng.below(pool.len())];
        let text = mutate(&mut rng, input, other);
        let start = Instant::now();
        let result = check(&text);
        slowest = slowest.max(start.elapsed());
        match result {
            Ok(outcome) => {
                if outcomes.insert(outcome) && text.len() < 20_000 {
                    pool.push(text);
                }
            }
            Err(why) => {
                let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-crashes");
                let _ = std::fs::create_dir_all(&dir);
                let file = dir.join(format!("seed{seed}-case{case}.ron"));
                let _ = std::fs::write(&file, &text);
                panic!(
                    "case {case} of seed {seed}: {why}; input saved to {}",
                    file.display()
                );
            }
        }
    }
    (cases, outcomes.len(), slowest)
}

#[test]
fn a_short_seeded_run_finds_no_panic_no_unplaced_error_and_no_disagreement() {
    let (cases, outcomes, slowest) = fuzz(1, 5000);
    eprintln!("fuzz: {cases} cases, {outcomes} distinct outcomes, slowest {slowest:?}");
    assert!(outcomes > 30, "mutations reach few outcomes: {outcomes}");
}

#[test]
#[ignore = "long run: FUZZ_CASES and FUZZ_SEED choose its size and seed"]
fn a_long_seeded_run() {
    let number = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (seed, cases) = (number("FUZZ_SEED", 7), number("FUZZ_CASES", 100_000));
    let (cases, outcomes, slowest) = fuzz(seed, cases as usize);
    eprintln!(
        "fuzz: seed {seed}, {cases} cases, {outcomes} distinct outcomes, slowest {slowest:?}"
    );
}
