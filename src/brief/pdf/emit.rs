//! Writing laid-out pages as PDF with krilla: text as real glyphs (selectable, searchable,
//! subset fonts with Unicode maps), everything else as vector paths, URLs as link areas.

use krilla::Document as PdfDocument;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

use crate::brief::BriefError;

use super::flow::{Geometry, Op};
use super::fonts::FontBook;

/// Bold is drawn by stroking the glyph outlines as well as filling them, this thick relative
/// to the font size: one embedded regular face per script then serves both weights.
const BOLD_STROKE: f32 = 0.035;

pub fn write_pdf(
    book: &FontBook,
    geometry: Geometry,
    pages: &[Vec<Op>],
    title: &str,
) -> Result<Vec<u8>, BriefError> {
    let mut document = PdfDocument::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language("en".to_string())
            .creator("Tech Diplomacy Atlas".to_string()),
    );
    for ops in pages {
        let settings = PageSettings::from_wh(geometry.width, geometry.height)
            .ok_or_else(|| BriefError::Pdf("the page size is not positive".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, book, op);
        }
        surface.finish();
        for op in ops {
            if let Op::Link { rect, url } = op
                && let Some(rect) = Rect::from_ltrb(rect[0], rect[1], rect[2], rect[3])
            {
                let action = Target::Action(Action::Link(LinkAction::new(url.clone())));
                page.add_annotation(Annotation::new_link(
                    LinkAnnotation::new(rect, action),
                    Some(url.clone()),
                ));
            }
        }
        page.finish();
    }
    document
        .finish()
        .map_err(|e| BriefError::Pdf(format!("{e:?}")))
}

fn fill(color: [u8; 3]) -> Fill {
    Fill {
        paint: rgb::Color::new(color[0], color[1], color[2]).into(),
        ..Fill::default()
    }
}

fn stroke(color: [u8; 3], width: f32) -> Stroke {
    Stroke {
        paint: rgb::Color::new(color[0], color[1], color[2]).into(),
        width,
        ..Stroke::default()
    }
}

fn draw(surface: &mut Surface<'_>, book: &FontBook, op: &Op) {
    match op {
        Op::Text {
            x,
            baseline,
            run,
            style,
        } => {
            surface.set_fill(Some(fill(style.color)));
            let outline = style
                .bold
                .then(|| stroke(style.color, style.size * BOLD_STROKE));
            surface.set_stroke(outline);
            let font = book.faces[run.face].pdf.clone();
            let start = Point::from_xy(*x, *baseline);
            surface.draw_glyphs(start, &run.glyphs, font, &run.text, style.size, false);
        }
        Op::Line {
            from,
            to,
            width,
            color,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(from[0], from[1]);
            path.line_to(to[0], to[1]);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(*color, *width)));
                surface.draw_path(&path);
            }
        }
        Op::Polygon { points, color } => {
            let mut path = PathBuilder::new();
            for (i, p) in points.iter().enumerate() {
                if i == 0 {
                    path.move_to(p[0], p[1]);
                } else {
                    path.line_to(p[0], p[1]);
                }
            }
            path.close();
            if let Some(path) = path.finish() {
                surface.set_fill(Some(fill(*color)));
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
        }
        Op::Circle {
            centre,
            radius,
            fill: inside,
            stroke: rim,
        } => {
            if let Some(path) = circle(*centre, *radius) {
                surface.set_fill(Some(fill(*inside)));
                surface.set_stroke(Some(stroke(*rim, 0.8)));
                surface.draw_path(&path);
            }
        }
        Op::Link { .. } => {}
    }
}

/// A circle from four cubic Bézier arcs.
fn circle(c: [f32; 2], r: f32) -> Option<krilla::geom::Path> {
    // The control-point distance that makes a quarter arc of a circle.
    let k = 0.552_284_8 * r;
    let (x, y) = (c[0], c[1]);
    let mut p = PathBuilder::new();
    p.move_to(x + r, y);
    p.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
    p.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
    p.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
    p.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
    p.close();
    p.finish()
}
