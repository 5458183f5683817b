//! A strict, fast reader for the part of RON the atlas schema uses: structs (optionally
//! named), lists, strings, `Some`/`None`, enum variants (unit and newtype), booleans and
//! numbers, with `//` and `/* */` comments (nested as `ron` nests them, see [`super::lexis`]).
//!
//! Why: the `ron` crate parses a 40 MB atlas about five times slower than serde_json parses
//! the same data, and loading must stay fast. Why it is safe: it only ever *refuses* what it
//! does not handle — raw strings, unusual escapes, attributes, anything
//! ambiguous — and the loader then parses the same text with `ron`, which also produces the
//! error messages and positions. Tests check that whatever it accepts, `ron` accepts too and
//! reads the same value.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeOwned, Visitor};

use super::load::MAX_NESTING;

mod reader;
mod split;

pub use split::atlas_from_str;

/// The fast path declined; the caller falls back to `ron` for the real message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Refused(msg.to_string())
    }
}

type Result<T> = std::result::Result<T, Refused>;

fn refuse<T>(why: &str) -> Result<T> {
    Err(Refused(why.to_string()))
}

/// Parses `text` as a `T`, or declines.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut parser = Parser {
        src: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
    };
    let value = T::deserialize(&mut parser)?;
    if parser.peek()?.is_some() {
        return refuse("text after the value");
    }
    Ok(value)
}

struct Parser<'de> {
    src: &'de [u8],
    text: &'de str,
    pos: usize,
    depth: usize,
}

/// Byte classes as tables: the scanning loops do one lookup per byte.
static WHITESPACE: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'\t' as usize] = true;
    t
};
static SKIP_START: [bool; 256] = {
    let mut t = WHITESPACE;
    t[b'/' as usize] = true;
    t
};
static IDENT_CHAR: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// Bytes that end a plain run inside a string: the closing quote, a backslash, and control
/// characters (which are refused). A table: one lookup per byte in the hottest loop.
static STRING_STOP: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

impl<'de> Parser<'de> {
    /// Skips white space and comments; returns the next byte without taking it.
    #[inline]
    fn peek(&mut self) -> Result<Option<u8>> {
        // Most calls land on a token already; only white space and `/` need the slow path.
        match self.src.get(self.pos) {
            Some(&b) if !SKIP_START[b as usize] => Ok(Some(b)),
            None => Ok(None),
            Some(_) => self.skip_then_peek(),
        }
    }

    fn skip_then_peek(&mut self) -> Result<Option<u8>> {
        loop {
            let run = self.src[self.pos..]
                .iter()
                .position(|&b| !WHITESPACE[b as usize])
                .unwrap_or(self.src.len() - self.pos);
            self.pos += run;
            match self.src.get(self.pos) {
                Some(b'/') => match self.src.get(self.pos + 1) {
                    Some(b'/') => {
                        let line = self.src[self.pos..]
                            .iter()
                            .position(|&b| b == b'\n')
                            .unwrap_or(self.src.len() - self.pos);
                        self.pos += line;
                    }
                    Some(b'*') => {
                        // Nested exactly as ron nests them, so both readers see the same text.
                        let Some(end) = super::lexis::block_comment_end(self.src, self.pos) else {
                            return refuse("unclosed comment");
                        };
                        self.pos = end;
                    }
                    _ => return refuse("unexpected /"),
                },
                other => return Ok(other.copied()),
            }
        }
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek()? == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            refuse("unexpected character")
        }
    }

    fn ident(&mut self) -> Result<&'de str> {
        match self.peek()? {
            Some(b) if is_ident_start(b) => {}
            _ => return refuse("expected a name"),
        }
        let start = self.pos;
        self.pos += self.src[self.pos..]
            .iter()
            .position(|&b| !IDENT_CHAR[b as usize])
            .unwrap_or(self.src.len() - self.pos);
        // `r"..."` and `r#"..."#` are raw strings, and `b'x'` bytes: not handled here.
        if matches!(self.src.get(self.pos), Some(b'"' | b'#' | b'\'')) {
            return refuse("raw string or byte literal");
        }
        Ok(&self.text[start..self.pos])
    }

    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.expect(b'"')?;
        let start = self.pos;
        // Fast scan: most strings have no escapes and can be borrowed whole.
        let run = self.src[self.pos..]
            .iter()
            .position(|&b| STRING_STOP[b as usize])
            .unwrap_or(self.src.len() - self.pos);
        self.pos += run;
        match self.src.get(self.pos) {
            None => return refuse("unclosed string"),
            Some(b'"') => {
                let s = &self.text[start..self.pos];
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {}
            Some(_) => return refuse("control character in a string"),
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            match self.src.get(self.pos) {
                None => return refuse("unclosed string"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    let c = match self.src.get(self.pos + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'n') => '\n',
                        Some(b't') => '\t',
                        Some(b'r') => '\r',
                        _ => return refuse("escape left to ron"),
                    };
                    out.push(c);
                    self.pos += 2;
                }
                Some(&b) if b < 0x20 => return refuse("control character in a string"),
                Some(_) => {
                    // Copy the whole run up to the next quote or backslash at once.
                    let run = self.src[self.pos..]
                        .iter()
                        .position(|&b| STRING_STOP[b as usize])
                        .unwrap_or(self.src.len() - self.pos);
                    out.push_str(&self.text[self.pos..self.pos + run]);
                    self.pos += run;
                }
            }
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return refuse("nested too deeply");
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// After the last element a list or struct may have one trailing comma, then closes.
    fn close(&mut self, close: u8) -> Result<()> {
        if self.peek()? == Some(b',') {
            self.pos += 1;
        }
        self.expect(close)
    }

    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.peek()?;
        let start = self.pos;
        if self.src.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        while self.src.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        if matches!(
            self.src.get(self.pos),
            Some(b'.' | b'e' | b'E' | b'_' | b'x' | b'b' | b'o')
        ) {
            return refuse("number form left to ron");
        }
        let digits = &self.text[start..self.pos];
        if let Ok(v) = digits.parse::<i64>() {
            visitor.visit_i64(v)
        } else if let Ok(v) = digits.parse::<u64>() {
            visitor.visit_u64(v)
        } else {
            refuse("not a number")
        }
    }
}
