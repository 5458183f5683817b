//! Exports from the window: the network as a PNG for slides, the filtered graph and tables
//! for other tools. Dialogs, encoding and writing run off the UI thread.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use eframe::egui::{self, ColorImage, Rect};

use crate::graph::{AtlasGraph, Visible};
use crate::io::{ExportError, ExportFormat, export, write_atomically};

use super::jobs::{FileDialogs, Jobs};

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

/// Writes `image` as a PNG at `path`, atomically.
pub fn save_png(image: &ColorImage, path: &Path) -> Result<(), String> {
    let bytes =
        encode_png(image).map_err(|e| format!("{}: cannot encode the PNG: {e}", path.display()))?;
    write_atomically(path, &bytes).map_err(|e: ExportError| e.to_string())
}

/// The network's rectangle, remembered each frame, and screenshots on their way back.
#[derive(Default)]
pub struct PngExport {
    rect: Option<Rect>,
    pending: Option<Receiver<Arc<ColorImage>>>,
    /// Where the next capture goes, when known in advance (tests, the CLI); else a dialog.
    pub target: Option<std::path::PathBuf>,
}

impl PngExport {
    pub fn capture_rect(&mut self, rect: Rect) {
        self.rect = Some(rect);
    }

    /// Asks the window for a screenshot; it arrives in a later frame.
    pub fn request(&mut self, ctx: &egui::Context) {
        let (tx, rx): (Sender<Arc<ColorImage>>, _) = channel();
        let waker = ctx.clone();
        ctx.request_screenshot(move |image| {
            let _ = tx.send(image);
            waker.request_repaint();
        });
        self.pending = Some(rx);
        ctx.request_repaint();
    }

    /// Picks up a finished screenshot: crops it to the network and saves it in the background.
    /// Returns a status line while nothing more is needed from the UI thread.
    pub fn poll(&mut self, ctx: &egui::Context, jobs: &Jobs) -> Option<String> {
        let image = self.pending.as_ref()?.try_recv().ok()?;
        self.pending = None;
        let ppp = ctx.pixels_per_point();
        let cropped = match self.rect {
            Some(rect) => image.region(&rect, Some(ppp)),
            None => (*image).clone(),
        };
        let target = self.target.take();
        jobs.background(ctx, move |dialogs: &dyn FileDialogs| {
            let path = target.or_else(|| dialogs.pick_save("atlas-network.png", "png"))?;
            Some(match save_png(&cropped, &path) {
                Ok(()) => format!("Saved the network as {}", path.display()),
                Err(e) => e,
            })
        });
        Some("Saving the network picture…".into())
    }
}

/// Exports the filtered graph (or the atlas, for JSON) in the background, asking where.
pub fn export_in_background(
    ctx: &egui::Context,
    jobs: &Jobs,
    graph: Arc<AtlasGraph>,
    visible: Visible,
    format: ExportFormat,
) {
    jobs.background(ctx, move |dialogs: &dyn FileDialogs| {
        let path = match format.extension() {
            Some(ext) => dialogs.pick_save(&format!("atlas.{ext}"), ext),
            None => dialogs.pick_folder(),
        }?;
        Some(match export(&graph, &visible, format, &path) {
            Ok(files) => format!(
                "Exported {}",
                files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Err(e) => format!("Export failed: {e}"),
        })
    });
}

/// The menu label of each format.
pub fn format_label(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Graphml => "Graph as GraphML (Gephi, networkx)…",
        ExportFormat::Gexf => "Graph as GEXF (Gephi)…",
        ExportFormat::Csv => "Actors, relations, events as CSV…",
        ExportFormat::Json => "Whole atlas as JSON…",
    }
}
