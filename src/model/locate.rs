//! Finds where records and fields sit in the RON text, so validation messages can name a line.
//!
//! serde forgets positions once a value is built; rather than carry spans through every type,
//! this re-reads the text with a tiny tokenizer (strings and comments skipped) and records where
//! each record of each top-level list starts and ends.

use std::collections::HashMap;

use super::lexis::{self, Raw};
use super::lines::LineIndex;

#[derive(Clone, Copy, Debug)]
struct Span {
    start: usize,
    end: usize,
}

/// Record positions of one dataset text.
pub struct Locator<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    records: HashMap<String, Vec<Span>>,
}

/// The byte offsets of code outside strings and comments, and of string literals.
#[derive(Debug)]
enum Token {
    Open(usize),
    Close(usize),
    Ident(usize, usize),
    Colon,
    Str,
    Other,
}

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                // Nested as ron nests them; an unclosed one runs to the end (ron refuses the
                // file anyway, and says where it opened).
                i = lexis::block_comment_end(bytes, i).unwrap_or(bytes.len());
                continue;
            }
            b'"' | b'\'' => {
                i = lexis::quoted_end(bytes, i);
                tokens.push(Token::Str);
                continue;
            }
            b'(' | b'[' | b'{' => tokens.push(Token::Open(i)),
            b')' | b']' | b'}' => tokens.push(Token::Close(i)),
            b':' => tokens.push(Token::Colon),
            b if b.is_ascii_alphabetic() || b == b'_' => {
                // `r"…"`, `r#"…"#`: a raw string ends only at its own quote, whatever it holds.
                match lexis::raw_string(bytes, i) {
                    Raw::End(end) => {
                        i = end;
                        tokens.push(Token::Str);
                        continue;
                    }
                    Raw::Unclosed => break,
                    Raw::No => {}
                }
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                tokens.push(Token::Ident(start, i));
                continue;
            }
            b if b.is_ascii_whitespace() || b == b',' => {}
            _ => tokens.push(Token::Other),
        }
        i += 1;
    }
    tokens
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let mut records: HashMap<String, Vec<Span>> = HashMap::new();
        // depth 1 = inside `Atlas(`, depth 2 = inside a section's list, depth 3 = in a record.
        let mut depth = 0usize;
        let mut section: Option<String> = None;
        let mut record_start: Option<usize> = None;
        let mut last_ident: Option<&str> = None;
        for token in &tokens {
            match *token {
                Token::Ident(s, e) => last_ident = Some(&text[s..e]),
                Token::Colon if depth == 1 => section = last_ident.map(str::to_string),
                Token::Open(at) => {
                    depth += 1;
                    if depth == 3 {
                        record_start = Some(at);
                    }
                }
                Token::Close(at) => {
                    if depth == 3
                        && let (Some(start), Some(name)) = (record_start.take(), &section)
                    {
                        records
                            .entry(name.clone())
                            .or_default()
                            .push(Span { start, end: at + 1 });
                    }
                    depth = depth.saturating_sub(1);
                }
                Token::Str | Token::Colon | Token::Other => {}
            }
        }
        Self {
            text,
            lines: LineIndex::new(text),
            records,
        }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(offset)
    }

    /// The line and column of record `index` of `section`, of its `field` when given, and of
    /// the string literal `value` inside that field when given — each as precise as found.
    ///
    /// `field` may be a path into a nested record, such as `holders[1].until`: the `holders`
    /// field, its second element, and that element's `until` field.
    pub fn find(
        &self,
        section: &str,
        index: usize,
        field: Option<&str>,
        value: Option<&str>,
    ) -> Option<(usize, usize)> {
        let span = *self.records.get(section)?.get(index)?;
        let mut at = span.start;
        let Some(field) = field else {
            return Some(self.position(at));
        };
        // The innermost record found so far; a value is searched for from the field to its end.
        let mut within = span;
        let mut found_field = false;
        for segment in field.split('.') {
            let (name, element) = match segment.split_once('[') {
                Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (segment, None),
            };
            let body = &self.text[within.start..within.end];
            let Some(offset) = field_offset(body, name) else {
                break;
            };
            at = within.start + offset;
            found_field = true;
            let Some(k) = element else {
                continue;
            };
            let Some(element) = element_span(&self.text[at..within.end], k) else {
                break;
            };
            within = Span {
                start: at + element.start,
                end: at + element.end,
            };
            at = within.start;
            found_field = false;
        }
        if found_field && let Some(value) = value {
            let quoted = format!("\"{value}\"");
            if let Some(v) = self.text[at..within.end].find(&quoted) {
                at += v;
            }
        }
        Some(self.position(at))
    }
}

/// The offset of `name:` among the fields of the record `body` (which starts with its opening
/// bracket), skipping fields of records nested inside it.
fn field_offset(body: &str, name: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut ident: Option<(usize, usize)> = None;
    for token in tokenize(body) {
        match token {
            Token::Ident(s, e) => {
                ident = Some((s, e));
                continue;
            }
            Token::Colon if depth == 1 => {
                if let Some((s, e)) = ident
                    && &body[s..e] == name
                {
                    return Some(s);
                }
            }
            Token::Open(_) => depth += 1,
            Token::Close(_) => depth = depth.saturating_sub(1),
            Token::Colon | Token::Str | Token::Other => {}
        }
        ident = None;
    }
    None
}

/// The span of element `k` of the first list in `text` (a field's text, from its name on).
fn element_span(text: &str, k: usize) -> Option<Span> {
    let mut depth = 0usize;
    let mut count = 0usize;
    let mut start = None;
    for token in tokenize(text) {
        match token {
            Token::Open(at) => {
                depth += 1;
                if depth == 2 {
                    if count == k {
                        start = Some(at);
                    }
                    count += 1;
                }
            }
            Token::Close(at) => {
                if depth == 2
                    && let Some(start) = start
                {
                    return Some(Span { start, end: at + 1 });
                }
                if depth <= 1 {
                    return None;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Atlas(\n  actors: [\n    (id: \"a\", sources: [\"s\"]),\n    // a comment with ( and \"\n    (id: \"b\",\n     sources: [\"x\", \"y\"]),\n  ],\n)\n";

    #[test]
    fn finds_records_fields_and_values() {
        let loc = Locator::new(TEXT);
        assert_eq!(loc.find("actors", 0, None, None), Some((3, 5)));
        assert_eq!(loc.find("actors", 1, None, None), Some((5, 5)));
        assert_eq!(loc.find("actors", 1, Some("sources"), None), Some((6, 6)));
        assert_eq!(
            loc.find("actors", 1, Some("sources"), Some("y")),
            Some((6, 21))
        );
        assert_eq!(loc.find("actors", 2, None, None), None);
        assert_eq!(loc.find("events", 0, None, None), None);
    }

    const NESTED: &str = "Atlas(\n  actors: [\n    (id: \"a\",\n     holders: [\n       (name: \"x\", sources: [\"s\"]),\n       (name: \"y\", until: Some(\"2001\")),\n     ],\n     sources: []),\n  ],\n)\n";

    #[test]
    fn skips_fields_of_nested_records() {
        let loc = Locator::new(NESTED);
        assert_eq!(loc.find("actors", 0, Some("sources"), None), Some((8, 6)));
        assert_eq!(loc.find("actors", 0, Some("holders"), None), Some((4, 6)));
        assert_eq!(
            loc.find("actors", 0, Some("holders[0].sources"), Some("s")),
            Some((5, 30))
        );
        assert_eq!(
            loc.find("actors", 0, Some("holders[1].until"), None),
            Some((6, 20))
        );
        assert_eq!(
            loc.find("actors", 0, Some("holders[1]"), None),
            Some((6, 8))
        );
        // A missing element falls back to the list field.
        assert_eq!(
            loc.find("actors", 0, Some("holders[5].until"), None),
            Some((4, 6))
        );
    }

    #[test]
    fn a_commented_out_record_with_its_own_comment_hides_nothing() {
        let text = "Atlas(\n  actors: [\n    /* (id: \"old\", /* inner */ name: \"(\"),\n    */\n    (id: \"a\"),\n    (id: \"b\",\n     name: \"B\"),\n  ],\n)\n";
        let loc = Locator::new(text);
        assert_eq!(loc.find("actors", 0, None, None), Some((5, 5)));
        assert_eq!(loc.find("actors", 1, Some("name"), None), Some((7, 6)));
        assert_eq!(loc.find("actors", 2, None, None), None);
    }

    #[test]
    fn a_raw_string_holding_a_quote_and_a_bracket_is_one_string() {
        let text = "Atlas(\n  actors: [\n    (id: \"a\", name: r#\"x\"(y\"#),\n    (id: \"b\",\n     name: r\"(\"),\n  ],\n)\n";
        let loc = Locator::new(text);
        assert_eq!(loc.find("actors", 1, None, None), Some((4, 5)));
        assert_eq!(loc.find("actors", 1, Some("name"), None), Some((5, 6)));
    }
}
