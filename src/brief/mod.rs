//! Briefings: print-ready documents with numbered citations, on one actor, a region, a theme
//! or a story. No UI here.
//!
//! Building and rendering are separate: [`build`] turns the atlas into a [`Document`]
//! (sections, fact lines with reference numbers, tables, network pictures, the reference
//! list), and [`render_pdf`] and [`render_markdown`] draw that one model, so the PDF and the
//! Markdown version always say the same thing. Dates go through [`AsOf`] alone.

mod actor;
mod as_of;
mod cite;
mod doc;
mod figure;
mod markdown;
mod pdf;
mod region;
mod story;

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::graph::{AtlasGraph, Visible};
use crate::model::{Atlas, PartialDate};

pub use as_of::{AsOf, today};
pub use doc::{
    Block, Column, Document, Figure, FigureEdge, FigureNode, Inline, Reference, Table, format_cite,
    parse_cite,
};
pub use markdown::render_markdown;
pub use pdf::{Paper, render_pdf};

use cite::Citations;

/// What a briefing is about, by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Actor(String),
    Region(String),
    Theme(String),
    Story(String),
}

/// Which output a briefing is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum BriefFormat {
    Pdf,
    Md,
}

/// Where the atlas came from, for the header of every briefing: a reader can check that
/// their copy of the dataset is the one the briefing was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetInfo {
    pub title: String,
    pub edition: String,
    /// The file's name or path as given.
    pub origin: String,
    /// The first 12 hex digits of the SHA-256 of the file's bytes (as `sha256sum` prints).
    pub short_hash: String,
}

impl DatasetInfo {
    pub fn new(atlas: &Atlas, origin: &str, bytes: &[u8]) -> Self {
        let digest = Sha256::digest(bytes);
        let mut short_hash = String::new();
        for byte in &digest[..6] {
            let _ = write!(short_hash, "{byte:02x}");
        }
        Self {
            title: atlas.meta.title.clone(),
            edition: atlas.meta.edition.clone(),
            origin: origin.to_string(),
            short_hash,
        }
    }

    fn name(&self) -> String {
        match (self.title.is_empty(), self.edition.is_empty()) {
            (true, _) => "Untitled dataset".to_string(),
            (false, true) => self.title.clone(),
            (false, false) => format!("{}, edition {}", self.title, self.edition),
        }
    }
}

/// Why a briefing could not be made. Each message names what was asked for.
#[derive(Debug, thiserror::Error)]
pub enum BriefError {
    #[error("no actor with id \"{0}\" in the dataset")]
    UnknownActor(String),
    #[error("no region with id \"{0}\" in the dataset")]
    UnknownRegion(String),
    #[error("no theme with id \"{0}\" in the dataset")]
    UnknownTheme(String),
    #[error("no story with id \"{0}\" in the dataset")]
    UnknownStory(String),
    #[error("cannot load the embedded font {0}")]
    Font(&'static str),
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
    #[error("{0}: refusing to write the briefing over the dataset it is made from")]
    OverDataset(String),
}

impl BriefFormat {
    /// `asked`, else from the output's name: Markdown for `.md`, PDF otherwise.
    pub fn for_output(asked: Option<BriefFormat>, out: &Path) -> BriefFormat {
        asked.unwrap_or_else(|| {
            let markdown = out.extension().is_some_and(|e| {
                e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
            });
            if markdown {
                BriefFormat::Md
            } else {
                BriefFormat::Pdf
            }
        })
    }
}

/// A briefing never replaces the dataset it was made from: refuses `out` when it is the
/// dataset file itself (by path after resolving links).
pub fn check_output(dataset: Option<&Path>, out: &Path) -> Result<(), BriefError> {
    let same =
        dataset.is_some_and(
            |d| match (std::fs::canonicalize(d), std::fs::canonicalize(out)) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            },
        );
    if same {
        return Err(BriefError::OverDataset(out.display().to_string()));
    }
    Ok(())
}

/// The briefing rendered in `format`: the bytes of the file to write.
pub fn render(doc: &Document, format: BriefFormat, paper: Paper) -> Result<Vec<u8>, BriefError> {
    match format {
        BriefFormat::Pdf => render_pdf(doc, paper),
        BriefFormat::Md => Ok(render_markdown(doc).into_bytes()),
    }
}

/// Builds the briefing on `subject` as of `as_of` (today when `None`).
pub fn build(
    graph: &AtlasGraph,
    dataset: &DatasetInfo,
    subject: &Subject,
    as_of: Option<PartialDate>,
) -> Result<Document, BriefError> {
    let as_of = AsOf {
        date: as_of.unwrap_or_else(today),
    };
    let mut ctx = Ctx {
        graph,
        visible: as_of.visible(graph),
        as_of,
        cites: Citations::new(graph.atlas()),
        blocks: Vec::new(),
    };
    let (title, subtitle) = match subject {
        Subject::Actor(id) => actor::build(&mut ctx, id)?,
        Subject::Region(id) => region::build_region(&mut ctx, id)?,
        Subject::Theme(id) => region::build_theme(&mut ctx, id)?,
        Subject::Story(id) => story::build(&mut ctx, id)?,
    };
    let date = as_of.date.to_string();
    let facts = vec![
        ("As of".to_string(), date.clone()),
        ("Dataset".to_string(), dataset.name()),
        (
            "File".to_string(),
            format!("{} (SHA-256 {}…)", dataset.origin, dataset.short_hash),
        ),
    ];
    // The hash and date first: a long title is what gets cut when the line is full.
    let footer = format!("SHA-256 {} · as of {date} · {title}", dataset.short_hash);
    Ok(Document {
        title,
        subtitle,
        facts,
        blocks: ctx.blocks,
        references: ctx.cites.into_references(),
        footer,
    })
}

/// What every builder works with: the graph, what exists on the date, the citation numbers
/// handed out so far and the blocks written so far.
pub(crate) struct Ctx<'a> {
    pub graph: &'a AtlasGraph,
    pub visible: Visible,
    pub as_of: AsOf,
    pub cites: Citations<'a>,
    pub blocks: Vec<Block>,
}

impl Ctx<'_> {
    fn heading(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Heading(text.into()));
    }
    fn subheading(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Subheading(text.into()));
    }
    fn paragraph(&mut self, body: Vec<Inline>) {
        self.blocks.push(Block::Paragraph(body));
    }
    fn fact(&mut self, label: impl Into<String>, body: Vec<Inline>) {
        let label = label.into();
        self.blocks.push(Block::Fact { label, body });
    }
    fn item(&mut self, body: Vec<Inline>) {
        let marker = "•".to_string();
        self.blocks.push(Block::Item { marker, body });
    }
}

/// "since 2017-05", "2017-05 – 2020-02", "until 2020" or nothing.
fn period(from: Option<PartialDate>, until: Option<PartialDate>, open_word: &str) -> String {
    match (from, until) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        (Some(a), None) => format!("{open_word} {a}"),
        (None, Some(b)) => format!("until {b}"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_hash_is_the_start_of_the_sha256_of_the_bytes() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        let info = DatasetInfo::new(&Atlas::default(), "x.ron", b"abc");
        assert_eq!(info.short_hash, "ba7816bf8f01");
        assert_eq!(info.name(), "Untitled dataset");
    }
}
