//! The document model of a briefing: what it says, in order, with its citations. The PDF and
//! Markdown renderers both draw this one model, so the two versions never say different things.

use crate::model::ActorKind;

/// A whole briefing.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The big heading: the actor's, region's, theme's or story's name.
    pub title: String,
    /// What the subject is: "State · JP", "Region", "Story handout".
    pub subtitle: String,
    /// Label and value lines under the title: as of, dataset, edition, file hash.
    pub facts: Vec<(String, String)>,
    pub blocks: Vec<Block>,
    /// Every source cited, numbered in order of first citation.
    pub references: Vec<Reference>,
    /// A short line for the foot of every page.
    pub footer: String,
}

/// One piece of the body, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A heading inside a section (a relation kind, a step of a story).
    Subheading(String),
    Paragraph(Vec<Inline>),
    /// A labelled fact line: "Founded: 1945 [3]".
    Fact {
        label: String,
        body: Vec<Inline>,
    },
    /// A list item; `marker` is "•" or "1.".
    Item {
        marker: String,
        body: Vec<Inline>,
    },
    Table(Table),
    Figure(Figure),
}

/// Running text: plain words or a citation of reference numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    /// Reference numbers, ascending and without repeats.
    Cite(Vec<usize>),
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Self {
        Inline::Text(s.into())
    }
}

/// A table: a header row and rows of cells of running text.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub title: String,
    /// The column's share of the text width; the shares of a table add up to 1.
    pub share: f32,
}

/// A network picture: nodes placed in the unit square, edges between them.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub nodes: Vec<FigureNode>,
    pub edges: Vec<FigureEdge>,
    pub caption: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FigureNode {
    pub label: String,
    pub kind: ActorKind,
    /// Position in [0, 1] × [0, 1], y downwards.
    pub at: [f32; 2],
    /// The subject of the picture (drawn larger).
    pub emphasis: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FigureEdge {
    pub from: usize,
    pub to: usize,
    pub directed: bool,
}

/// An entry of the reference list.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub number: usize,
    pub title: String,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub url: String,
    /// What kind of page it is ("official", "press"…), when the dataset says.
    pub kind: Option<&'static str>,
    /// When the page was last checked, when the dataset says.
    pub checked: Option<String>,
    pub note: Option<String>,
}

impl Reference {
    /// The entry after its number, as one line of text: title, publisher, date, kind, URL,
    /// last checked, note.
    pub fn describe(&self) -> String {
        let mut parts = vec![self.title.clone()];
        parts.extend(self.publisher.clone());
        parts.extend(self.date.clone());
        parts.extend(self.kind.map(str::to_string));
        parts.push(self.url.clone());
        parts.extend(self.checked.as_ref().map(|d| format!("last checked {d}")));
        parts.extend(self.note.clone());
        let trimmed: Vec<&str> = parts.iter().map(|p| p.trim_end_matches('.')).collect();
        trimmed.join(". ") + "."
    }
}

/// "[1]", "[2, 5]", "[1–4, 7]": runs of three or more consecutive numbers become ranges.
pub fn format_cite(numbers: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("{}–{}", numbers[i], numbers[j]));
        } else {
            parts.extend(numbers[i..=j].iter().map(ToString::to_string));
        }
        i = j + 1;
    }
    format!("[{}]", parts.join(", "))
}

/// Every reference number a citation string of [`format_cite`] stands for.
pub fn parse_cite(text: &str) -> Vec<usize> {
    let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
    let mut out = Vec::new();
    for part in inner.split(',') {
        let part = part.trim();
        if let Some((a, b)) = part.split_once('–') {
            if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                out.extend(a..=b);
            }
        } else if let Ok(n) = part.parse() {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cites_fold_runs_of_three_into_ranges_and_parse_back() {
        assert_eq!(format_cite(&[1]), "[1]");
        assert_eq!(format_cite(&[2, 3]), "[2, 3]");
        assert_eq!(format_cite(&[1, 2, 3, 4, 7, 9, 10]), "[1–4, 7, 9, 10]");
        for numbers in [vec![1], vec![2, 3], vec![1, 2, 3, 4, 7, 9, 10]] {
            assert_eq!(parse_cite(&format_cite(&numbers)), numbers);
        }
    }
}
