//! Where a window opens when it must not cover what the user is looking at: the corner of
//! the canvas furthest from the selection and the path, kept inside the screen.

use eframe::egui::{Pos2, Rect, Vec2, vec2};

/// What a window opening over the canvas must keep clear of.
#[derive(Clone, Debug, Default)]
pub struct Clearance {
    /// The canvas (the network or the map) as last drawn.
    pub canvas: Option<Rect>,
    /// Screen points not to cover: the selection, the path's actors.
    pub avoid: Vec<Pos2>,
}

/// Room left between a window and the canvas's edge.
const MARGIN: f32 = 10.0;

/// The top-left corners of a window of `size` in each corner of `area`.
fn corners(area: Rect, size: Vec2) -> [Pos2; 4] {
    [
        area.right_top() + vec2(-MARGIN - size.x, MARGIN),
        area.right_bottom() + vec2(-MARGIN - size.x, -MARGIN - size.y),
        area.left_bottom() + vec2(MARGIN, -MARGIN - size.y),
        area.left_top() + vec2(MARGIN, MARGIN),
    ]
}

/// The top-left corner for a window of `size` in a corner of the canvas: one that covers
/// none of the points to avoid if there is one, and of those the furthest from them. When
/// the canvas is too small for that, a corner of the screen (over a side panel) that covers
/// none. Always inside `screen`.
pub fn corner_clear_of(clearance: &Clearance, size: Vec2, screen: Rect) -> Option<Pos2> {
    let canvas = clearance.canvas?;
    let canvas_corners = corners(canvas, size).map(|p| (p, false));
    let screen_corners = corners(screen, size).map(|p| (p, true));
    let inside_screen = |p: Pos2| {
        let max = (screen.max - size).max(screen.min);
        p.clamp(screen.min, max)
    };
    let score = |&(p, over_panel): &(Pos2, bool)| {
        let rect = Rect::from_min_size(p, size);
        let covered = clearance
            .avoid
            .iter()
            .filter(|a| rect.expand(12.0).contains(**a))
            .count();
        let nearest = clearance
            .avoid
            .iter()
            .map(|a| rect.distance_to_pos(*a))
            .fold(f32::MAX, f32::min);
        (covered, over_panel, -nearest)
    };
    canvas_corners
        .into_iter()
        .chain(screen_corners)
        .map(|(p, over_panel)| (inside_screen(p), over_panel))
        .min_by(|a, b| {
            let (sa, sb) = (score(a), score(b));
            (sa.0, sa.1).cmp(&(sb.0, sb.1)).then(sa.2.total_cmp(&sb.2))
        })
        .map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::pos2;

    fn clearance(avoid: Vec<Pos2>) -> Clearance {
        Clearance {
            canvas: Some(Rect::from_min_max(pos2(200.0, 40.0), pos2(1200.0, 800.0))),
            avoid,
        }
    }

    fn screen() -> Rect {
        Rect::from_min_max(pos2(0.0, 0.0), pos2(1400.0, 900.0))
    }

    #[test]
    fn opens_in_the_corner_furthest_from_the_selection() {
        let size = vec2(400.0, 300.0);
        // Selection near the top right: the window goes bottom left.
        let at = corner_clear_of(&clearance(vec![pos2(1100.0, 100.0)]), size, screen())
            .expect("a canvas");
        assert_eq!(at, pos2(210.0, 490.0));
        // Selection near the bottom left: top right.
        let at = corner_clear_of(&clearance(vec![pos2(300.0, 700.0)]), size, screen())
            .expect("a canvas");
        assert_eq!(at, pos2(790.0, 50.0));
    }

    #[test]
    fn covers_no_point_when_a_corner_is_free() {
        let size = vec2(400.0, 300.0);
        let avoid = vec![
            pos2(1100.0, 100.0),
            pos2(1100.0, 700.0),
            pos2(300.0, 100.0),
            pos2(700.0, 420.0),
        ];
        let at = corner_clear_of(&clearance(avoid.clone()), size, screen()).expect("a canvas");
        let rect = Rect::from_min_size(at, size);
        assert!(avoid.iter().all(|p| !rect.contains(*p)), "{rect:?}");
    }

    #[test]
    fn goes_over_a_panel_when_the_canvas_is_too_small() {
        let screen = Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 600.0));
        let narrow = Clearance {
            canvas: Some(Rect::from_min_max(pos2(250.0, 25.0), pos2(480.0, 335.0))),
            avoid: vec![pos2(370.0, 178.0)],
        };
        let size = vec2(400.0, 160.0);
        let at = corner_clear_of(&narrow, size, screen).expect("a canvas");
        let rect = Rect::from_min_size(at, size);
        assert!(!rect.contains(pos2(370.0, 178.0)), "{rect:?}");
        assert!(screen.contains_rect(rect));
    }

    #[test]
    fn stays_inside_a_small_screen() {
        let small = Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 600.0));
        let tight = Clearance {
            canvas: Some(Rect::from_min_max(pos2(100.0, 40.0), pos2(700.0, 560.0))),
            avoid: vec![pos2(400.0, 300.0)],
        };
        let size = vec2(420.0, 480.0);
        let at = corner_clear_of(&tight, size, small).expect("a canvas");
        assert!(small.contains_rect(Rect::from_min_size(at, size)));
    }
}
