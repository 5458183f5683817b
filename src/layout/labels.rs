//! Label placement without overlaps: labels are offered one at a time, most important first,
//! and each is placed at the first of a few anchors (right of its node, left, above, below)
//! where it stays inside the canvas and touches no label already placed and no blocked area
//! (the legend, the view controls). A label with no free anchor is dropped, so a label placed
//! earlier is never pushed aside by a later, less important one.
//!
//! Placed boxes are kept in a coarse grid of buckets, so each offer looks only at the boxes in
//! the cells it covers: a frame with a few hundred labels costs a few thousand box tests, not
//! the square of the label count.

/// An axis-aligned box in screen units, `min` at the top left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    pub min: [f32; 2],
    pub max: [f32; 2],
}

impl LabelBox {
    pub fn new(min: [f32; 2], max: [f32; 2]) -> Self {
        Self { min, max }
    }

    /// Whether the two boxes share inner area (touching edges do not count).
    pub fn overlaps(&self, other: &LabelBox) -> bool {
        self.min[0] < other.max[0]
            && other.min[0] < self.max[0]
            && self.min[1] < other.max[1]
            && other.min[1] < self.max[1]
    }

    /// Whether `other` lies wholly inside this box.
    pub fn contains(&self, other: &LabelBox) -> bool {
        self.min[0] <= other.min[0]
            && self.min[1] <= other.min[1]
            && other.max[0] <= self.max[0]
            && other.max[1] <= self.max[1]
    }

    fn is_finite(&self) -> bool {
        self.min.iter().chain(&self.max).all(|v| v.is_finite())
    }
}

/// Where a label may sit around its node, in the order they are tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Right,
    Left,
    Above,
    Below,
}

impl Anchor {
    pub const ALL: [Anchor; 4] = [Anchor::Right, Anchor::Left, Anchor::Above, Anchor::Below];

    /// The box of a label `size` big at this anchor of a node of `radius` at `centre`.
    pub fn place(self, centre: [f32; 2], radius: f32, size: [f32; 2]) -> LabelBox {
        const GAP: f32 = 2.0;
        let [x, y] = centre;
        let [w, h] = size;
        let min = match self {
            Anchor::Right => [x + radius + GAP, y - h / 2.0],
            Anchor::Left => [x - radius - GAP - w, y - h / 2.0],
            Anchor::Above => [x - w / 2.0, y - radius - GAP - h],
            Anchor::Below => [x - w / 2.0, y + radius + GAP],
        };
        LabelBox::new(min, [min[0] + w, min[1] + h])
    }
}

/// Side of a grid cell; about a short label's width, twice its height.
const CELL: f32 = 48.0;

/// Places labels so that no two overlap (see the module docs).
pub struct LabelPlacer {
    canvas: LabelBox,
    cols: usize,
    rows: usize,
    /// Per cell, indices into `boxes` of the boxes that cover it.
    cells: Vec<Vec<u32>>,
    /// Blocked areas first, then placed labels.
    boxes: Vec<LabelBox>,
    blocked: usize,
}

impl LabelPlacer {
    /// A placer for `canvas`, where no label may touch any of `blocked`.
    pub fn new(canvas: LabelBox, blocked: &[LabelBox]) -> Self {
        let span = |a: f32, b: f32| {
            let cells = ((b - a) / CELL).ceil();
            // A degenerate or absurd canvas still gets a small, finite grid.
            if cells.is_finite() {
                (cells as usize).clamp(1, 4096)
            } else {
                1
            }
        };
        let cols = span(canvas.min[0], canvas.max[0]);
        let rows = span(canvas.min[1], canvas.max[1]);
        let mut placer = Self {
            canvas,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            boxes: Vec::new(),
            blocked: 0,
        };
        for b in blocked.iter().filter(|b| b.is_finite()) {
            placer.insert(*b);
        }
        placer.blocked = placer.boxes.len();
        placer
    }

    /// The cells a box covers, clamped to the grid.
    fn cells_of(&self, b: &LabelBox) -> impl Iterator<Item = usize> + use<> {
        let cell = |v: f32, origin: f32, count: usize| {
            (((v - origin) / CELL).floor().max(0.0) as usize).min(count - 1)
        };
        let (x0, x1) = (
            cell(b.min[0], self.canvas.min[0], self.cols),
            cell(b.max[0], self.canvas.min[0], self.cols),
        );
        let (y0, y1) = (
            cell(b.min[1], self.canvas.min[1], self.rows),
            cell(b.max[1], self.canvas.min[1], self.rows),
        );
        let cols = self.cols;
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| y * cols + x))
    }

    fn insert(&mut self, b: LabelBox) {
        let index = self.boxes.len() as u32;
        for c in self.cells_of(&b) {
            self.cells[c].push(index);
        }
        self.boxes.push(b);
    }

    /// Whether `b` lies in the canvas and touches nothing placed or blocked.
    pub fn is_free(&self, b: &LabelBox) -> bool {
        b.is_finite()
            && self.canvas.contains(b)
            && self.cells_of(b).all(|c| {
                self.cells[c]
                    .iter()
                    .all(|&i| !self.boxes[i as usize].overlaps(b))
            })
    }

    /// Places a label `size` big beside a node of `radius` at `centre`, at the first free
    /// anchor; `None` (and nothing placed) when every anchor is taken or off the canvas.
    pub fn place(&mut self, centre: [f32; 2], radius: f32, size: [f32; 2]) -> Option<LabelBox> {
        let spot = Anchor::ALL
            .iter()
            .map(|a| a.place(centre, radius, size))
            .find(|b| self.is_free(b))?;
        self.insert(spot);
        Some(spot)
    }

    /// The labels placed so far, in the order they were placed.
    pub fn placed(&self) -> &[LabelBox] {
        &self.boxes[self.blocked..]
    }
}

#[cfg(test)]
mod tests;
