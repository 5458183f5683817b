//! Tables: each cell wrapped in its column, rows kept whole, the header repeated on every
//! page the table runs onto.

use crate::brief::doc::Table;

use super::blocks::{BODY, SMALL, bold, spans};
use super::flow::{Flow, LEADING};
use super::wrap::{Line, Span};

/// Space between columns and above and below each row's text, in points.
const PAD: f32 = 4.0;
const RULE: [u8; 3] = [200, 204, 210];

pub fn set_table(flow: &mut Flow<'_>, table: &Table) {
    let widths: Vec<f32> = table
        .columns
        .iter()
        .map(|c| c.share * flow.text_width())
        .collect();
    let header: Vec<Vec<Line>> = table
        .columns
        .iter()
        .zip(&widths)
        .map(|(c, &w)| flow.lines(&[Span::new(&c.title, bold(SMALL))], w - PAD))
        .collect();
    let header_height = row_height(&header);
    flow.ensure(header_height + BODY.size * LEADING * 2.0);
    draw_row(flow, &header, &widths, header_height);
    for row in &table.rows {
        let cells: Vec<Vec<Line>> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &w)| flow.lines(&spans(cell, BODY), w - PAD))
            .collect();
        let height = row_height(&cells);
        if flow.ensure(height) {
            draw_row(flow, &header, &widths, header_height);
        }
        draw_row(flow, &cells, &widths, height);
    }
}

fn row_height(cells: &[Vec<Line>]) -> f32 {
    let text = cells
        .iter()
        .map(|lines| lines.iter().map(|l| l.size * LEADING).sum::<f32>())
        .fold(0.0, f32::max);
    text + PAD
}

/// Draws the cells side by side with a rule under the row, and moves the cursor below.
fn draw_row(flow: &mut Flow<'_>, cells: &[Vec<Line>], widths: &[f32], height: f32) {
    let top = flow.y + PAD / 2.0;
    let mut x = flow.left();
    for (lines, w) in cells.iter().zip(widths) {
        let mut y = top;
        for line in lines {
            flow.draw_line(line, x, y);
            y += line.size * LEADING;
        }
        x += w;
    }
    flow.y += height;
    flow.rule(0.4, RULE);
}
