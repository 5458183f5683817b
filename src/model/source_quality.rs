//! How well a record is sourced: whether it rests only on mirrors and aggregators, which the
//! details panel and `atlas stats` point out so a reader knows the fact still wants an original
//! page behind it.

use super::fast_hash::FastMap as HashMap;
use super::schema::{Atlas, SourceKind};

/// The kind of every source, by id, for asking about many records in a row.
pub struct SourceKinds<'a> {
    kinds: HashMap<&'a str, Option<SourceKind>>,
}

impl<'a> SourceKinds<'a> {
    /// Indexes the sources of `atlas`; with duplicate ids the first wins, as references do.
    pub fn of(atlas: &'a Atlas) -> Self {
        let mut kinds = HashMap::default();
        for source in &atlas.sources {
            kinds.entry(source.id.as_str()).or_insert(source.kind);
        }
        Self { kinds }
    }

    /// Whether a record citing `sources` rests only on mirrors or aggregators: it cites at
    /// least one source, and every source it cites is known and of kind `Mirror`. A source
    /// without a kind, or an id that resolves to nothing, is not counted as a mirror: the
    /// record is then of unknown standing, which the validator reports separately.
    pub fn is_mirror_only(&self, sources: &[String]) -> bool {
        !sources.is_empty()
            && sources.iter().all(|id| {
                self.kinds.get(id.as_str()).copied().flatten() == Some(SourceKind::Mirror)
            })
    }
}

/// How many actors, relations and events rest only on mirrors or aggregators.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct MirrorOnly {
    pub actors: usize,
    pub relations: usize,
    pub events: usize,
}

impl MirrorOnly {
    /// Counts the records of `atlas` whose only sources are mirrors or aggregators.
    pub fn of(atlas: &Atlas) -> Self {
        let kinds = SourceKinds::of(atlas);
        let count = |lists: &mut dyn Iterator<Item = &Vec<String>>| {
            lists.filter(|s| kinds.is_mirror_only(s)).count()
        };
        Self {
            actors: count(&mut atlas.actors.iter().map(|a| &a.sources)),
            relations: count(&mut atlas.relations.iter().map(|r| &r.sources)),
            events: count(&mut atlas.events.iter().map(|e| &e.sources)),
        }
    }

    /// All three counts together.
    pub fn total(&self) -> usize {
        self.actors + self.relations + self.events
    }
}

impl SourceKind {
    /// Its name for readers.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Official => "Official text or government page",
            SourceKind::International => "International body",
            SourceKind::Press => "Press",
            SourceKind::Analysis => "Analysis",
            SourceKind::Mirror => "Mirror or aggregator",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    const ATLAS: &str = r#"Atlas(
        sources: [
            (id: "m1", title: "Mirror one", url: "https://a.example", kind: Some(Mirror), checked: Some("2026-11-25")),
            (id: "m2", title: "Mirror two", url: "https://b.example", kind: Some(Mirror)),
            (id: "o", title: "Ministry", url: "https://c.example", kind: Some(Official)),
            (id: "n", title: "No kind", url: "https://d.example"),
        ],
        actors: [
            (id: "a", kind: State, name: "A", sources: ["m1", "m2"]),
            (id: "b", kind: State, name: "B", sources: ["m1", "o"]),
            (id: "c", kind: State, name: "C", sources: ["n"]),
        ],
        relations: [
            (from: "a", to: "b", kind: PartnersWith, sources: ["m2"]),
            (from: "b", to: "c", kind: PartnersWith, sources: ["o"]),
        ],
        events: [
            (id: "e", date: "2020", kind: Statement, title: "E", actors: ["a"], sources: ["m1", "n"]),
        ],
    )"#;

    fn atlas() -> Atlas {
        load_str(ATLAS, "test.ron").expect("test atlas loads").atlas
    }

    #[test]
    fn a_record_citing_only_mirrors_is_mirror_only() {
        let atlas = atlas();
        let kinds = SourceKinds::of(&atlas);
        assert!(kinds.is_mirror_only(&["m1".into(), "m2".into()]));
    }

    #[test]
    fn one_original_source_lifts_a_record_out_of_mirror_only() {
        let atlas = atlas();
        let kinds = SourceKinds::of(&atlas);
        assert!(!kinds.is_mirror_only(&["m1".into(), "o".into()]));
    }

    #[test]
    fn unknown_kinds_ids_and_empty_lists_are_not_mirror_only() {
        let atlas = atlas();
        let kinds = SourceKinds::of(&atlas);
        assert!(!kinds.is_mirror_only(&["n".into()]));
        assert!(!kinds.is_mirror_only(&["nowhere".into()]));
        assert!(!kinds.is_mirror_only(&[]));
        assert!(!kinds.is_mirror_only(&["m1".into(), "n".into()]));
    }

    #[test]
    fn counts_mirror_only_records_per_section() {
        let counts = MirrorOnly::of(&atlas());
        assert_eq!(
            counts,
            MirrorOnly {
                actors: 1,
                relations: 1,
                events: 0
            }
        );
        assert_eq!(counts.total(), 2);
    }
}
