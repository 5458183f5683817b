//! Where fits put the graph: the canvas less the legend, and less a window that keeps clear
//! of the selection (the path finder), so that a path it finds is framed where it shows.

use eframe::egui::{Rect, pos2};

use super::NetworkView;

/// The share of the area a free part must keep to be used; a window covering nearly all of
/// the canvas is ignored rather than squeezing the graph into a sliver.
const MIN_SHARE: f32 = 0.3;

/// `area` less each of `windows`: the largest part left, right, above or below each.
pub(super) fn clear_of_windows(mut area: Rect, windows: &[Rect]) -> Rect {
    for w in windows {
        if !area.intersects(*w) {
            continue;
        }
        let parts = [
            Rect::from_min_max(area.min, pos2(w.min.x.min(area.max.x), area.max.y)),
            Rect::from_min_max(pos2(w.max.x.max(area.min.x), area.min.y), area.max),
            Rect::from_min_max(area.min, pos2(area.max.x, w.min.y.min(area.max.y))),
            Rect::from_min_max(pos2(area.min.x, w.max.y.max(area.min.y)), area.max),
        ];
        let best = parts
            .into_iter()
            .filter(|p| p.is_positive())
            .max_by(|a, b| a.area().total_cmp(&b.area()));
        if let Some(best) = best
            && best.area() >= MIN_SHARE * area.area()
        {
            area = best;
        }
    }
    area
}

impl NetworkView {
    /// Where fits put the graph in the canvas `rect`.
    pub(super) fn fit_area(&self, rect: Rect) -> Rect {
        clear_of_windows(super::clear_of_legend(rect), &self.windows)
    }

    /// Tells the view which windows float over its canvas and should not hide what it frames.
    pub fn set_windows(&mut self, windows: Vec<Rect>) {
        self.windows = windows;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_in_the_top_right_leaves_the_larger_part_left_of_it() {
        let area = Rect::from_min_max(pos2(200.0, 0.0), pos2(1200.0, 800.0));
        let window = Rect::from_min_max(pos2(800.0, 10.0), pos2(1190.0, 400.0));
        let free = clear_of_windows(area, &[window]);
        assert_eq!(
            free,
            Rect::from_min_max(pos2(200.0, 0.0), pos2(800.0, 800.0))
        );
        assert!(!free.intersects(window) || free.intersect(window).area() == 0.0);
    }

    #[test]
    fn a_window_elsewhere_or_covering_nearly_all_changes_nothing() {
        let area = Rect::from_min_max(pos2(200.0, 0.0), pos2(1200.0, 800.0));
        let outside = Rect::from_min_max(pos2(0.0, 0.0), pos2(150.0, 100.0));
        assert_eq!(clear_of_windows(area, &[outside]), area);
        let huge = Rect::from_min_max(pos2(210.0, 10.0), pos2(1190.0, 790.0));
        assert_eq!(clear_of_windows(area, &[huge]), area);
    }
}
