//! The few lexical rules of RON that every reader of the text must apply exactly as the `ron`
//! crate (0.12) does: block comments nest, and raw strings end only at their own closing
//! quote. The fast reader, the locator and the loader's error positions all use these, so a
//! record can never appear to one of them and vanish for another.

/// Where a raw string (`r"…"`, `r#"…"#`, `br"…"`) starting at an offset ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Raw {
    /// No raw string starts there.
    No,
    /// One past its closing quote and hashes.
    End(usize),
    /// It starts there and is never closed.
    Unclosed,
}

/// One past the end of the block comment whose `/*` is at `start`, or `None` when it is never
/// closed. Follows ron's rule to the letter: scanning left to right, `/*` opens a level and
/// `*/` closes one, each taken whole — so `/*/` opens a nested comment rather than closing,
/// and `/*/*/` is unclosed.
pub fn block_comment_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 2;
    let mut level = 1usize;
    while level > 0 {
        i += bytes
            .get(i..)?
            .iter()
            .position(|&b| b == b'/' || b == b'*')?;
        if bytes[i..].starts_with(b"/*") {
            level += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            level -= 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    Some(i)
}

/// Whether a raw string starts at `start`, and where it ends: `r`, or `br`, then any number of
/// `#`, then `"`; it ends at a `"` followed by as many `#`. (`r#name` is a raw identifier.)
pub fn raw_string(bytes: &[u8], start: usize) -> Raw {
    let mut i = start;
    if bytes.get(i) == Some(&b'b') {
        i += 1;
    }
    if bytes.get(i) != Some(&b'r') {
        return Raw::No;
    }
    i += 1;
    let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
    i += hashes;
    if bytes.get(i) != Some(&b'"') {
        return Raw::No;
    }
    i += 1;
    loop {
        let Some(quote) = bytes[i..].iter().position(|&b| b == b'"') else {
            return Raw::Unclosed;
        };
        i += quote + 1;
        let closing = bytes[i..].iter().take(hashes).take_while(|&&b| b == b'#');
        if closing.count() == hashes {
            return Raw::End(i + hashes);
        }
    }
}

/// One past the end of the quoted string or character literal whose quote is at `start`
/// (backslash escapes skipped), or the end of the text when it is never closed.
pub fn quoted_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != quote {
        if bytes[i] == b'\\' {
            i += 1;
        }
        i += 1;
    }
    (i + 1).min(bytes.len())
}

/// Whether an identifier can start with `b`.
fn ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

/// The offset of the first block comment that is never closed, outside strings and line
/// comments: ron reports such a comment at the end of the file, where nobody can find it.
pub fn unclosed_comment(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i += bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(bytes.len() - i);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => match block_comment_end(bytes, i) {
                Some(end) => i = end,
                None => return Some(i),
            },
            b'"' | b'\'' => i = quoted_end(bytes, i),
            b if ident_start(b) => match raw_string(bytes, i) {
                Raw::End(end) => i = end,
                Raw::Unclosed => return None,
                Raw::No => {
                    i += bytes[i..]
                        .iter()
                        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
                        .unwrap_or(bytes.len() - i);
                }
            },
            _ => i += 1,
        }
    }
    None
}

/// The offset of a leading `#` (an inner attribute such as `#![enable(implicit_some)]`),
/// after white space and comments, if the text starts with one.
pub fn attribute(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        i += bytes[i..]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(bytes.len() - i);
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'/'), Some(b'/')) => {
                i += bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(bytes.len() - i);
            }
            (Some(b'/'), Some(b'*')) => i = block_comment_end(bytes, i)?,
            (Some(b'#'), _) => return Some(i),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_comments_nest_like_ron() {
        assert_eq!(block_comment_end(b"/* a */ x", 0), Some(7));
        assert_eq!(block_comment_end(b"/* /* */ */x", 0), Some(11));
        // `/*/` opens a nested comment; it does not close the first.
        assert_eq!(block_comment_end(b"/*/*/", 0), None);
        assert_eq!(block_comment_end(b"/* a /*/", 0), None);
        assert_eq!(block_comment_end(b"/**/", 0), Some(4));
        assert_eq!(block_comment_end(b"/***/", 0), Some(5));
        assert_eq!(block_comment_end(b"/*", 0), None);
    }

    #[test]
    fn raw_strings_end_at_their_own_quote() {
        assert_eq!(raw_string(br#"r"a(" x"#, 0), Raw::End(5));
        assert_eq!(raw_string(br###"r#"a"(b"# x"###, 0), Raw::End(9));
        assert_eq!(raw_string(br#"br"x""#, 0), Raw::End(5));
        assert_eq!(raw_string(b"r#name", 0), Raw::No);
        assert_eq!(raw_string(b"rivals", 0), Raw::No);
        assert_eq!(raw_string(br##"r#"open"##, 0), Raw::Unclosed);
    }

    #[test]
    fn an_unclosed_comment_is_found_where_it_opens() {
        let text = "A(\n // /* not a comment\n s: \"/*\",\n /* closed /* nested */ */\n /* open\n x: 1,\n)";
        let at = unclosed_comment(text).expect("unclosed");
        assert_eq!(&text[at..at + 7], "/* open");
        assert_eq!(unclosed_comment("A(/* a */ r\"/*\")"), None);
    }
}
