//! Breaking styled text into lines: words are shaped once, then laid greedily into lines of
//! a given width. Chinese, Japanese and Korean may break between any two characters; a run
//! of right-to-left words stays one unit so that its words keep their visual order.

use super::fonts::FontBook;
use super::shape::{Run, shape, starts_rtl, width};

/// How a piece of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: [u8; 3],
}

/// Text in one style, possibly a link.
#[derive(Clone, Debug)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
}

impl Span {
    pub fn new(text: impl Into<String>, style: Style) -> Self {
        Self {
            text: text.into(),
            style,
            link: None,
        }
    }
}

/// A shaped unit that is never broken, with the space that follows it.
#[derive(Clone, Debug)]
pub struct Word {
    pub runs: Vec<Run>,
    pub style: Style,
    pub link: Option<String>,
    /// Width in points.
    pub width: f32,
    /// Width of the space after it, in points (0 when none or at a CJK break).
    pub space: f32,
}

/// One line: words with their x offsets from the line's start.
#[derive(Clone, Debug, Default)]
pub struct Line {
    pub words: Vec<(f32, Word)>,
    /// The largest font size on the line.
    pub size: f32,
}

/// The words of the spans, shaped.
pub fn words(book: &FontBook, spans: &[Span]) -> Vec<Word> {
    let space_width = width(&shape(book, " "));
    let mut out: Vec<Word> = Vec::new();
    for span in spans {
        if span.text.starts_with(' ')
            && let Some(previous) = out.last_mut()
        {
            previous.space = space_width * previous.style.size;
        }
        for (token, spaced) in tokens(&span.text) {
            let runs = shape(book, &token);
            out.push(Word {
                width: width(&runs) * span.style.size,
                runs,
                style: span.style,
                link: span.link.clone(),
                space: if spaced {
                    space_width * span.style.size
                } else {
                    0.0
                },
            });
        }
    }
    out
}

/// The unbreakable pieces of `text`, each with whether a space follows it. Spaces between
/// right-to-left words are kept inside one piece.
fn tokens(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for piece in text.split(' ') {
        if piece.is_empty() {
            // Several spaces in a row, or a leading space: one space is enough.
            if let Some(last) = out.last_mut() {
                last.1 = true;
            }
            continue;
        }
        if starts_rtl(piece)
            && let Some(last) = out.last_mut()
            && last.1
            && starts_rtl(&last.0)
        {
            last.0.push(' ');
            last.0.push_str(piece);
            last.1 = true;
            continue;
        }
        if piece.chars().any(is_cjk) {
            split_cjk(piece, &mut out);
        } else {
            out.push((piece.to_string(), true));
        }
    }
    if let Some(last) = out.last_mut() {
        last.1 = text.ends_with(' ');
    }
    out
}

/// CJK text breaks between characters; other letters stuck to it stay together.
fn split_cjk(piece: &str, out: &mut Vec<(String, bool)>) {
    let mut current = String::new();
    for c in piece.chars() {
        if is_cjk(c) && !current.is_empty() {
            out.push((std::mem::take(&mut current), false));
        }
        current.push(c);
        if is_cjk(c) {
            out.push((std::mem::take(&mut current), false));
        }
    }
    if !current.is_empty() {
        out.push((current, false));
    }
    if let Some(last) = out.last_mut() {
        last.1 = true;
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}')
}

/// Lays the words into lines no wider than `max` points; a word wider than a line on its own
/// is cut between characters.
pub fn wrap(book: &FontBook, words: Vec<Word>, max: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut x = 0.0;
    for word in words {
        let pieces = if word.width > max {
            cut(book, &word, max)
        } else {
            vec![word]
        };
        for word in pieces {
            if !line.words.is_empty() && x + word.width > max {
                lines.push(std::mem::take(&mut line));
                x = 0.0;
            }
            line.size = line.size.max(word.style.size);
            let advance = word.width + word.space;
            line.words.push((x, word));
            x += advance;
        }
    }
    if !line.words.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts a word into pieces that each fit `max` (long URLs), at character boundaries.
fn cut(book: &FontBook, word: &Word, max: f32) -> Vec<Word> {
    let text: String = word.runs.iter().map(|r| r.text.as_str()).collect();
    let size = word.style.size;
    let mut pieces = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if width(&shape(book, &current)) * size > max && current.chars().count() > 1 {
            current.pop();
            pieces.push(std::mem::take(&mut current));
            current.push(c);
        }
    }
    pieces.push(current);
    let last = pieces.len() - 1;
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| {
            let runs = shape(book, &piece);
            Word {
                width: width(&runs) * size,
                runs,
                style: word.style,
                link: word.link.clone(),
                space: if i == last { word.space } else { 0.0 },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_rtl_phrases_whole_and_split_cjk_between_characters() {
        let t = |s: &str| -> Vec<String> { tokens(s).into_iter().map(|(w, _)| w).collect() };
        assert_eq!(t("UAE  الإمارات العربية"), ["UAE", "الإمارات العربية"]);
        assert_eq!(t("Japan 日本"), ["Japan", "日", "本"]);
        assert_eq!(
            tokens("a b "),
            [("a".to_string(), true), ("b".to_string(), true)]
        );
    }

    #[test]
    fn wrapped_lines_fit_and_an_overlong_word_is_cut() {
        let book = FontBook::load().expect("fonts");
        let style = Style {
            size: 10.0,
            bold: false,
            color: [0, 0, 0],
        };
        let url = "https://example.org/".to_string() + &"long-path-".repeat(20);
        let text = format!("A short start, then {url} and an end.");
        let lines = wrap(&book, words(&book, &[Span::new(text, style)]), 200.0);
        assert!(lines.len() >= 3, "{}", lines.len());
        for line in &lines {
            let (x, last) = line.words.last().expect("non-empty line");
            assert!(
                x + last.width <= 200.0 + 0.01,
                "line too wide: {}",
                x + last.width
            );
        }
    }
}
