//! Renders a picture into an image at any pixel density, off screen, through a wgpu device
//! (the window's, or a headless one for `atlas render`); `picture` composes what it shows.

use std::sync::mpsc::channel;
use std::time::Duration;

use eframe::egui::{self, ColorImage, Pos2, RawInput, Rect, Vec2, ViewportId};
use eframe::egui_wgpu::{self, RenderState, ScreenDescriptor, wgpu};

use super::theme::{self, Palette};

/// How long to wait for the GPU (a software renderer included) before giving up.
const GPU_WAIT: Duration = Duration::from_secs(30);
/// Readback rows must be padded to this many bytes.
const ROW_ALIGN: usize = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;

/// A rendered picture, and the largest side the GPU allowed when it had to shrink it.
pub struct Picture {
    pub image: ColorImage,
    pub clamped_to: Option<u32>,
}

/// The pixels per point to render `size` at, asking for `scale` but never past the largest
/// texture the GPU can make (8192 px on many); the limit is returned when it applied.
pub fn fitting_scale(size: Vec2, scale: f32, max_side: u32) -> (f32, Option<u32>) {
    let largest = size.x.max(size.y) * scale;
    if largest <= max_side as f32 {
        (scale, None)
    } else {
        // Round down so the rounded pixel size stays inside the limit.
        let fitted = (max_side as f32 - 1.0) / size.x.max(size.y).max(1.0);
        (fitted, Some(max_side))
    }
}

/// Runs `draw` in a fresh context of `size` points at `scale` pixels per point, with the text
/// sizes of presentation mode or not, and reads the pixels back.
pub(crate) fn render_view(
    render_state: &RenderState,
    presentation: bool,
    size: Vec2,
    scale: f32,
    palette: Palette,
    draw: &mut dyn FnMut(&mut egui::Ui),
) -> Result<Picture, String> {
    let max_side = render_state.device.limits().max_texture_dimension_2d;
    let (scale, clamped_to) = fitting_scale(size, scale, max_side);
    let ctx = egui::Context::default();
    theme::install_fonts(&ctx);
    theme::apply(&ctx, palette, presentation);
    // A picture has no time for fade-in animations: draw everything at full strength.
    ctx.global_style_mut(|style| style.animation_time = 0.0);
    let input = || {
        let mut raw = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
            ..RawInput::default()
        };
        raw.viewports
            .entry(ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(scale);
        raw
    };
    let mut draw = |ui: &mut egui::Ui| {
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| draw(ui));
    };
    // The first pass lays out windows and fonts; the second is the picture.
    let mut textures = ctx.run_ui(input(), &mut draw).textures_delta;
    let output = ctx.run_ui(input(), &mut draw);
    textures.append(output.textures_delta);
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let size_px = [
        (size.x * scale).round().max(1.0) as u32,
        (size.y * scale).round().max(1.0) as u32,
    ];
    let image = draw_to_image(
        render_state,
        &primitives,
        textures,
        size_px,
        output.pixels_per_point,
        palette,
    )?;
    Ok(Picture { image, clamped_to })
}

fn draw_to_image(
    rs: &RenderState,
    primitives: &[egui::ClippedPrimitive],
    mut textures: egui::TexturesDelta,
    size_px: [u32; 2],
    pixels_per_point: f32,
    palette: Palette,
) -> Result<ColorImage, String> {
    // A renderer of its own, so its textures never mix with the window's.
    let mut renderer =
        egui_wgpu::Renderer::new(&rs.device, FORMAT, egui_wgpu::RendererOptions::default());
    for (id, deltas) in &textures.set {
        for delta in deltas {
            renderer.update_texture(&rs.device, &rs.queue, *id, delta);
        }
    }
    // Applied to this renderer, which is dropped at the end; nothing is left to free.
    textures.clear();
    let screen = ScreenDescriptor {
        size_in_pixels: size_px,
        pixels_per_point,
    };
    let mut encoder = rs
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("atlas export"),
        });
    let buffers = renderer.update_buffers(&rs.device, &rs.queue, &mut encoder, primitives, &screen);
    let target = target_texture(rs, size_px);
    render_pass(
        &mut renderer,
        &mut encoder,
        &target,
        primitives,
        &screen,
        palette,
    );
    let readback = Readback::new(rs, size_px);
    readback.copy_from(&mut encoder, &target);
    let submission = rs
        .queue
        .submit(buffers.into_iter().chain(std::iter::once(encoder.finish())));
    readback.read(rs, submission)
}

const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8UnormSrgb;

fn extent(size_px: [u32; 2]) -> wgpu::Extent3d {
    wgpu::Extent3d {
        width: size_px[0],
        height: size_px[1],
        depth_or_array_layers: 1,
    }
}

fn target_texture(rs: &RenderState, size_px: [u32; 2]) -> wgpu::Texture {
    rs.device.create_texture(&wgpu::TextureDescriptor {
        label: Some("atlas export target"),
        size: extent(size_px),
        mip_level_count: 1,
        sample_count: 1,
        dimension: wgpu::TextureDimension::D2,
        format: FORMAT,
        usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
        view_formats: &[],
    })
}

/// Clears to the palette's background and draws the primitives.
fn render_pass(
    renderer: &mut egui_wgpu::Renderer,
    encoder: &mut wgpu::CommandEncoder,
    target: &wgpu::Texture,
    primitives: &[egui::ClippedPrimitive],
    screen: &ScreenDescriptor,
    palette: Palette,
) {
    let view = target.create_view(&wgpu::TextureViewDescriptor::default());
    let bg = palette.background();
    let clear = wgpu::Color {
        r: srgb_to_linear(bg.r()),
        g: srgb_to_linear(bg.g()),
        b: srgb_to_linear(bg.b()),
        a: 1.0,
    };
    let mut pass = encoder
        .begin_render_pass(&wgpu::RenderPassDescriptor {
            label: Some("atlas export pass"),
            color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                view: &view,
                resolve_target: None,
                ops: wgpu::Operations {
                    load: wgpu::LoadOp::Clear(clear),
                    store: wgpu::StoreOp::Store,
                },
                depth_slice: None,
            })],
            ..Default::default()
        })
        .forget_lifetime();
    renderer.render(&mut pass, primitives, screen);
}

/// A buffer the GPU copies the picture into, rows padded as wgpu requires.
struct Readback {
    buffer: wgpu::Buffer,
    size_px: [u32; 2],
    padded: usize,
}

impl Readback {
    fn new(rs: &RenderState, size_px: [u32; 2]) -> Self {
        let unpadded = size_px[0] as usize * 4;
        let padded = unpadded.div_ceil(ROW_ALIGN) * ROW_ALIGN;
        let buffer = rs.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("atlas export readback"),
            size: (padded * size_px[1] as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Self {
            buffer,
            size_px,
            padded,
        }
    }

    fn copy_from(&self, encoder: &mut wgpu::CommandEncoder, target: &wgpu::Texture) {
        encoder.copy_texture_to_buffer(
            target.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &self.buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(self.padded as u32),
                    rows_per_image: None,
                },
            },
            extent(self.size_px),
        );
    }

    /// Waits for the GPU, then takes the rows without their padding.
    fn read(
        &self,
        rs: &RenderState,
        submission: wgpu::SubmissionIndex,
    ) -> Result<ColorImage, String> {
        let slice = self.buffer.slice(..);
        let (tx, rx) = channel();
        slice.map_async(wgpu::MapMode::Read, move |r| drop(tx.send(r)));
        wait_for(rs, &submission)?;
        rx.recv_timeout(GPU_WAIT)
            .map_err(|_| "the GPU did not hand back the picture".to_string())?
            .map_err(|e| format!("cannot read the picture back: {e}"))?;
        let data = slice
            .get_mapped_range()
            .map_err(|e| format!("cannot read the picture back: {e}"))?;
        let unpadded = self.size_px[0] as usize * 4;
        let pixels: Vec<u8> = data
            .chunks_exact(self.padded)
            .flat_map(|row| &row[..unpadded])
            .copied()
            .collect();
        let [w, h] = self.size_px;
        Ok(ColorImage::from_rgba_unmultiplied(
            [w as usize, h as usize],
            &pixels,
        ))
    }
}

/// Waits up to [`GPU_WAIT`] for `submission`, a second at a time: the GL backend cuts any
/// single wait to about 4.3 s (a `u32` of nanoseconds), which a software renderer on a busy
/// machine can take for a large picture.
fn wait_for(rs: &RenderState, submission: &wgpu::SubmissionIndex) -> Result<(), String> {
    let deadline = std::time::Instant::now() + GPU_WAIT;
    loop {
        let waited = rs.device.poll(wgpu::PollType::Wait {
            submission_index: Some(submission.clone()),
            timeout: Some(Duration::from_secs(1)),
        });
        match waited {
            Ok(_) => return Ok(()),
            Err(wgpu::PollError::Timeout) if std::time::Instant::now() < deadline => {}
            Err(e) => return Err(format!("the GPU did not finish the picture: {e}")),
        }
    }
}

fn srgb_to_linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_within_the_gpu_limit_keeps_its_scale() {
        assert_eq!(
            fitting_scale(Vec2::new(1600.0, 900.0), 2.0, 8192),
            (2.0, None)
        );
    }

    #[test]
    fn a_picture_wider_than_the_gpu_limit_is_scaled_down_to_fit() {
        let size = Vec2::new(5000.0, 1400.0);
        let (scale, clamped) = fitting_scale(size, 2.0, 8192);
        assert_eq!(clamped, Some(8192));
        assert!((size.x * scale).round() <= 8192.0);
        assert!((size.x * scale).round() >= 8190.0);
    }
}
