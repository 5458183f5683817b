//! Pictures for slides and print: the network (or the map) at a chosen size, independent of
//! the window, framed on what is shown, with an optional caption band. The same code serves
//! the window's "Export picture…" dialog and the headless `atlas render`.
//!
//! A picture is laid out as if on a screen of [`DESIGN_SIZE`] points (or the canvas's own
//! size for "as the window"), then drawn at as many pixels per point as it takes to fill the
//! asked size: a 3840×2160 slide shows the same picture as a 1920×1080 one, twice as sharp,
//! not a small graph in tiny text on a huge canvas.

mod caption;
mod compose;
mod headless;

pub use caption::{caption_of, focus_of};
pub use compose::{Rendered, Subject, render_png, render_svg};
pub use headless::headless_render_state;

use eframe::egui::{Vec2, vec2};

/// The screen a fixed-size picture is laid out on before it is scaled to its pixels.
pub const DESIGN_SIZE: Vec2 = vec2(1280.0, 720.0);

/// How big the picture is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PictureSize {
    /// Exactly this many pixels (times the scale).
    Pixels { width: u32, height: u32 },
    /// The canvas as it is on screen, in points (times the scale and the screen's density).
    Canvas(Vec2),
}

impl PictureSize {
    pub const FULL_HD: PictureSize = PictureSize::Pixels {
        width: 1920,
        height: 1080,
    };
    pub const UHD: PictureSize = PictureSize::Pixels {
        width: 3840,
        height: 2160,
    };
}

/// PNG for slides, SVG for print.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PictureFormat {
    #[default]
    Png,
    Svg,
}

impl PictureFormat {
    pub fn extension(self) -> &'static str {
        match self {
            PictureFormat::Png => "png",
            PictureFormat::Svg => "svg",
        }
    }
}

/// What to make: its size, a multiplier for sharper pixels, and whether to caption it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PictureSpec {
    pub size: PictureSize,
    /// 1 or 2: twice the pixels of the same picture.
    pub scale: f32,
    pub caption: bool,
    pub format: PictureFormat,
}

impl PictureSpec {
    /// The picture's size in points and its pixels per point, given the screen's own density
    /// (`native_ppp`, used only for canvas-sized pictures).
    pub fn layout(&self, native_ppp: f32) -> (Vec2, f32) {
        match self.size {
            PictureSize::Canvas(points) => (points, self.scale * native_ppp),
            PictureSize::Pixels { width, height } => {
                let pixels = vec2(width as f32, height as f32);
                // Small pictures keep 1 pixel a point; larger ones grow their text with them.
                let grow = (pixels.x / DESIGN_SIZE.x)
                    .min(pixels.y / DESIGN_SIZE.y)
                    .max(1.0);
                (pixels / grow, grow * self.scale)
            }
        }
    }

    /// The pixel size the picture will have (before any GPU limit).
    pub fn pixels(&self, native_ppp: f32) -> [u32; 2] {
        let (points, ppp) = self.layout(native_ppp);
        [
            (points.x * ppp).round().max(1.0) as u32,
            (points.y * ppp).round().max(1.0) as u32,
        ]
    }
}

/// The sizes the "Export picture…" dialog offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SizeChoice {
    #[default]
    FullHd,
    Uhd,
    /// The canvas as on screen (at 1× or 2×, as the request's scale says).
    Window,
}

impl SizeChoice {
    pub const ALL: [SizeChoice; 3] = [SizeChoice::FullHd, SizeChoice::Uhd, SizeChoice::Window];

    pub fn label(self) -> &'static str {
        match self {
            SizeChoice::FullHd => "1920 × 1080 (Full HD slide)",
            SizeChoice::Uhd => "3840 × 2160 (4K slide)",
            SizeChoice::Window => "As the window shows it",
        }
    }
}

/// A picture asked for in the window, before the canvas size is known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PictureRequest {
    pub size: SizeChoice,
    /// 1 or 2.
    pub scale: f32,
    pub caption: bool,
    pub format: PictureFormat,
}

impl PictureRequest {
    /// The network or map as on screen, captioned, as PNG at `scale`.
    pub fn window_png(scale: f32) -> Self {
        Self {
            size: SizeChoice::Window,
            scale,
            caption: true,
            format: PictureFormat::Png,
        }
    }

    /// The spec for a canvas of `canvas` points.
    pub fn spec(&self, canvas: Vec2) -> PictureSpec {
        let size = match self.size {
            SizeChoice::FullHd => PictureSize::FULL_HD,
            SizeChoice::Uhd => PictureSize::UHD,
            SizeChoice::Window => PictureSize::Canvas(canvas),
        };
        PictureSpec {
            size,
            scale: self.scale,
            caption: self.caption,
            format: self.format,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(size: PictureSize, scale: f32) -> PictureSpec {
        PictureSpec {
            size,
            scale,
            caption: true,
            format: PictureFormat::Png,
        }
    }

    #[test]
    fn fixed_sizes_give_exactly_their_pixels_times_the_scale() {
        assert_eq!(spec(PictureSize::FULL_HD, 1.0).pixels(1.0), [1920, 1080]);
        assert_eq!(spec(PictureSize::UHD, 1.0).pixels(1.5), [3840, 2160]);
        assert_eq!(spec(PictureSize::FULL_HD, 2.0).pixels(1.0), [3840, 2160]);
        let odd = PictureSize::Pixels {
            width: 1366,
            height: 768,
        };
        assert_eq!(spec(odd, 1.0).pixels(1.0), [1366, 768]);
    }

    #[test]
    fn a_4k_picture_is_the_full_hd_layout_at_twice_the_density() {
        let (hd_points, hd_ppp) = spec(PictureSize::FULL_HD, 1.0).layout(1.0);
        let (uhd_points, uhd_ppp) = spec(PictureSize::UHD, 1.0).layout(1.0);
        assert_eq!(hd_points, uhd_points);
        assert!((uhd_ppp - 2.0 * hd_ppp).abs() < 1e-4);
    }

    #[test]
    fn a_canvas_picture_follows_the_screen_density() {
        let canvas = PictureSize::Canvas(vec2(884.0, 710.0));
        assert_eq!(spec(canvas, 2.0).pixels(1.25), [2210, 1775]);
    }
}
