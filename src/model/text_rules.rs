//! Rules for ids and text, as plain functions: what an id may be, what counts as blank, how
//! long text may be, which characters are refused, and which words mix look-alike scripts.
//! `validate_text` applies them to every record; `atlas-data/SCHEMA.md` §9 documents them.

use std::borrow::Cow;

/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 80;
/// Longest name, title, alias, glossary term or publisher, in characters.
pub const MAX_NAME_CHARS: usize = 300;
/// Longest summary, note, step text, question, definition or url, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;

/// Whether `id` follows the pattern: lowercase ASCII letters and digits, in words joined by
/// single hyphens (`denmark-tech-ambassador`, `src-eu-1`), at most [`MAX_ID_CHARS`] long.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Characters that show nothing: zero-width spaces and joiners, direction marks, the soft
/// hyphen, fillers, variation selectors, tags. A name made only of these (and white space)
/// is blank, however long.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Whether `text` shows nothing: empty, white space, or invisible characters only.
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
}

/// The first control character of `text` (C0, DEL, C1), allowing line breaks and tabs when
/// `multiline`: control characters forge lines and send terminal escapes in any message.
pub fn control_char(text: &str, multiline: bool) -> Option<char> {
    // Fast path: C0 and DEL are single bytes below 0x20 or 0x7F, and C1 starts with 0xC2.
    if !text.bytes().any(|b| b < 0x20 || b == 0x7F || b == 0xC2) {
        return None;
    }
    text.chars()
        .find(|&c| c.is_control() && !(multiline && matches!(c, '\n' | '\t')))
}

/// `text` with control characters and direction overrides written as `\u{1b}` escapes (and
/// `\n`, `\t`, `\r` as such): a message always stays one line and shows what is there.
/// Every diagnostic and load error goes through this.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let risky =
        |c: char| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !text.chars().any(risky) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if risky(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The scripts whose letters look alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
}

fn script(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => {
            Some(Script::Latin)
        }
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Some(Script::Greek),
        '\u{0400}'..='\u{052F}' => Some(Script::Cyrillic),
        _ => None,
    }
}

/// The first word of `text` that mixes Latin, Greek and Cyrillic letters (`Сhina` with a
/// Cyrillic `С`), and the two scripts it mixes: such a word is almost always a look-alike.
pub fn mixed_script_word(text: &str) -> Option<(&str, Script, Script)> {
    text.split(|c: char| !c.is_alphanumeric()).find_map(|word| {
        let mut first: Option<Script> = None;
        for s in word.chars().filter_map(script) {
            match first {
                None => first = Some(s),
                Some(f) if f != s => return Some((word, f, s)),
                Some(_) => {}
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words_joined_by_single_hyphens() {
        for good in ["a", "denmark", "src-eu-1", "g7", "2019-summit"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "", "A", "a_b", "a--b", "-a", "a-", "a\u{1}", "é", "a b", "\u{200B}",
        ] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
        assert!(is_valid_id(&"a".repeat(MAX_ID_CHARS)));
        assert!(!is_valid_id(&"a".repeat(MAX_ID_CHARS + 1)));
    }

    #[test]
    fn zero_width_characters_count_as_blank() {
        assert!(is_blank("\u{200B}\u{200D}\u{FEFF} \u{2060}"));
        assert!(is_blank(""));
        assert!(!is_blank("\u{200B}a"));
    }

    #[test]
    fn escapes_make_one_visible_line() {
        assert_eq!(escape_controls("a\u{1b}[31mred\nx"), "a\\u{1b}[31mred\\nx");
        assert_eq!(escape_controls("\u{202E}evil"), "\\u{202e}evil");
        assert!(matches!(escape_controls("Zürich 中国"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_cyrillic_letter_in_a_latin_word_is_found() {
        assert_eq!(
            mixed_script_word("People's Republic of \u{0421}hina"),
            Some(("\u{0421}hina", Script::Cyrillic, Script::Latin))
        );
        assert_eq!(mixed_script_word("Москва and Paris"), None);
        assert_eq!(mixed_script_word("Ελλάδα"), None);
    }
}
