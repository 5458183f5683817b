//! Hostile dataset text (issue 12, findings 7, 10 and 11): every message exact, every place
//! right.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas::model::{LoadError, load_str};

/// A valid atlas around `actors` and `relations` (RON list bodies).
fn atlas(actors: &str, relations: &str) -> String {
    format!(
        "Atlas(\n    sources: [(id: \"s\", title: \"T\", url: \"https://example.org\")],\n    \
         actors: [\n{actors}\n    ],\n    relations: [\n{relations}\n    ],\n)\n"
    )
}

const TWO: &str = "        (id: \"a\", kind: State, name: \"A\", sources: [\"s\"]),\n        \
                   (id: \"b\", kind: State, name: \"B\", sources: [\"s\"]),";
const LINK: &str = "        (from: \"a\", to: \"b\", kind: MemberOf, sources: [\"s\"]),";

/// Every message of loading `text`, errors first.
fn messages(text: &str) -> Vec<String> {
    match load_str(text, "t.ron") {
        Ok(loaded) => loaded.warnings.iter().map(ToString::to_string).collect(),
        Err(e) => e.messages(),
    }
}

#[test]
fn a_byte_order_mark_is_accepted_and_columns_count_after_it() {
    let text = format!("\u{feff}{}", atlas(TWO, LINK));
    assert!(load_str(&text, "t.ron").is_ok());
    let broken = format!("\u{feff}{}", atlas(TWO, LINK)).replace("to: \"b\"", "to: \"x\"");
    assert_eq!(
        messages(&broken),
        [
            "t.ron:8:25: relations[0] (a -> x).to: unknown actor \"x\"",
            "t.ron:5:9: warning: b: no relation links this actor to the rest of the atlas",
        ]
    );
}

#[test]
fn ron_extensions_are_refused_where_they_stand() {
    let text = format!(
        "// header\n#![enable(implicit_some)]\n{}",
        atlas(TWO, LINK).replace("name: \"A\"", "name: \"A\", country: \"DK\"")
    );
    assert_eq!(
        messages(&text),
        [
            "t.ron:2:1: RON extensions (`#![enable(...)]`) are not accepted: remove the line and \
          write optional values as `Some(...)`"
        ]
    );
}

#[test]
fn an_unclosed_comment_is_reported_where_it_opens() {
    let mut text = atlas(TWO, LINK);
    text = text.replace("    relations: [", "    /* relations: [");
    text.push_str(&"\n".repeat(200));
    assert_eq!(
        messages(&text),
        [
            "t.ron:7:5: this block comment is never closed: a `/*` needs its `*/` (comments nest, \
          so each `/*` inside needs one too)"
        ]
    );
}

#[test]
fn lines_stay_right_after_a_commented_record_with_its_own_comment_and_a_raw_string() {
    let actors = "        /* (id: \"old\", /* inner */ kind: State, name: \"(\", sources: []), */\n        \
                  (id: \"a\", kind: State, name: r#\"A \"(quoted\"#, sources: [\"s\"]),\n        \
                  (id: \"b\", kind: State, name: \"B\", sources: [\"zz\"]),";
    let text = atlas(actors, LINK);
    assert_eq!(
        messages(&text),
        ["t.ron:6:53: b.sources: unknown source \"zz\""]
    );
}

#[test]
fn ids_follow_the_pattern_and_control_characters_are_escaped_in_messages() {
    let actors =
        format!("{TWO}\n        (id: \"a\\u{{1}}\", kind: State, name: \"C\", sources: [\"s\"]),");
    let text = atlas(&actors, LINK);
    let all = messages(&text);
    assert_eq!(
        all[0],
        "t.ron:6:10: a\\u{1}.id: the id \"a\\u{1}\" does not follow the pattern: lowercase ASCII \
         letters and digits in words joined by single hyphens (`src-eu-1`), at most 80 characters"
    );
    assert!(all.iter().all(|m| !m.contains('\u{1}')), "{all:?}");
}

#[test]
fn invisible_names_control_characters_and_huge_names_are_errors() {
    let huge = "x".repeat(10_000_000);
    let actors = format!(
        "        (id: \"a\", kind: State, name: \"\\u{{200B}}\\u{{2060}}\", sources: [\"s\"]),\n        \
         (id: \"b\", kind: State, name: \"B\\u{{1b}}[31m\", sources: [\"s\"]),\n        \
         (id: \"c\", kind: State, name: \"{huge}\", sources: [\"s\"]),"
    );
    let text = atlas(&actors, LINK);
    assert_eq!(
        messages(&text)[..3],
        [
            "t.ron:4:32: a.name: name shows nothing: it holds only invisible characters",
            "t.ron:5:32: b.name: name contains the control character U+001B; remove it",
            "t.ron:6:32: c.name: name is 10000000 characters long; at most 300 are allowed",
        ]
    );
}

#[test]
fn a_name_mixing_cyrillic_and_latin_is_a_warning() {
    let actors = TWO.replace("name: \"B\"", "name: \"\u{0421}hina\"");
    let text = atlas(&actors, LINK);
    assert_eq!(
        messages(&text),
        [
            "t.ron:5:32: warning: b.name: \"\u{0421}hina\" mixes Cyrillic and Latin letters, which \
          look alike: is it a look-alike of another name?"
        ]
    );
}

#[test]
fn supersedes_cycles_duplicate_relations_and_unknown_country_codes_are_warnings() {
    let actors = TWO.replace("name: \"A\"", "name: \"A\", country: Some(\"XK\")");
    let relations = format!(
        "{LINK}\n{LINK}\n        (from: \"a\", to: \"b\", kind: Supersedes, sources: [\"s\"]),\n        \
         (from: \"b\", to: \"a\", kind: Supersedes, sources: [\"s\"]),"
    );
    let text = atlas(&actors, &relations);
    let loaded = load_str(&text, "t.ron").expect("warnings only");
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "t.ron:4:43: warning: a.country: \"XK\" is not an ISO 3166-1 alpha-2 country code \
             (two capital letters, such as \"DK\")",
            "t.ron:9:9: warning: relations[1] (a -> b): the same relation (a MemberOf b) is \
             already relations[0]",
            "t.ron:10:30: warning: relations[2] (a -> b).kind: Supersedes relations go round in \
             a cycle among a, b: each would replace one that replaces it",
        ]
    );
}

#[test]
fn a_panic_beside_validation_is_a_load_error_with_its_message() {
    let text = atlas(TWO, LINK);
    let error = atlas::model::load_str_with(&text, "t.ron", |_| -> () { panic!("boom") })
        .expect_err("the helper panicked");
    assert!(matches!(error, LoadError::Internal { .. }));
    assert_eq!(
        error.to_string(),
        "t.ron: reading stopped on an internal error (boom); please report this"
    );
}
