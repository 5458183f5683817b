//! Numbering sources in order of first citation, and the reference list they make.

use std::collections::HashMap;

use crate::model::{Atlas, Source, SourceKind};

use super::doc::{Inline, Reference};

/// Hands out reference numbers: the first source cited is [1], and a source cited again
/// keeps its number.
pub struct Citations<'a> {
    sources: HashMap<&'a str, &'a Source>,
    numbers: HashMap<&'a str, usize>,
    cited: Vec<&'a Source>,
}

impl<'a> Citations<'a> {
    pub fn new(atlas: &'a Atlas) -> Self {
        Self {
            sources: atlas.sources.iter().map(|s| (s.id.as_str(), s)).collect(),
            numbers: HashMap::new(),
            cited: Vec::new(),
        }
    }

    /// A citation of these source ids. Ids that name no source are skipped (validation
    /// refuses such a dataset, so they only occur in a dataset being repaired).
    pub fn cite(&mut self, ids: &'a [String]) -> Inline {
        let mut numbers: Vec<usize> = ids.iter().filter_map(|id| self.number(id)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        Inline::Cite(numbers)
    }

    fn number(&mut self, id: &'a str) -> Option<usize> {
        if let Some(&n) = self.numbers.get(id) {
            return Some(n);
        }
        let source = *self.sources.get(id)?;
        self.cited.push(source);
        let n = self.cited.len();
        self.numbers.insert(id, n);
        Some(n)
    }

    /// The reference list, in number order.
    pub fn into_references(self) -> Vec<Reference> {
        self.cited
            .into_iter()
            .enumerate()
            .map(|(i, s)| Reference {
                number: i + 1,
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                date: s.date.map(|d| d.to_string()),
                url: s.url.clone(),
                kind: s.kind.map(kind_label),
                checked: s.checked.map(|d| d.to_string()),
                note: s.note.clone(),
            })
            .collect()
    }
}

fn kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Official => "Official source",
        SourceKind::International => "International body",
        SourceKind::Press => "Press report",
        SourceKind::Analysis => "Analysis",
        SourceKind::Mirror => "Mirror or aggregator",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    #[test]
    fn numbers_follow_first_citation_and_repeat_for_the_same_source() {
        let text = r#"Atlas(sources: [
            (id: "a", title: "A", url: "https://a.example"),
            (id: "b", title: "B", url: "https://b.example"),
            (id: "c", title: "C", url: "https://c.example"),
        ], actors: [(id: "x", kind: State, name: "X", sources: ["a"])])"#;
        let atlas = load_str(text, "t.ron").expect("valid").atlas;
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (first, second, unknown) = (ids(&["c", "a"]), ids(&["a", "b"]), ids(&["zz"]));
        let mut c = Citations::new(&atlas);
        assert_eq!(c.cite(&first), Inline::Cite(vec![1, 2]));
        assert_eq!(c.cite(&second), Inline::Cite(vec![2, 3]));
        assert_eq!(c.cite(&unknown), Inline::Cite(vec![]));
        let titles: Vec<String> = c.into_references().into_iter().map(|r| r.title).collect();
        assert_eq!(titles, ["C", "A", "B"]);
    }
}
