//! Composes a picture: the network (or the map) above, the caption band below; rendered off
//! screen to a PNG's pixels, or handed to the SVG writer as shapes.

use std::sync::Arc;

use eframe::egui::{self, Color32, FontId, Galley, Painter, Rect, Ui, UiBuilder, pos2};
use eframe::egui_wgpu::RenderState;

use crate::io::picture::Caption;
use crate::io::svg::{Anchor, SvgPicture, SvgShape};
use crate::ui::offscreen::{Picture, render_view};
use crate::ui::overlays;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::views::map::{MapView, paint_still};
use crate::ui::views::network::{NetworkView, rgba};

use super::{PictureSize, PictureSpec, caption_of};

/// Caption band: title, then the view in words, then the dataset and licence, in points.
const TITLE_SIZE: f32 = 22.0;
const BODY_SIZE: f32 = 14.0;
const CREDIT_SIZE: f32 = 12.0;
const MARGIN: f32 = 24.0;
const PAD: f32 = 12.0;
/// Network labels in an SVG, as the window's small text.
const SVG_LABEL_SIZE: f32 = 11.0;

/// What a picture shows.
pub enum Subject<'a> {
    /// The network, framed on `focus` (empty: everything shown).
    Network {
        view: &'a mut NetworkView,
        focus: &'a [String],
    },
    /// The world map, fitted to the picture.
    Map(&'a mut MapView),
}

/// A rendered PNG's pixels and the caption to write into the file with them.
pub struct Rendered {
    pub picture: Picture,
    pub caption: Option<Caption>,
}

/// Renders `subject` as `spec` asks, off screen through `render_state`.
pub fn render_png(
    render_state: &RenderState,
    state: &AppState,
    mut subject: Subject<'_>,
    spec: &PictureSpec,
    native_ppp: f32,
    palette: Palette,
) -> Result<Rendered, String> {
    let caption = spec.caption.then(|| caption_of(state));
    let (points, ppp) = spec.layout(native_ppp);
    // A slide's size is the window's business no more: its text follows the picture, not
    // presentation mode; a picture of the canvas shows it as it is.
    let presentation = matches!(spec.size, PictureSize::Canvas(_)) && state.view.presentation;
    let picture = render_view(
        render_state,
        presentation,
        points,
        ppp,
        palette,
        &mut |ui| {
            draw(ui, state, &mut subject, caption.as_ref(), palette);
        },
    )?;
    Ok(Rendered { picture, caption })
}

fn draw(
    ui: &mut Ui,
    state: &AppState,
    subject: &mut Subject<'_>,
    caption: Option<&Caption>,
    palette: Palette,
) {
    let full = ui.max_rect();
    let band = caption.map(|c| Band::layout(ui.painter(), full.width(), c, palette));
    let band_height = band.as_ref().map_or(0.0, |b| b.height);
    let canvas = Rect::from_min_max(full.min, pos2(full.max.x, full.max.y - band_height));
    ui.scope_builder(UiBuilder::new().max_rect(canvas), |ui| match subject {
        Subject::Network { view, focus } => {
            view.picture_ui(ui, state, palette, focus);
            overlays::legend(ui, canvas, state, palette, &mut Vec::new());
        }
        Subject::Map(view) => paint_still(ui, view, state, palette),
    });
    if let Some(band) = band {
        let rect = Rect::from_min_max(pos2(full.min.x, canvas.max.y), full.max);
        band.paint(ui.painter(), rect, palette);
    }
}

/// The caption's lines laid out for the band's width.
struct Band {
    lines: Vec<Arc<Galley>>,
    height: f32,
}

impl Band {
    fn layout(painter: &Painter, width: f32, caption: &Caption, palette: Palette) -> Self {
        let wrap = (width - 2.0 * MARGIN).max(40.0);
        let lines: Vec<Arc<Galley>> = caption_lines(caption, palette)
            .into_iter()
            .map(|(text, size, colour)| {
                painter.layout(text, FontId::proportional(size), colour, wrap)
            })
            .collect();
        let height = 2.0 * PAD + lines.iter().map(|g| g.size().y + 2.0).sum::<f32>();
        Self { lines, height }
    }

    fn paint(self, painter: &Painter, rect: Rect, palette: Palette) {
        painter.rect_filled(rect, 0.0, palette.background());
        painter.hline(
            rect.x_range().shrink(MARGIN),
            rect.top(),
            egui::Stroke::new(1.0, palette.muted()),
        );
        let mut at = pos2(rect.left() + MARGIN, rect.top() + PAD);
        for galley in self.lines {
            let height = galley.size().y;
            painter.galley(at, galley, palette.text());
            at.y += height + 2.0;
        }
    }
}

/// Title, view and credit, each with its size and colour; empty lines left out.
fn caption_lines(caption: &Caption, palette: Palette) -> Vec<(String, f32, Color32)> {
    [
        (caption.title.clone(), TITLE_SIZE, palette.text()),
        (caption.description.clone(), BODY_SIZE, palette.text()),
        (caption.credit_line(), CREDIT_SIZE, palette.muted()),
    ]
    .into_iter()
    .filter(|(text, _, _)| !text.trim().is_empty())
    .collect()
}

/// The network as an SVG picture of `spec`'s size (in points), framed and captioned as the
/// PNG is.
pub fn render_svg(
    state: &AppState,
    view: &mut NetworkView,
    focus: &[String],
    spec: &PictureSpec,
    palette: Palette,
) -> SvgPicture {
    let (points, _) = spec.layout(1.0);
    let caption = spec.caption.then(|| caption_of(state));
    let band = caption
        .as_ref()
        .map(|c| svg_band(c, points, palette))
        .unwrap_or_default();
    let band_top = band_top(&band, points.y);
    let canvas = Rect::from_min_max(pos2(0.0, 0.0), pos2(points.x, band_top));
    let mut shapes = view.picture_shapes(state, canvas, palette, SVG_LABEL_SIZE, focus);
    shapes.extend(band);
    SvgPicture {
        width: points.x,
        height: points.y,
        background: rgba(palette.background()),
        shapes,
        caption,
    }
}

/// Where the band's first shape (its background) starts; the bottom when there is no band.
fn band_top(band: &[SvgShape], bottom: f32) -> f32 {
    match band.first() {
        Some(SvgShape::Rect { min, .. }) => min[1],
        _ => bottom,
    }
}

/// The caption band as SVG shapes: a rule, then the lines wrapped at the picture's width.
fn svg_band(caption: &Caption, size: egui::Vec2, palette: Palette) -> Vec<SvgShape> {
    let wrap = size.x - 2.0 * MARGIN;
    let mut lines = Vec::new();
    for (text, font, colour) in caption_lines(caption, palette) {
        for line in wrap_words(&text, wrap, font) {
            lines.push((line, font, colour));
        }
    }
    let height = 2.0 * PAD + lines.iter().map(|(_, f, _)| f * 1.25 + 2.0).sum::<f32>();
    let top = size.y - height;
    // Opaque, so that edges running off the canvas stop at the band.
    let mut shapes = vec![SvgShape::Rect {
        min: [0.0, top],
        max: [size.x, size.y],
        fill: rgba(palette.background()),
        corner: 0.0,
    }];
    shapes.push(SvgShape::Rect {
        min: [MARGIN, top],
        max: [size.x - MARGIN, top + 1.0],
        fill: rgba(palette.muted()),
        corner: 0.0,
    });
    let mut y = top + PAD;
    for (i, (text, font, colour)) in lines.into_iter().enumerate() {
        shapes.push(SvgShape::Text {
            at: [MARGIN, y],
            text,
            size: font,
            colour: rgba(colour),
            anchor: Anchor::Start,
            bold: i == 0,
        });
        y += font * 1.25 + 2.0;
    }
    shapes
}

/// Breaks `text` into lines of at most `width` points at `font` points (estimated widths:
/// SVG has no wrapping of its own).
fn wrap_words(text: &str, width: f32, font: f32) -> Vec<String> {
    let per_line = ((width / (font * 0.55)).floor() as usize).max(10);
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let current = lines.last().map_or(0, |l| l.chars().count());
        if current > 0 && current + 1 + word.chars().count() > per_line {
            lines.push(String::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::vec2;

    #[test]
    fn long_caption_lines_wrap_and_keep_every_word() {
        let text = "as of 2019-06-30 (only what exists on that day); regions: Europe, Asia";
        let lines = wrap_words(text, 200.0, 14.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap_words("short", 400.0, 14.0), vec!["short".to_string()]);
    }

    #[test]
    fn the_svg_band_sits_at_the_bottom_and_says_the_title() {
        let caption = Caption {
            title: "Trusted vendors".into(),
            description: "as of 2020".into(),
            source: "Atlas, edition 2".into(),
            copyright: "CC BY 4.0".into(),
        };
        let palette = Palette {
            dark: false,
            high_contrast: false,
        };
        let band = svg_band(&caption, vec2(1600.0, 900.0), palette);
        let top = band_top(&band, 900.0);
        assert!(top > 800.0 && top < 900.0);
        let texts: Vec<&str> = band
            .iter()
            .filter_map(|s| match s {
                SvgShape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            [
                "Trusted vendors",
                "as of 2020",
                "Atlas, edition 2 · CC BY 4.0"
            ]
        );
    }
}
