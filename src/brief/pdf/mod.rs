//! The briefing as PDF: laid out here (shaping with font fallback, line breaking, tables,
//! network pictures, page breaks, page numbers) and written by krilla, which embeds subsets
//! of the fonts with Unicode maps so that the text stays selectable and searchable.

mod blocks;
mod emit;
mod figure;
mod flow;
mod fonts;
mod shape;
mod table;
mod wrap;

use super::BriefError;
use super::doc::Document;

use flow::{Flow, Geometry};

/// The paper a PDF is laid out for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    fn geometry(self) -> Geometry {
        let (width, height) = match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        Geometry {
            width,
            height,
            margin: 54.0,
            footer: 18.0,
        }
    }
}

/// The briefing as the bytes of a PDF file.
pub fn render_pdf(doc: &Document, paper: Paper) -> Result<Vec<u8>, BriefError> {
    let book = fonts::FontBook::load()?;
    let geometry = paper.geometry();
    let mut flow = Flow::new(&book, geometry);
    blocks::set_document(&mut flow, doc);
    let pages = flow.finish(&doc.footer, blocks::SMALL);
    emit::write_pdf(&book, geometry, &pages, &doc.title)
}
