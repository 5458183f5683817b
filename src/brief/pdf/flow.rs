//! Pages and the cursor that fills them: text lines, rules and shapes go onto the current page,
//! and a new page starts when the next piece would cross the bottom margin.

use super::fonts::FontBook;
use super::shape::Run;
use super::wrap::{Line, Span, Style, words, wrap};

/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.32;
/// Where the baseline sits below the top of a line, as a multiple of the font size.
const ASCENT: f32 = 0.95;

/// Something drawn on a page. Coordinates are points from the top-left corner.
#[derive(Clone, Debug)]
pub enum Op {
    Text {
        x: f32,
        baseline: f32,
        run: Run,
        style: Style,
    },
    Line {
        from: [f32; 2],
        to: [f32; 2],
        width: f32,
        color: [u8; 3],
    },
    /// A closed filled polygon (arrowheads).
    Polygon {
        points: Vec<[f32; 2]>,
        color: [u8; 3],
    },
    Circle {
        centre: [f32; 2],
        radius: f32,
        fill: [u8; 3],
        stroke: [u8; 3],
    },
    /// A clickable area opening a URL.
    Link { rect: [f32; 4], url: String },
}

/// The page size and margins, in points.
#[derive(Clone, Copy, Debug)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    /// Room kept free at the foot of every page for the footer.
    pub footer: f32,
}

/// The pages laid out so far and where the next piece goes.
pub struct Flow<'b> {
    pub book: &'b FontBook,
    pub geometry: Geometry,
    pub pages: Vec<Vec<Op>>,
    /// Top of the next piece on the current page.
    pub y: f32,
}

impl<'b> Flow<'b> {
    pub fn new(book: &'b FontBook, geometry: Geometry) -> Self {
        Self {
            book,
            geometry,
            pages: vec![Vec::new()],
            y: geometry.margin,
        }
    }

    pub fn left(&self) -> f32 {
        self.geometry.margin
    }
    pub fn text_width(&self) -> f32 {
        self.geometry.width - 2.0 * self.geometry.margin
    }
    fn bottom(&self) -> f32 {
        self.geometry.height - self.geometry.margin - self.geometry.footer
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.geometry.margin;
    }

    /// Starts a new page unless `height` more points fit on this one (a piece taller than a
    /// whole page goes on a fresh page and runs over the margin rather than looping).
    /// Returns whether a page was started.
    pub fn ensure(&mut self, height: f32) -> bool {
        let at_top = self.y <= self.geometry.margin + 0.01;
        if self.y + height > self.bottom() && !at_top {
            self.new_page();
            return true;
        }
        false
    }

    /// Vertical space, dropped at the top of a page.
    pub fn gap(&mut self, height: f32) {
        if self.y > self.geometry.margin + 0.01 {
            self.y += height;
        }
    }

    pub fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Wraps spans into `width` and returns the lines, without placing them.
    pub fn lines(&self, spans: &[Span], width: f32) -> Vec<Line> {
        wrap(self.book, words(self.book, spans), width)
    }

    /// Places lines at `x`, each on the page where it fits.
    pub fn place_lines(&mut self, lines: &[Line], x: f32) {
        for line in lines {
            let height = line.size * LEADING;
            self.ensure(height);
            self.draw_line(line, x, self.y);
            self.y += height;
        }
    }

    /// Draws one line with its top at `top`, without moving the cursor.
    pub fn draw_line(&mut self, line: &Line, x: f32, top: f32) {
        let ops = line_ops(line, x, top);
        if let Some(page) = self.pages.last_mut() {
            page.extend(ops);
        }
    }

    /// A paragraph of spans at the left margin plus `indent`, with an optional marker
    /// (a bullet, a number, a reference number) hanging in the indent on the first line.
    pub fn paragraph(&mut self, spans: &[Span], indent: f32, marker: Option<Span>) {
        let x = self.left() + indent;
        let lines = self.lines(spans, self.text_width() - indent);
        if let (Some(marker), Some(first)) = (marker, lines.first()) {
            let marker_lines = self.lines(&[marker], indent);
            self.ensure(first.size * LEADING);
            if let Some(m) = marker_lines.first() {
                let mut m = m.clone();
                m.size = m.size.max(first.size);
                self.draw_line(&m, self.left(), self.y);
            }
        }
        self.place_lines(&lines, x);
    }

    /// A horizontal rule across the text width at the cursor.
    pub fn rule(&mut self, width: f32, color: [u8; 3]) {
        let (x0, x1) = (self.left(), self.left() + self.text_width());
        self.push(Op::Line {
            from: [x0, self.y],
            to: [x1, self.y],
            width,
            color,
        });
    }

    /// Adds the footer line and "Page i of n" to every page; returns the pages.
    pub fn finish(mut self, footer: &str, style: Style) -> Vec<Vec<Op>> {
        let count = self.pages.len();
        let g = self.geometry;
        let top = g.height - g.margin - style.size * LEADING + g.footer * 0.5;
        for i in 0..count {
            let label = format!("Page {} of {count}", i + 1);
            let number = self.lines(&[Span::new(label, style)], 200.0);
            let number_width = number.first().map_or(0.0, line_width);
            let room = self.text_width() - number_width - 20.0;
            let text = self.lines(&[Span::new(footer, style)], room);
            if let Some(first) = text.first() {
                self.pages[i].extend(line_ops(first, g.margin, top));
            }
            if let Some(first) = number.first() {
                let x = g.width - g.margin - number_width;
                self.pages[i].extend(line_ops(first, x, top));
            }
        }
        self.pages
    }
}

/// The drawn width of a line.
pub fn line_width(line: &Line) -> f32 {
    line.words.last().map_or(0.0, |(x, w)| x + w.width)
}

/// The text runs (and link areas) of a line with its top at `top`.
fn line_ops(line: &Line, x: f32, top: f32) -> Vec<Op> {
    let baseline = top + line.size * ASCENT;
    let mut ops = Vec::new();
    for (dx, word) in &line.words {
        let mut run_x = x + dx;
        for run in &word.runs {
            ops.push(Op::Text {
                x: run_x,
                baseline,
                run: run.clone(),
                style: word.style,
            });
            run_x += run.width * word.style.size;
        }
        if let Some(url) = &word.link {
            let rect = [x + dx, top, x + dx + word.width, top + line.size * LEADING];
            ops.push(Op::Link {
                rect,
                url: url.clone(),
            });
        }
    }
    ops
}
