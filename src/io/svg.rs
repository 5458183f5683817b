//! SVG for print: a picture as lines, circles, rectangles and real `<text>` (so labels and the
//! caption stay searchable and sharp at any size). The network view prepares the shapes (see
//! `ui/picture`); this writer knows nothing of egui.

use std::fmt::Write as _;
use std::path::Path;

use super::picture::Caption;
use super::xml::push_escaped;
use super::{ExportError, write_atomically};

/// A colour as sRGB red, green, blue and alpha, not premultiplied.
pub type Rgba = [u8; 4];

/// One thing to draw, in picture coordinates (points, y down).
#[derive(Clone, Debug, PartialEq)]
pub enum SvgShape {
    Line {
        from: [f32; 2],
        to: [f32; 2],
        colour: Rgba,
        width: f32,
    },
    /// A filled triangle (arrowheads).
    Triangle { points: [[f32; 2]; 3], fill: Rgba },
    Circle {
        centre: [f32; 2],
        radius: f32,
        fill: Rgba,
        /// A ring around it (highlighted actors): colour and width.
        ring: Option<(Rgba, f32)>,
    },
    Rect {
        min: [f32; 2],
        max: [f32; 2],
        fill: Rgba,
        corner: f32,
    },
    /// Text whose top edge is at `at` (anchored at its start, middle or end along x).
    Text {
        at: [f32; 2],
        text: String,
        size: f32,
        colour: Rgba,
        anchor: Anchor,
        bold: bool,
    },
}

/// Where a text's `at` point sits along the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
}

/// A whole picture: its size, background, shapes in drawing order, and its caption.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SvgPicture {
    pub width: f32,
    pub height: f32,
    pub background: Rgba,
    pub shapes: Vec<SvgShape>,
    /// Written as `<title>` and `<desc>`; the visible caption is among the shapes.
    pub caption: Option<Caption>,
}

/// The picture as an SVG 1.1 document.
pub fn svg(picture: &SvgPicture) -> String {
    let mut out = String::with_capacity(256 + picture.shapes.len() * 96);
    let (w, h) = (picture.width, picture.height);
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="Helvetica, Arial, sans-serif">"#
    );
    if let Some(caption) = &picture.caption {
        element(&mut out, "title", &caption.title);
        let desc = [caption.description.as_str(), &caption.credit_line()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        element(&mut out, "desc", &desc);
    }
    let _ = writeln!(
        out,
        r#"<rect x="0" y="0" width="{w}" height="{h}"{}/>"#,
        paint("fill", picture.background)
    );
    for shape in &picture.shapes {
        push_shape(&mut out, shape);
    }
    out.push_str("</svg>\n");
    out
}

/// Writes the SVG at `path`, atomically, never over `dataset`.
pub fn write_svg(
    path: &Path,
    picture: &SvgPicture,
    dataset: Option<&Path>,
) -> Result<(), ExportError> {
    write_atomically(path, svg(picture).as_bytes(), dataset)
}

fn element(out: &mut String, name: &str, text: &str) {
    let _ = write!(out, "<{name}>");
    push_escaped(out, text);
    let _ = writeln!(out, "</{name}>");
}

/// ` fill="#rrggbb"` plus an opacity when the colour is see-through.
fn paint(what: &str, [r, g, b, a]: Rgba) -> String {
    let mut s = format!(r##" {what}="#{r:02x}{g:02x}{b:02x}""##);
    if a < 255 {
        let _ = write!(s, r#" {what}-opacity="{:.3}""#, f32::from(a) / 255.0);
    }
    s
}

fn push_shape(out: &mut String, shape: &SvgShape) {
    let _ = match shape {
        SvgShape::Line {
            from,
            to,
            colour,
            width,
        } => writeln!(
            out,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke-width="{width:.2}" stroke-linecap="round"{}/>"#,
            from[0],
            from[1],
            to[0],
            to[1],
            paint("stroke", *colour)
        ),
        SvgShape::Triangle { points, fill } => writeln!(
            out,
            r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}"{}/>"#,
            points[0][0],
            points[0][1],
            points[1][0],
            points[1][1],
            points[2][0],
            points[2][1],
            paint("fill", *fill)
        ),
        SvgShape::Circle {
            centre,
            radius,
            fill,
            ring,
        } => {
            let ring = ring
                .map(|(colour, width)| {
                    format!(
                        r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke-width="{width:.1}"{}/>"#,
                        centre[0],
                        centre[1],
                        radius + 2.5,
                        paint("stroke", colour)
                    )
                })
                .unwrap_or_default();
            writeln!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{radius:.1}"{}/>{ring}"#,
                centre[0],
                centre[1],
                paint("fill", *fill)
            )
        }
        SvgShape::Rect {
            min,
            max,
            fill,
            corner,
        } => writeln!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{corner:.1}"{}/>"#,
            min[0],
            min[1],
            max[0] - min[0],
            max[1] - min[1],
            paint("fill", *fill)
        ),
        SvgShape::Text { .. } => {
            push_text(out, shape);
            Ok(())
        }
    };
}

fn push_text(out: &mut String, shape: &SvgShape) {
    let SvgShape::Text {
        at,
        text,
        size,
        colour,
        anchor,
        bold,
    } = shape
    else {
        return;
    };
    let anchor = match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
    };
    let weight = if *bold { r#" font-weight="bold""# } else { "" };
    // SVG places text by its baseline; `at` is its top edge, as egui places galleys.
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" text-anchor="{anchor}"{weight}{}>"#,
        at[0],
        at[1] + size * 0.85,
        paint("fill", *colour)
    );
    push_escaped(out, text);
    out.push_str("</text>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_the_caption_is_the_title() {
        let picture = SvgPicture {
            width: 100.0,
            height: 50.0,
            background: [255, 255, 255, 255],
            shapes: vec![SvgShape::Text {
                at: [10.0, 10.0],
                text: "AT&T <5G>".into(),
                size: 12.0,
                colour: [0, 0, 0, 128],
                anchor: Anchor::Middle,
                bold: false,
            }],
            caption: Some(Caption {
                title: "Trusted vendors".into(),
                ..Caption::default()
            }),
        };
        let text = svg(&picture);
        assert!(text.contains("AT&amp;T &lt;5G&gt;</text>"));
        assert!(text.contains("<title>Trusted vendors</title>"));
        assert!(text.contains(r#"fill-opacity="0.502""#));
    }
}
