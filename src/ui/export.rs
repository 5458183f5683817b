//! Exports from the window: the network as a PNG for slides, the filtered graph and tables
//! for other tools. Dialogs, encoding and writing run off the UI thread.

use std::path::Path;
use std::sync::Arc;

use eframe::egui::{self, ColorImage, Rect};

use crate::graph::{AtlasGraph, Changes};
use crate::io::{
    ExportError, ExportFormat, Scope, export_scope, write_atomically, write_changes_csv,
    write_changes_markdown,
};

use super::command::SaveText;
use super::jobs::{FileDialogs, Jobs};
use super::offscreen::{render_map, render_network};
use super::state::AppState;
use super::state::Canvas;
use super::theme::Palette;
use super::views::map::MapView;
use super::views::network::NetworkView;

/// The status line when the save dialog is closed without a choice: it replaces "Saving…",
/// which would otherwise stay for ever.
pub const CANCELLED: &str = "Export cancelled: nothing was saved";

/// Encodes an RGBA image as PNG.
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    {
        let [w, h] = image.size;
        let mut encoder = png::Encoder::new(&mut bytes, w as u32, h as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(image.as_raw())?;
    }
    Ok(bytes)
}

/// Writes `image` as a PNG at `path`, atomically, never over the `dataset`.
pub fn save_png(image: &ColorImage, path: &Path, dataset: Option<&Path>) -> Result<(), String> {
    let bytes =
        encode_png(image).map_err(|e| format!("{}: cannot encode the PNG: {e}", path.display()))?;
    write_atomically(path, &bytes, dataset).map_err(|e: ExportError| e.to_string())
}

/// A pending "network (or map) as PNG" request, carried out at the end of the frame that
/// has the GPU at hand.
#[derive(Default)]
pub struct PngExport {
    rect: Option<Rect>,
    pending: Option<f32>,
    /// Where the next picture goes, when known in advance; else a save dialog asks.
    pub target: Option<std::path::PathBuf>,
}

impl PngExport {
    pub fn capture_rect(&mut self, rect: Rect) {
        self.rect = Some(rect);
    }

    /// Asks for the network (or the map, when shown) as a PNG at `scale` × the screen's pixel density (1 or 2).
    pub fn request(&mut self, ctx: &egui::Context, scale: f32) {
        self.pending = Some(scale);
        ctx.request_repaint();
    }

    /// Renders a requested picture and saves it in the background; returns a status line.
    pub fn poll(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        jobs: &Jobs,
        state: &AppState,
        views: (&NetworkView, &MapView),
        palette: Palette,
    ) -> Option<String> {
        let scale = self.pending.take()?;
        let rect = self.rect?;
        let Some(render_state) = frame.wgpu_render_state() else {
            return Some("Pictures need the GPU renderer, which this window does not use".into());
        };
        let density = scale * ctx.pixels_per_point();
        let (network, map) = views;
        let on_map = state.prefs.canvas == Canvas::Map;
        let rendered = if on_map {
            render_map(
                render_state,
                state,
                &mut map.still(),
                rect.size(),
                density,
                palette,
            )
        } else {
            let mut still = network.still();
            render_network(
                render_state,
                state,
                &mut still,
                rect.size(),
                density,
                palette,
            )
        };
        let picture = match rendered {
            Ok(picture) => picture,
            Err(e) => return Some(format!("The picture could not be made: {e}")),
        };
        let image = picture.image;
        let note = picture
            .clamped_to
            .map(|max| format!(", reduced to the graphics card's limit of {max} pixels a side"))
            .unwrap_or_default();
        let target = self.target.take();
        let what = if on_map { "map" } else { "network" };
        let name = format!("atlas-{what}-{scale}x.png");
        let dataset = state.dataset.source.remembered();
        jobs.background(ctx, move |dialogs: &dyn FileDialogs| {
            let Some(path) = target.or_else(|| dialogs.pick_save(&name, "png")) else {
                return Some(CANCELLED.to_string());
            };
            Some(match save_png(&image, &path, dataset.as_deref()) {
                Ok(()) => format!(
                    "Saved the {what} as {} ({}×{} pixels{note})",
                    path.display(),
                    image.size[0],
                    image.size[1]
                ),
                Err(e) => format!("The {what} picture was not saved: {e}"),
            })
        });
        Some(format!("Saving the {what} picture…"))
    }
}

/// Exports the view (its date and filters; the whole atlas for JSON) in the background,
/// asking where. The file and the status line say which view it follows. `dataset` is the
/// file the atlas was read from; the export never writes over it.
pub fn export_in_background(
    ctx: &egui::Context,
    jobs: &Jobs,
    graph: Arc<AtlasGraph>,
    scope: Scope,
    format: ExportFormat,
    dataset: Option<std::path::PathBuf>,
) {
    jobs.background(ctx, move |dialogs: &dyn FileDialogs| {
        // The suggested name says which: "atlas-whole.graphml" or "atlas-as-shown.graphml".
        let which = if scope.is_whole() {
            "whole"
        } else {
            "as-shown"
        };
        let picked = match format.extension() {
            Some(ext) => dialogs.pick_save(&format!("atlas-{which}.{ext}"), ext),
            None => dialogs.pick_folder(),
        };
        let Some(path) = picked else {
            return Some(CANCELLED.to_string());
        };
        let view = if format == ExportFormat::Json {
            "the whole atlas"
        } else {
            scope.description.as_str()
        };
        Some(
            match export_scope(&graph, &scope, format, &path, dataset.as_deref()) {
                Ok(files) => format!(
                    "Exported {} ({view})",
                    files
                        .iter()
                        .map(|f| f.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Err(e) => format!("Export failed: {e}"),
            },
        )
    });
}

/// Saves a text file where the user picks, in the background, atomically; the status line
/// says where it went, that it was cancelled, or why it failed.
pub fn save_text_in_background(
    ctx: &egui::Context,
    jobs: &Jobs,
    file: SaveText,
    dataset: Option<std::path::PathBuf>,
) {
    jobs.background(ctx, move |dialogs: &dyn FileDialogs| {
        let Some(path) = dialogs.pick_save(&file.name, file.extension) else {
            return Some(CANCELLED.to_string());
        };
        Some(
            match write_atomically(&path, file.contents.as_bytes(), dataset.as_deref()) {
                Ok(()) => format!("Saved {} as {}", file.what, path.display()),
                Err(e) => format!("{} was not saved: {e}", capitalised(&file.what)),
            },
        )
    });
}

/// "the table" → "The table", for a message that starts with it.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Writes "what changed" between two days as CSV or Markdown in the background, asking where.
pub fn export_changes_in_background(
    ctx: &egui::Context,
    jobs: &Jobs,
    graph: Arc<AtlasGraph>,
    changes: Changes,
    markdown: bool,
    dataset: Option<std::path::PathBuf>,
) {
    jobs.background(ctx, move |dialogs: &dyn FileDialogs| {
        let (name, ext) = if markdown {
            ("what-changed.md", "md")
        } else {
            ("what-changed.csv", "csv")
        };
        let path = dialogs.pick_save(name, ext)?;
        let written = if markdown {
            write_changes_markdown(&graph, &changes, &path, dataset.as_deref())
        } else {
            write_changes_csv(&graph, &changes, &path, dataset.as_deref())
        };
        Some(match written {
            Ok(()) => format!("Saved what changed as {}", path.display()),
            Err(e) => format!("Export failed: {e}"),
        })
    });
}
