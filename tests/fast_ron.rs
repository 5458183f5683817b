//! The fast RON reader must never disagree with `ron`: whatever it accepts, `ron` accepts
//! too, with the same value. (It may decline more; the loader then uses `ron`.)

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use atlas::model::Atlas;
use atlas::model::fast_ron;
use atlas::synth::{Rng, SynthSize, synthetic_atlas};

fn with_ron(text: &str) -> Option<Atlas> {
    ron::Options::default()
        .with_recursion_limit(atlas::model::load::MAX_NESTING)
        .from_str(text)
        .ok()
}

/// Checks the rule for one text; returns whether the fast reader accepted it.
fn agrees(text: &str, what: &str) -> bool {
    let fast = fast_ron::from_str::<Atlas>(text).ok();
    let parallel = fast_ron::atlas_from_str(text).ok();
    assert_eq!(fast, parallel, "{what}: one and two threads disagree");
    if let Some(fast) = fast {
        let slow = with_ron(text);
        assert_eq!(
            Some(fast),
            slow,
            "{what}: accepted by the fast reader, read differently by ron"
        );
        true
    } else {
        false
    }
}

fn ron_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            ron_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

#[test]
fn every_dataset_file_reads_the_same() {
    let mut files = Vec::new();
    ron_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/atlas-data")),
        &mut files,
    );
    assert!(files.len() > 40, "{} files", files.len());
    let mut accepted = 0;
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        if agrees(&text, &file.display().to_string()) {
            accepted += 1;
        }
    }
    // The default atlas and the valid samples take the fast path.
    let atlas =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/atlas-data/atlas.ron"))
            .expect("atlas");
    assert!(
        fast_ron::from_str::<Atlas>(&atlas).is_ok(),
        "the default atlas is read fast"
    );
    assert!(accepted >= 5, "{accepted} accepted");
}

#[test]
fn large_synthetic_atlases_read_the_same_on_two_threads() {
    let atlas = synthetic_atlas(SynthSize {
        actors: 2000,
        relations: 9000,
        events: 1500,
        seed: 11,
    });
    let compact = ron::to_string(&atlas).expect("ron");
    let pretty =
        ron::ser::to_string_pretty(&atlas, ron::ser::PrettyConfig::default()).expect("ron");
    for (name, text) in [("compact", &compact), ("pretty", &pretty)] {
        assert!(
            text.len() > 1 << 20,
            "{name} is large enough for the parallel path"
        );
        let read = fast_ron::atlas_from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read, atlas, "{name}");
        assert!(agrees(text, name));
    }
}

#[test]
fn escapes_and_comments_read_like_ron() {
    let text = r#"// a comment
    Atlas(
        /* block */ meta: (title: "Quote \" backslash \\ tab \t newline \n", edition: "é 中"),
        sources: [(id: "s", title: "T", url: "https://example.org", note: Some("x"),)],
    )"#;
    assert!(agrees(text, "escapes"));
    // Forms left to ron: raw strings, unicode escapes, attributes.
    for declined in [
        r##"Atlas(meta: (title: r#"raw"#))"##,
        r#"Atlas(meta: (title: "\u{e9}"))"#,
        "#![enable(implicit_some)]\nAtlas()",
    ] {
        assert!(fast_ron::from_str::<Atlas>(declined).is_err(), "{declined}");
        agrees(declined, declined);
    }
}

#[test]
fn random_edits_never_make_the_readers_disagree() {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/atlas-data/samples/valid/minimal.ron"
    ))
    .expect("sample");
    let bytes = base.as_bytes();
    let alphabet = b"(),:[]\" /*\nSomeNoneabc-12_#r";
    let mut rng = Rng::new(42);
    let (mut accepted, mut tried) = (0, 0);
    for _ in 0..4000 {
        let mut edited = bytes.to_vec();
        for _ in 0..=rng.below(2) {
            let at = rng.below(edited.len());
            match rng.below(3) {
                0 => {
                    edited.remove(at);
                }
                1 => edited.insert(at, alphabet[rng.below(alphabet.len())]),
                _ => edited[at] = alphabet[rng.below(alphabet.len())],
            }
        }
        let Ok(text) = String::from_utf8(edited) else {
            continue;
        };
        tried += 1;
        if agrees(&text, &format!("edit {tried}:\n{text}")) {
            accepted += 1;
        }
    }
    assert!(
        tried > 3000 && accepted > 50,
        "{accepted} of {tried} edits accepted"
    );
}

#[test]
fn edits_near_the_split_point_never_make_the_readers_disagree() {
    let atlas = synthetic_atlas(SynthSize {
        actors: 1500,
        relations: 8000,
        events: 500,
        seed: 3,
    });
    let text = ron::to_string(&atlas).expect("ron");
    let mid = text.len() / 2;
    let mut rng = Rng::new(9);
    for _ in 0..12 {
        let mut edited = text.clone().into_bytes();
        let at = mid + rng.below(400);
        edited[at] = b"(),\"x"[rng.below(5)];
        if let Ok(t) = String::from_utf8(edited) {
            agrees(&t, "edit near the middle");
        }
    }
}

/// Block comments nest in `ron`; the fast reader must nest them the same way, so that no
/// record appears for one reader and vanishes for the other (issue 12, finding 1).
#[test]
fn nested_block_comments_are_read_as_ron_reads_them() {
    let refused_by_both = [
        "Atlas(/*/*/ meta: (title: \"x\"))",
        "Atlas(/* a /*/ meta: (title: \"x\"))",
        "Atlas(/* /* */ actors: [])",
        "/*/*/Atlas()",
    ];
    for text in refused_by_both {
        assert!(
            fast_ron::from_str::<Atlas>(text).is_err(),
            "fast accepted {text}"
        );
        assert!(with_ron(text).is_none(), "ron accepted {text}");
        agrees(text, text);
    }
    let read_by_both = [
        "Atlas(/* a /* nested */ b */)",
        "Atlas(/*/*/**/*/*/ meta: (title: \"x\"))",
        "Atlas(/***/ meta: (title: \"/* in a string */\"))",
        "Atlas(/* a /* b /* c */ */ */ regions: [(id: \"r\", name: \"R\")])",
    ];
    for text in read_by_both {
        assert!(with_ron(text).is_some(), "ron refused {text}");
        assert!(agrees(text, text), "fast refused {text}");
    }
}
