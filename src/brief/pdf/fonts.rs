//! The fonts a briefing is set in: the bundled fonts of [`crate::fonts`], embedded in the
//! binary once for the window and the briefings, so that `cargo install` gives a program
//! that prints every script the atlas's names use on any machine. Each PDF embeds only the
//! glyphs it uses (krilla subsets them).

use krilla::text::Font;

use crate::brief::BriefError;
use crate::fonts::FILES;

/// One font: the face that shapes text and the handle krilla embeds.
pub struct Face {
    pub shaper: rustybuzz::Face<'static>,
    pub pdf: Font,
    pub units_per_em: f32,
}

/// The fonts of a briefing, with per-character fallback.
pub struct FontBook {
    pub faces: Vec<Face>,
    /// The face for each script that has one of its own, by index into `faces`.
    scripts: [Option<usize>; SCRIPTS.len()],
}

impl FontBook {
    pub fn load() -> Result<Self, BriefError> {
        let faces = FILES
            .iter()
            .map(|&(name, bytes)| {
                let shaper = rustybuzz::Face::from_slice(bytes, 0).ok_or(BriefError::Font(name))?;
                let pdf = Font::new(bytes.into(), 0).ok_or(BriefError::Font(name))?;
                let units_per_em = shaper.units_per_em() as f32;
                Ok(Face {
                    shaper,
                    pdf,
                    units_per_em,
                })
            })
            .collect::<Result<Vec<_>, BriefError>>()?;
        let scripts = SCRIPTS.map(|file| FILES.iter().position(|&(name, _)| name == file));
        Ok(Self { faces, scripts })
    }

    /// The face to set `c` in: the current one when it has the glyph and `c` is neutral
    /// (spaces, punctuation and marks stay with the run they sit in), else the face made for
    /// its script, else the first face that has it, else the first face (which draws its
    /// "missing glyph" box).
    pub fn face_for(&self, c: char, current: Option<usize>) -> usize {
        let has = |i: usize| self.faces[i].shaper.glyph_index(c).is_some();
        if let Some(cur) = current
            && is_neutral(c)
            && has(cur)
        {
            return cur;
        }
        if let Some(script) = script_of(c).and_then(|s| self.scripts[s])
            && has(script)
        {
            return script;
        }
        (0..self.faces.len()).find(|&i| has(i)).unwrap_or(0)
    }
}

/// The file made for each script: Arabic, Hebrew, Devanagari, Han and kana, Hangul. DejaVu
/// Sans has some Arabic and Hebrew too, but the Noto faces shape them properly.
const SCRIPTS: [&str; 5] = [
    "NotoSansArabic-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "DroidSansFallbackFull.ttf",
    "NanumSquareR.ttf",
];

/// The script of `c` as an index into [`SCRIPTS`], for the scripts that have a face of their own.
fn script_of(c: char) -> Option<usize> {
    match c {
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Some(0),
        '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => Some(1),
        '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' => Some(2),
        '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => Some(4),
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' => Some(3),
        _ => None,
    }
}

/// Characters that belong to no script of their own.
fn is_neutral(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_ascii_digit()
        || matches!(
            c,
            '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}' | '·' | '–' | '—'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_of_the_atlas_finds_a_face_that_has_it() {
        let book = FontBook::load().expect("embedded fonts load");
        // Latin, Greek, Cyrillic, CJK, Hangul, Arabic, Hebrew, Devanagari.
        for c in ['é', 'Ω', 'Ж', '日', '한', 'ع', 'ש', 'भ'] {
            let face = book.face_for(c, None);
            assert!(
                book.faces[face].shaper.glyph_index(c).is_some(),
                "{c} has no glyph in any embedded font"
            );
        }
        // A space inside Arabic text stays in the Arabic face.
        let arabic = book.face_for('ع', None);
        assert_eq!(book.face_for(' ', Some(arabic)), arabic);
    }
}
