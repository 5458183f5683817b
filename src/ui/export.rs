//! Exports from the window: the network or map as a picture for slides (PNG) or print (SVG),
//! the filtered graph and tables for other tools. Dialogs, encoding and writing run off the
//! UI thread.

use std::sync::Arc;

use eframe::egui::{self, Rect};

use crate::graph::{AtlasGraph, Changes};
use crate::io::picture::write_png;
use crate::io::svg::{SvgPicture, write_svg};
use crate::io::{
    ExportFormat, Scope, export_scope, write_atomically, write_changes_csv, write_changes_markdown,
};

use super::command::SaveText;
use super::jobs::{FileDialogs, Jobs};
use super::picture::{
    PictureFormat, PictureRequest, Rendered, Subject, focus_of, render_png, render_svg,
};
use super::state::AppState;
use super::state::Canvas;
use super::theme::Palette;
use super::views::map::MapView;
use super::views::network::NetworkView;

/// The status line when the save dialog is closed without a choice: it replaces "Saving…",
/// which would otherwise stay for ever.
pub const CANCELLED: &str = "Export cancelled: nothing was saved";

/// A pending picture request (the network or the map, PNG or SVG), carried out at the end of
/// the frame that has the GPU at hand.
#[derive(Default)]
pub struct PngExport {
    rect: Option<Rect>,
    pending: Option<PictureRequest>,
    /// Where the next picture goes, when known in advance; else a save dialog asks.
    pub target: Option<std::path::PathBuf>,
}

impl PngExport {
    pub fn capture_rect(&mut self, rect: Rect) {
        self.rect = Some(rect);
    }

    /// Asks for the network (or the map, when shown) as a captioned PNG of the canvas at
    /// `scale` × the screen's pixel density (1 or 2).
    pub fn request(&mut self, ctx: &egui::Context, scale: f32) {
        self.request_picture(ctx, PictureRequest::window_png(scale));
    }

    /// Asks for the picture the export dialog describes.
    pub fn request_picture(&mut self, ctx: &egui::Context, request: PictureRequest) {
        self.pending = Some(request);
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
        let request = self.pending.take()?;
        let Some(rect) = self.rect else {
            return Some("The picture was not made: the canvas has not been drawn yet".into());
        };
        let spec = request.spec(rect.size());
        let on_map = state.prefs.canvas == Canvas::Map;
        let what = if on_map { "map" } else { "network" };
        let target = self.target.take();
        let saving = Saving {
            what,
            target,
            dataset: state.dataset.source.remembered(),
        };
        let focus = focus_of(state, None);
        match spec.format {
            PictureFormat::Svg if on_map => {
                return Some("The map is saved as PNG only; SVG is for the network".into());
            }
            PictureFormat::Svg => {
                let picture = render_svg(state, &mut views.0.still(), &focus, &spec, palette);
                saving.svg_in_background(ctx, jobs, picture);
            }
            PictureFormat::Png => {
                let Some(render_state) = frame.wgpu_render_state() else {
                    return Some(
                        "Pictures need the GPU renderer, which this window does not use".into(),
                    );
                };
                let (mut network, mut map) = (views.0.still(), MapView::default());
                let subject = if on_map {
                    Subject::Map(&mut map)
                } else {
                    Subject::Network {
                        view: &mut network,
                        focus: &focus,
                    }
                };
                let native = ctx.pixels_per_point();
                match render_png(render_state, state, subject, &spec, native, palette) {
                    Ok(rendered) => saving.png_in_background(ctx, jobs, rendered),
                    Err(e) => return Some(format!("The picture could not be made: {e}")),
                }
            }
        }
        Some(format!("Saving the {what} picture…"))
    }
}

/// Where a finished picture goes, and what the status line calls it.
struct Saving {
    what: &'static str,
    target: Option<std::path::PathBuf>,
    dataset: Option<std::path::PathBuf>,
}

impl Saving {
    fn png_in_background(self, ctx: &egui::Context, jobs: &Jobs, rendered: Rendered) {
        let image = rendered.picture.image;
        let note = rendered
            .picture
            .clamped_to
            .map(|max| format!(", reduced to the graphics card's limit of {max} pixels a side"))
            .unwrap_or_default();
        let [w, h] = image.size;
        let name = format!("atlas-{}-{w}x{h}.png", self.what);
        jobs.background(ctx, move |dialogs: &dyn FileDialogs| {
            let Some(path) = self.target.or_else(|| dialogs.pick_save(&name, "png")) else {
                return Some(CANCELLED.to_string());
            };
            let size = [w as u32, h as u32];
            let caption = rendered.caption.as_ref();
            let dataset = self.dataset.as_deref();
            Some(
                match write_png(&path, size, image.as_raw(), caption, dataset) {
                    Ok(()) => format!(
                        "Saved the {} as {} ({w}×{h} pixels{note})",
                        self.what,
                        path.display()
                    ),
                    Err(e) => format!("The {} picture was not saved: {e}", self.what),
                },
            )
        });
    }

    fn svg_in_background(self, ctx: &egui::Context, jobs: &Jobs, picture: SvgPicture) {
        let name = format!("atlas-{}.svg", self.what);
        jobs.background(ctx, move |dialogs: &dyn FileDialogs| {
            let Some(path) = self.target.or_else(|| dialogs.pick_save(&name, "svg")) else {
                return Some(CANCELLED.to_string());
            };
            Some(match write_svg(&path, &picture, self.dataset.as_deref()) {
                Ok(()) => format!("Saved the {} as {} (SVG)", self.what, path.display()),
                Err(e) => format!("The {} picture was not saved: {e}", self.what),
            })
        });
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
        let Some(path) = dialogs.pick_save(name, ext) else {
            return Some(CANCELLED.to_string());
        };
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
