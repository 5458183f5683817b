//! Setting the document's blocks onto pages: the title block, headings, paragraphs, fact
//! lines, list items and the reference list. Tables and pictures have their own modules.

use crate::brief::doc::{Block, Document, Inline, Reference, format_cite};

use super::flow::{Flow, LEADING};
use super::wrap::{Span, Style};
use super::{figure, table};

pub const INK: [u8; 3] = [25, 25, 30];
pub const MUTED: [u8; 3] = [95, 100, 110];
pub const ACCENT: [u8; 3] = [20, 70, 140];
const CITE: [u8; 3] = [30, 90, 170];

pub const BODY: Style = Style {
    size: 9.5,
    bold: false,
    color: INK,
};
pub const SMALL: Style = Style {
    size: 8.0,
    bold: false,
    color: MUTED,
};
const TITLE: Style = Style {
    size: 20.0,
    bold: true,
    color: INK,
};
const SUBTITLE: Style = Style {
    size: 11.0,
    bold: false,
    color: MUTED,
};
const HEADING: Style = Style {
    size: 13.0,
    bold: true,
    color: ACCENT,
};
const SUBHEADING: Style = Style {
    size: 10.0,
    bold: true,
    color: INK,
};
const REFERENCE: Style = Style {
    size: 8.5,
    bold: false,
    color: INK,
};

/// Indent of list items and reference entries, in points.
const INDENT: f32 = 14.0;

/// Sets the whole document, title block first and references last.
pub fn set_document(flow: &mut Flow<'_>, doc: &Document) {
    title_block(flow, doc);
    for (i, block) in doc.blocks.iter().enumerate() {
        if let Block::Heading(text) = block {
            heading(flow, text, doc.blocks.get(i + 1));
        } else {
            set_block(flow, block);
        }
    }
    references(flow, &doc.references);
}

fn title_block(flow: &mut Flow<'_>, doc: &Document) {
    flow.paragraph(&[Span::new(&doc.title, TITLE)], 0.0, None);
    flow.paragraph(&[Span::new(&doc.subtitle, SUBTITLE)], 0.0, None);
    flow.gap(4.0);
    for (label, value) in &doc.facts {
        let label = Span::new(format!("{label}: "), bold(SMALL));
        flow.paragraph(&[label, Span::new(value, SMALL)], 0.0, None);
    }
    flow.gap(4.0);
    flow.rule(0.8, ACCENT);
    flow.gap(8.0);
}

fn set_block(flow: &mut Flow<'_>, block: &Block) {
    match block {
        Block::Heading(text) => heading(flow, text, None),
        Block::Subheading(text) => {
            flow.gap(5.0);
            flow.ensure(SUBHEADING.size * LEADING + BODY.size * LEADING);
            flow.paragraph(&[Span::new(text, SUBHEADING)], 0.0, None);
        }
        Block::Paragraph(body) => {
            flow.paragraph(&spans(body, BODY), 0.0, None);
            flow.gap(4.0);
        }
        Block::Fact { label, body } => {
            let mut all = vec![Span::new(format!("{label}: "), bold(BODY))];
            all.extend(spans(body, BODY));
            flow.paragraph(&all, 0.0, None);
            flow.gap(2.0);
        }
        Block::Item { marker, body } => {
            let marker = Span::new(marker, BODY);
            flow.paragraph(&spans(body, BODY), INDENT, Some(marker));
            flow.gap(1.5);
        }
        Block::Table(t) => {
            flow.gap(2.0);
            table::set_table(flow, t);
            flow.gap(4.0);
        }
        Block::Figure(f) => {
            figure::set_figure(flow, f);
            flow.gap(4.0);
        }
    }
}

/// A section heading, kept on one page with the start of what follows it: a picture whole,
/// else a subheading and two lines.
fn heading(flow: &mut Flow<'_>, text: &str, next: Option<&Block>) {
    flow.gap(10.0);
    let following = match next {
        Some(Block::Figure(f)) => figure::height(f),
        _ => SUBHEADING.size * LEADING + 2.0 * BODY.size * LEADING + 8.0,
    };
    flow.ensure(HEADING.size * LEADING + following);
    flow.paragraph(&[Span::new(text, HEADING)], 0.0, None);
    flow.gap(2.0);
}

/// Running text as spans; citations in the citation colour.
pub fn spans(body: &[Inline], style: Style) -> Vec<Span> {
    body.iter()
        .filter_map(|part| match part {
            Inline::Text(t) => Some(Span::new(t, style)),
            Inline::Cite(n) if n.is_empty() => None,
            Inline::Cite(n) => Some(Span::new(
                format!(" {}", format_cite(n)),
                Style {
                    color: CITE,
                    ..style
                },
            )),
        })
        .collect()
}

pub fn bold(style: Style) -> Style {
    Style {
        bold: true,
        ..style
    }
}

fn references(flow: &mut Flow<'_>, references: &[Reference]) {
    if references.is_empty() {
        return;
    }
    set_block(flow, &Block::Heading("References".to_string()));
    for r in references {
        let mut before = vec![r.title.clone()];
        before.extend(r.publisher.clone());
        before.extend(r.date.clone());
        before.extend(r.kind.map(str::to_string));
        let mut parts = vec![Span::new(join(&before) + " ", REFERENCE)];
        let link = Style {
            color: CITE,
            ..REFERENCE
        };
        parts.push(Span {
            link: r.url.starts_with("http").then(|| r.url.clone()),
            ..Span::new(&r.url, link)
        });
        let mut after = Vec::new();
        after.extend(r.checked.as_ref().map(|d| format!("Last checked {d}")));
        after.extend(r.note.clone());
        if !after.is_empty() {
            parts.push(Span::new(format!(" {}", join(&after)), REFERENCE));
        }
        let marker = Span::new(format!("[{}]", r.number), REFERENCE);
        flow.paragraph(&parts, 2.4 * INDENT, Some(marker));
        flow.gap(2.0);
    }
}

/// "A. B. C." without doubling a full stop that a part already ends with.
fn join(parts: &[String]) -> String {
    let trimmed: Vec<&str> = parts.iter().map(|p| p.trim_end_matches('.')).collect();
    trimmed.join(". ") + "."
}
