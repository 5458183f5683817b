use proptest::prelude::*;

use super::*;

fn canvas() -> LabelBox {
    LabelBox::new([0.0, 0.0], [400.0, 300.0])
}

#[test]
fn a_crowded_node_gets_its_label_on_the_next_free_side() {
    let mut placer = LabelPlacer::new(canvas(), &[]);
    let first = placer.place([200.0, 150.0], 5.0, [60.0, 12.0]);
    let second = placer.place([200.0, 150.0], 5.0, [60.0, 12.0]);
    assert_eq!(
        first,
        Some(Anchor::Right.place([200.0, 150.0], 5.0, [60.0, 12.0]))
    );
    assert_eq!(
        second,
        Some(Anchor::Left.place([200.0, 150.0], 5.0, [60.0, 12.0]))
    );
    // Above and below are left; a fifth label at the same node has nowhere to go.
    assert!(placer.place([200.0, 150.0], 5.0, [60.0, 12.0]).is_some());
    assert!(placer.place([200.0, 150.0], 5.0, [60.0, 12.0]).is_some());
    assert_eq!(placer.place([200.0, 150.0], 5.0, [60.0, 12.0]), None);
    assert_eq!(placer.placed().len(), 4);
}

#[test]
fn a_label_never_covers_a_blocked_area_or_leaves_the_canvas() {
    let legend = LabelBox::new([0.0, 0.0], [150.0, 300.0]);
    let mut placer = LabelPlacer::new(canvas(), &[legend]);
    // Right of a node inside the legend's area is still in the legend; the rest too.
    assert_eq!(placer.place([60.0, 150.0], 4.0, [50.0, 12.0]), None);
    // At the right edge only the left anchor fits.
    let b = placer
        .place([395.0, 150.0], 4.0, [50.0, 12.0])
        .expect("left is free");
    assert_eq!(b, Anchor::Left.place([395.0, 150.0], 4.0, [50.0, 12.0]));
    assert!(placer.placed().iter().all(|p| !p.overlaps(&legend)));
}

#[test]
fn non_finite_positions_are_dropped_not_placed() {
    let mut placer = LabelPlacer::new(canvas(), &[]);
    assert_eq!(placer.place([f32::NAN, 10.0], 4.0, [50.0, 12.0]), None);
    assert_eq!(placer.place([10.0, 10.0], 4.0, [f32::INFINITY, 12.0]), None);
    assert!(placer.placed().is_empty());
}

#[test]
fn a_degenerate_canvas_places_nothing() {
    let mut placer = LabelPlacer::new(LabelBox::new([0.0, 0.0], [0.0, 0.0]), &[]);
    assert_eq!(placer.place([0.0, 0.0], 1.0, [10.0, 10.0]), None);
}

fn label() -> impl Strategy<Value = ([f32; 2], f32, [f32; 2])> {
    (
        (-50.0f32..650.0, -50.0f32..450.0),
        0.0f32..12.0,
        (5.0f32..160.0, 8.0f32..20.0),
    )
        .prop_map(|((x, y), r, (w, h))| ([x, y], r, [w, h]))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever is offered, in whatever order: the placed labels are pairwise disjoint, inside
    /// the canvas, clear of the blocked areas, and the first label is placed whenever one of
    /// its anchors fits the canvas clear of the blocked areas.
    #[test]
    fn placed_labels_are_disjoint_inside_and_clear(
        labels in prop::collection::vec(label(), 1..300),
        block in (0.0f32..600.0, 0.0f32..400.0, 10.0f32..200.0, 10.0f32..200.0),
    ) {
        let canvas = LabelBox::new([0.0, 0.0], [600.0, 400.0]);
        let blocked = LabelBox::new([block.0, block.1], [block.0 + block.2, block.1 + block.3]);
        let mut placer = LabelPlacer::new(canvas, &[blocked]);
        let mut results = Vec::new();
        for &(centre, radius, size) in &labels {
            results.push(placer.place(centre, radius, size));
        }
        let placed = placer.placed();
        prop_assert_eq!(placed.len(), results.iter().flatten().count());
        for (i, a) in placed.iter().enumerate() {
            prop_assert!(canvas.contains(a));
            prop_assert!(!a.overlaps(&blocked));
            for b in &placed[i + 1..] {
                prop_assert!(!a.overlaps(b), "{:?} overlaps {:?}", a, b);
            }
        }
        let (centre, radius, size) = labels[0];
        let fits = Anchor::ALL.iter().map(|a| a.place(centre, radius, size))
            .any(|b| canvas.contains(&b) && !b.overlaps(&blocked));
        prop_assert_eq!(results[0].is_some(), fits);
    }
}
