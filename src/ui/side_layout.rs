//! How the side panels share a window of a given width. The canvas is what the atlas is for,
//! so the side panels together never take more than half the width: on a wide window they
//! shrink within that budget, and when both no longer fit side by side (800×600, a small
//! projector) they become tabs in one panel.

/// The widths one side panel may take, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SideSizes {
    pub default: f32,
    pub min: f32,
    pub max: f32,
}

impl SideSizes {
    /// `default` and `min` as wished, within `max` (egui needs `min <= max`).
    fn within(default: f32, min: f32, max: f32) -> Self {
        Self {
            default: default.min(max),
            min: min.min(max),
            max,
        }
    }
}

/// Where the regions and the details go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SideLayout {
    /// Each panel shown on its own side (none when hidden).
    Split {
        regions: Option<SideSizes>,
        details: Option<SideSizes>,
    },
    /// Both in one panel on the right, one tab at a time.
    Tabs(SideSizes),
}

/// The share of the window width all side panels together may take.
pub const SIDE_SHARE: f32 = 0.5;
/// Below this budget (the window's width times [`SIDE_SHARE`]), two panels become tabs.
const SPLIT_BUDGET: f32 = 480.0;
const REGIONS: (f32, f32) = (250.0, 180.0);
const DETAILS: (f32, f32) = (320.0, 220.0);
/// The details panel is wider in presentation: large type needs room.
const DETAILS_PRESENTING: (f32, f32) = (480.0, 220.0);

/// The layout for a window `width` points wide showing the panels asked for.
pub fn side_layout(width: f32, regions: bool, details: bool, presenting: bool) -> SideLayout {
    // A little under half: the panels' separators take a few points of their own.
    let budget = (width * SIDE_SHARE - 8.0).max(0.0);
    let (details_default, details_min) = if presenting {
        DETAILS_PRESENTING
    } else {
        DETAILS
    };
    let sizes = |(default, min): (f32, f32), max: f32| SideSizes::within(default, min, max);
    match (regions, details) {
        (true, true) if budget < SPLIT_BUDGET => {
            SideLayout::Tabs(sizes((details_default, details_min), budget))
        }
        (true, true) => SideLayout::Split {
            regions: Some(sizes(REGIONS, budget * 0.4)),
            details: Some(sizes((details_default, details_min), budget * 0.6)),
        },
        _ => SideLayout::Split {
            regions: regions.then(|| sizes(REGIONS, budget)),
            details: details.then(|| sizes((details_default, details_min), budget)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(layout: SideLayout) -> f32 {
        match layout {
            SideLayout::Split { regions, details } => {
                regions.map_or(0.0, |s| s.max) + details.map_or(0.0, |s| s.max)
            }
            SideLayout::Tabs(s) => s.max,
        }
    }

    #[test]
    fn side_panels_never_take_more_than_half_the_width() {
        for width in [640.0, 800.0, 1024.0, 1280.0, 1366.0, 1920.0, 3840.0] {
            for (r, d, p) in [
                (true, true, false),
                (true, false, false),
                (false, true, false),
                (false, true, true),
                (true, true, true),
            ] {
                let layout = side_layout(width, r, d, p);
                assert!(widest(layout) <= width / 2.0, "{width} {r} {d} {p}");
            }
        }
    }

    #[test]
    fn both_panels_become_tabs_at_800_and_stay_side_by_side_at_1280() {
        assert!(matches!(
            side_layout(800.0, true, true, false),
            SideLayout::Tabs(_)
        ));
        assert!(matches!(
            side_layout(1280.0, true, true, false),
            SideLayout::Split {
                regions: Some(_),
                details: Some(_)
            }
        ));
    }

    #[test]
    fn minimum_never_exceeds_maximum() {
        for width in [0.0, 100.0, 300.0, 800.0, 1024.0] {
            let check = |s: SideSizes| assert!(s.min <= s.max && s.default <= s.max);
            match side_layout(width, true, true, true) {
                SideLayout::Tabs(s) => check(s),
                SideLayout::Split { regions, details } => {
                    regions.into_iter().chain(details).for_each(check)
                }
            }
        }
    }
}
