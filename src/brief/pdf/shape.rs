//! Shaping: text split into runs of one font each (per-character fallback), each run shaped
//! by rustybuzz, so that Arabic joins, Devanagari conjuncts form and widths are exact.

use krilla::text::{GlyphId, KrillaGlyph};
use rustybuzz::UnicodeBuffer;

use super::fonts::FontBook;

/// A stretch of text in one font, shaped. Advances are per unit of font size, so one shaping
/// serves every size.
#[derive(Clone, Debug)]
pub struct Run {
    pub face: usize,
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    /// Width at a font size of 1.
    pub width: f32,
}

/// Shapes `text` into runs, splitting wherever the font must change.
pub fn shape(book: &FontBook, text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut current: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let face = book.face_for(c, current);
        if let Some(cur) = current
            && cur != face
        {
            runs.push(shape_run(book, cur, &text[start..i]));
            start = i;
        }
        current = Some(face);
    }
    if let Some(cur) = current {
        runs.push(shape_run(book, cur, &text[start..]));
    }
    runs
}

fn shape_run(book: &FontBook, face: usize, text: &str) -> Run {
    let font = &book.faces[face];
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let output = rustybuzz::shape(&font.shaper, &[], buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    // A glyph's text is its cluster up to the next cluster start, whatever the direction.
    let mut starts: Vec<usize> = infos.iter().map(|g| g.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let upem = font.units_per_em;
    let mut width = 0.0;
    let glyphs = infos
        .iter()
        .zip(positions)
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let end = starts
                .iter()
                .find(|&&s| s > start)
                .copied()
                .unwrap_or(text.len());
            let advance = pos.x_advance as f32 / upem;
            width += advance;
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                advance,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                start..end,
                None,
            )
        })
        .collect();
    Run {
        face,
        text: text.to_string(),
        glyphs,
        width,
    }
}

/// Total width of runs at a font size of 1.
pub fn width(runs: &[Run]) -> f32 {
    runs.iter().map(|r| r.width).sum()
}

/// Whether the text's first strongly directed letter is right-to-left (Arabic, Hebrew).
pub fn starts_rtl(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_text_splits_into_one_run_per_font_with_all_its_text() {
        let book = FontBook::load().expect("fonts");
        let runs = shape(&book, "Japan 日本 ישראל");
        let faces: Vec<usize> = runs.iter().map(|r| r.face).collect();
        assert_eq!(faces.len(), 3, "{faces:?}");
        assert_ne!(faces[0], faces[1]);
        assert_ne!(faces[1], faces[2]);
        let joined: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(joined, "Japan 日本 ישראל");
        assert!(
            runs.iter()
                .all(|r| r.glyphs.iter().all(|g| g.glyph_id.to_u32() != 0))
        );
        assert!(width(&runs) > 0.0);
    }
}
