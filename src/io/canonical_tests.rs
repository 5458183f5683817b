use super::*;
use crate::model::fast_ron::atlas_from_str;
use crate::model::{
    ActorKind, EventKind, InstrumentKind, PartialDate, RelationKind, SourceKind, load::parse,
};

fn date(text: &str) -> PartialDate {
    text.parse().expect("a valid date")
}

fn texts(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// One record of every kind with every field set, text that needs escaping, and an envoy
/// with holders: everything the writer can get wrong.
fn full_atlas() -> Atlas {
    let tricky = "A \"quote\", a \\ backslash,\nline two\ttab\r and 日本 Øresund \u{1}";
    Atlas {
        meta: Meta {
            title: "Title".into(),
            edition: "2026-11".into(),
            license: "CC BY 4.0".into(),
            summary: tricky.into(),
        },
        regions: vec![Region {
            id: "r".into(),
            name: "Region".into(),
            summary: "A region.".into(),
        }],
        themes: vec![Theme {
            id: "t".into(),
            name: "Theme".into(),
            summary: String::new(),
        }],
        sources: vec![Source {
            id: "s".into(),
            title: tricky.into(),
            publisher: Some("Publisher".into()),
            url: "https://example.org/".into(),
            date: Some(date("c. 2017-05")),
            note: Some(String::new()),
            kind: Some(SourceKind::Mirror),
            checked: Some(date("2026-11-25")),
        }],
        actors: vec![Actor {
            id: "a".into(),
            kind: ActorKind::Envoy,
            name: "Envoy".into(),
            aliases: texts(&["E", "Énvoy"]),
            country: Some("DK".into()),
            regions: texts(&["r"]),
            themes: texts(&["t"]),
            summary: tricky.into(),
            based_in: Some("Copenhagen".into()),
            founded: Some(date("2017")),
            holders: vec![Holder {
                name: "Someone".into(),
                from: Some(date("2017-09")),
                until: Some(date("2020-02")),
                note: Some("Note.".into()),
                sources: texts(&["s"]),
            }],
            sources: texts(&["s"]),
        }],
        relations: vec![Relation {
            id: Some("rel".into()),
            from: "a".into(),
            to: "a".into(),
            kind: RelationKind::PartnersWith,
            since: Some(date("2001")),
            until: Some(date("2002")),
            note: Some(tricky.into()),
            sources: Vec::new(),
        }],
        events: vec![Event {
            id: "e".into(),
            date: date("2017-01-02"),
            kind: EventKind::Statement,
            title: "Event".into(),
            summary: "Summary.".into(),
            actors: texts(&["a"]),
            sources: texts(&["s"]),
        }],
        stories: vec![Story {
            id: "st".into(),
            title: "Story".into(),
            summary: "About.".into(),
            steps: vec![StoryStep {
                title: "Step".into(),
                text: tricky.into(),
                focus: texts(&["a"]),
                date: Some(date("2017")),
                map: true,
                notes: Some("Say this.".into()),
            }],
            questions: texts(&["Why?", "How?"]),
        }],
        glossary: vec![GlossaryTerm {
            term: "Term".into(),
            definition: "Means.".into(),
            aliases: texts(&["T"]),
            see_also: texts(&["Other"]),
            sources: texts(&["s"]),
        }],
    }
}

/// Both readers give back `atlas` from its canonical text.
fn assert_round_trips(atlas: &Atlas) {
    let text = canonical_ron(atlas);
    let plain: Atlas = ron::from_str(&text).expect("ron reads the canonical form");
    assert_eq!(&plain, atlas, "through ron:\n{text}");
    let loaded = parse(&text, "canonical.ron").expect("the loader reads the canonical form");
    assert_eq!(&loaded, atlas, "through the loader:\n{text}");
}

#[test]
fn a_record_of_every_kind_with_every_field_round_trips() {
    assert_round_trips(&full_atlas());
}

#[test]
fn the_fast_reader_takes_the_canonical_form_without_falling_back() {
    // Control characters are escaped as \u{..}, which the fast reader leaves to ron.
    let mut atlas = full_atlas();
    let clean = |s: &mut String| s.retain(|c| c != '\u{1}');
    clean(&mut atlas.meta.summary);
    clean(&mut atlas.sources[0].title);
    clean(&mut atlas.actors[0].summary);
    clean(atlas.relations[0].note.as_mut().expect("a note"));
    clean(&mut atlas.stories[0].steps[0].text);
    let text = canonical_ron(&atlas);
    assert_eq!(atlas_from_str(&text).expect("fast reader accepts"), atlas);
}

#[test]
fn every_kind_of_actor_relation_and_event_round_trips() {
    let mut atlas = full_atlas();
    let template = atlas.actors[0].clone();
    let instruments = [
        InstrumentKind::Regulation,
        InstrumentKind::Directive,
        InstrumentKind::Law,
        InstrumentKind::Agreement,
        InstrumentKind::Treaty,
        InstrumentKind::Standard,
        InstrumentKind::Principles,
        InstrumentKind::Declaration,
        InstrumentKind::Strategy,
        InstrumentKind::ExportControl,
        InstrumentKind::Decision,
        InstrumentKind::Report,
    ];
    let kinds = [
        ActorKind::State,
        ActorKind::Bloc,
        ActorKind::InternationalOrganisation,
        ActorKind::Forum,
        ActorKind::StandardsBody,
        ActorKind::Company,
        ActorKind::CivilSociety,
        ActorKind::Academia,
        ActorKind::Envoy,
        ActorKind::GovernmentBody,
    ]
    .into_iter()
    .chain(instruments.map(ActorKind::Instrument));
    atlas.actors = kinds
        .map(|kind| Actor {
            kind,
            ..template.clone()
        })
        .collect();
    let relation = atlas.relations[0].clone();
    atlas.relations = RelationKind::ALL
        .map(|kind| Relation {
            kind,
            ..relation.clone()
        })
        .to_vec();
    let event = atlas.events[0].clone();
    atlas.events = EventKind::ALL
        .map(|kind| Event {
            kind,
            ..event.clone()
        })
        .to_vec();
    assert_round_trips(&atlas);
    assert!(canonical_ron(&atlas).contains("kind: Instrument(ExportControl)"));
}

#[test]
fn defaults_are_left_out_and_required_lists_kept() {
    let atlas = Atlas {
        actors: vec![Actor {
            id: "a".into(),
            kind: ActorKind::State,
            name: "A".into(),
            aliases: Vec::new(),
            country: None,
            regions: Vec::new(),
            themes: Vec::new(),
            summary: String::new(),
            based_in: None,
            founded: None,
            holders: Vec::new(),
            sources: Vec::new(),
        }],
        ..Atlas::default()
    };
    let text = canonical_ron(&atlas);
    let body = text.strip_prefix(HEADER).expect("starts with the header");
    assert_eq!(
        body,
        "Atlas(\n    actors: [\n        (id: \"a\", kind: State, name: \"A\",\n         sources: []),\n    ],\n)\n"
    );
    assert_round_trips(&atlas);
}

#[test]
fn actors_and_events_break_at_fixed_fields() {
    let text = canonical_ron(&full_atlas());
    let expected_actor = [
        "        (id: \"a\", kind: Envoy, name: \"Envoy\", aliases: [\"E\", \"Énvoy\"], country: Some(\"DK\"), regions: [\"r\"], themes: [\"t\"],",
        "         summary: \"A \\\"quote\\\", a \\\\ backslash,\\nline two\\ttab\\r and 日本 Øresund \\u{1}\",",
        "         based_in: Some(\"Copenhagen\"), founded: Some(\"2017\"),",
        "         holders: [",
        "            (name: \"Someone\", from: Some(\"2017-09\"), until: Some(\"2020-02\"), note: Some(\"Note.\"), sources: [\"s\"]),",
        "         ],",
        "         sources: [\"s\"]),",
    ]
    .join("\n");
    assert!(text.contains(&expected_actor), "{text}");
    let expected_event = [
        "        (id: \"e\", date: \"2017-01-02\", kind: Statement, title: \"Event\",",
        "         summary: \"Summary.\",",
        "         actors: [\"a\"], sources: [\"s\"]),",
    ]
    .join("\n");
    assert!(text.contains(&expected_event), "{text}");
}

#[test]
fn formatting_the_canonical_text_again_changes_nothing() {
    let text = canonical_ron(&full_atlas());
    let again = canonical_ron(&parse(&text, "canonical.ron").expect("reads"));
    assert_eq!(again, text);
}

#[test]
fn write_canonical_replaces_the_file_it_was_read_from() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("atlas.ron");
    std::fs::write(&path, "old").expect("write");
    write_canonical(&full_atlas(), &path).expect("saves over the old file");
    let text = std::fs::read_to_string(&path).expect("read back");
    assert_eq!(text, canonical_ron(&full_atlas()));
}

#[test]
fn an_empty_atlas_is_just_the_header_and_the_brackets() {
    assert_eq!(
        canonical_ron(&Atlas::default()),
        format!("{HEADER}Atlas(\n)\n")
    );
}

#[test]
fn first_difference_names_the_first_line_that_differs() {
    assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
    assert_eq!(first_difference("a\nx\nc\n", "a\nb\nc\n"), Some(2));
    assert_eq!(
        first_difference("a\nb", "a\nb\n"),
        Some(2),
        "missing final newline"
    );
    assert_eq!(
        first_difference("a\n", "a\nb\n"),
        Some(2),
        "text ends early"
    );
    assert_eq!(
        first_difference("a\nb\nc\n", "a\nb\n"),
        Some(3),
        "text goes on"
    );
    assert_eq!(first_difference("a\r\nb\n", "a\nb\n"), Some(1), "CRLF");
}
