//! Colours and sizes. No colour literal lives anywhere else in the UI.

use eframe::egui::{self, Color32, FontId, TextStyle};
use serde::{Deserialize, Serialize};

use crate::model::{ActorKind, RelationKind};

/// Which look the user chose; `System` follows the desktop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// The colours of one frame, picked from dark/light and the high-contrast switch.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub dark: bool,
    pub high_contrast: bool,
}

/// Hues chosen to stay apart for the common colour-vision deficiencies (after Okabe–Ito and
/// Tol's bright scheme), one per actor family.
const KIND_COLOURS: [(ActorKind, [u8; 3]); 10] = [
    (ActorKind::State, [0, 114, 178]),
    (ActorKind::Bloc, [86, 180, 233]),
    (ActorKind::InternationalOrganisation, [0, 158, 115]),
    (ActorKind::Forum, [117, 198, 120]),
    (ActorKind::StandardsBody, [170, 68, 153]),
    (ActorKind::Company, [230, 159, 0]),
    (ActorKind::CivilSociety, [204, 121, 167]),
    (ActorKind::Academia, [153, 153, 51]),
    (ActorKind::Envoy, [213, 94, 0]),
    (ActorKind::GovernmentBody, [136, 204, 238]),
];
const INSTRUMENT_COLOUR: [u8; 3] = [220, 50, 60];

impl Palette {
    pub fn kind(&self, kind: ActorKind) -> Color32 {
        let rgb = KIND_COLOURS
            .iter()
            .find(|(k, _)| *k == kind.family())
            .map(|(_, c)| *c)
            .unwrap_or(INSTRUMENT_COLOUR);
        let c = Color32::from_rgb(rgb[0], rgb[1], rgb[2]);
        if self.high_contrast {
            // Fully saturated against the background: lighten on dark, darken on light.
            if self.dark {
                c.lerp_to_gamma(Color32::WHITE, 0.15)
            } else {
                c.lerp_to_gamma(Color32::BLACK, 0.2)
            }
        } else {
            c
        }
    }

    pub fn background(&self) -> Color32 {
        match (self.dark, self.high_contrast) {
            (true, true) => Color32::BLACK,
            (true, false) => Color32::from_rgb(24, 26, 30),
            (false, true) => Color32::WHITE,
            (false, false) => Color32::from_rgb(248, 248, 246),
        }
    }

    pub fn text(&self) -> Color32 {
        if self.dark {
            Color32::from_gray(if self.high_contrast { 255 } else { 225 })
        } else {
            Color32::from_gray(if self.high_contrast { 0 } else { 30 })
        }
    }

    pub fn muted(&self) -> Color32 {
        if self.dark {
            Color32::from_gray(140)
        } else {
            Color32::from_gray(110)
        }
    }

    /// Edges: faint so that nodes stay readable; relation kinds differ by tint.
    pub fn edge(&self, kind: RelationKind) -> Color32 {
        let alpha = if self.high_contrast { 200 } else { 90 };
        let base = match kind {
            RelationKind::MemberOf | RelationKind::ObserverOf | RelationKind::ParticipatesIn => {
                [120, 140, 170]
            }
            RelationKind::Enacts
            | RelationKind::Proposes
            | RelationKind::Adopts
            | RelationKind::Implements
            | RelationKind::ModelledOn
            | RelationKind::Supersedes
            | RelationKind::Invalidates => [200, 90, 100],
            RelationKind::Restricts | RelationKind::Targets | RelationKind::Rivals => {
                [230, 120, 40]
            }
            RelationKind::Appoints | RelationKind::Leads | RelationKind::Founded => [210, 130, 60],
            _ => [140, 150, 150],
        };
        let c = if self.dark {
            Color32::from_rgb(base[0], base[1], base[2])
        } else {
            Color32::from_rgb(base[0] / 2, base[1] / 2, base[2] / 2)
        };
        Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
    }

    /// Ties to the selection, a path or a story step.
    pub fn highlight(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(255, 214, 10)
        } else {
            Color32::from_rgb(200, 120, 0)
        }
    }

    pub fn faded(&self, c: Color32) -> Color32 {
        c.gamma_multiply(0.18)
    }

    pub fn error(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(255, 110, 100)
        } else {
            Color32::from_rgb(180, 20, 20)
        }
    }

    pub fn warning(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(240, 190, 80)
        } else {
            Color32::from_rgb(150, 100, 0)
        }
    }
}

/// Adds the bundled fonts after egui's own (DejaVu Sans first: it has the arrows and symbols
/// the UI uses, → ← ▶ ◀ ✕ ⚠), so names in any script the atlas uses (日本,
/// Україна, भारत, ישראל …) are drawn rather than shown as boxes on a machine without them.
/// egui lays text out left to right without shaping, so Arabic and Devanagari show their
/// letters in isolated forms; the PDF briefings shape them properly.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    for (name, bytes) in crate::fonts::FILES {
        ctx.add_font(FontInsert::new(
            name,
            egui::FontData::from_static(bytes),
            vec![
                InsertFontFamily {
                    family: egui::FontFamily::Proportional,
                    priority: FontPriority::Lowest,
                },
                InsertFontFamily {
                    family: egui::FontFamily::Monospace,
                    priority: FontPriority::Lowest,
                },
            ],
        ));
    }
}

/// Body text size in points; presentation mode doubles it.
pub const BASE_TEXT: f32 = 14.0;
pub const PRESENTATION_SCALE: f32 = 2.0;

/// Sets fonts and visuals for this frame's mode.
pub fn apply(ctx: &egui::Context, palette: Palette, presentation: bool) {
    let scale = if presentation {
        PRESENTATION_SCALE
    } else {
        1.0
    };
    let mut style = (*ctx.global_style()).clone();
    style.text_styles = [
        (TextStyle::Small, FontId::proportional(11.0 * scale)),
        (TextStyle::Body, FontId::proportional(BASE_TEXT * scale)),
        (TextStyle::Button, FontId::proportional(BASE_TEXT * scale)),
        (TextStyle::Heading, FontId::proportional(20.0 * scale)),
        (TextStyle::Monospace, FontId::monospace(13.0 * scale)),
    ]
    .into();
    let mut visuals = if palette.dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    visuals.panel_fill = if palette.dark {
        Color32::from_rgb(32, 34, 39)
    } else {
        Color32::from_rgb(240, 240, 236)
    };
    if palette.high_contrast {
        visuals.panel_fill = palette.background();
        visuals.override_text_color = Some(palette.text());
    }
    visuals.extreme_bg_color = palette.background();
    visuals.selection.bg_fill = palette.highlight().gamma_multiply(0.5);
    style.visuals = visuals;
    style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    ctx.set_global_style(style);
}
