//! A strict, fast reader for the part of RON the atlas schema uses: structs (optionally
//! named), lists, strings, `Some`/`None`, enum variants (unit and newtype), booleans and
//! numbers, with `//` and `/* */` comments.
//!
//! Why: the `ron` crate parses a 40 MB atlas about five times slower than serde_json parses
//! the same data, and loading must stay fast. Why it is safe: it only ever *refuses* what it
//! does not handle — raw strings, nested comments, unusual escapes, attributes, anything
//! ambiguous — and the loader then parses the same text with `ron`, which also produces the
//! error messages and positions. Tests check that whatever it accepts, `ron` accepts too and
//! reads the same value.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess,
    Visitor,
};

use super::load::MAX_NESTING;

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
                        let rest = &self.text[self.pos + 2..];
                        let Some(end) = rest.find("*/") else {
                            return refuse("unclosed comment");
                        };
                        // ron nests block comments; leave those to it.
                        if rest[..end].contains("/*") {
                            return refuse("nested comment");
                        }
                        self.pos += 2 + end + 2;
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

/// Elements of a list, or fields of a struct, separated by commas.
struct Items<'a, 'de> {
    parser: &'a mut Parser<'de>,
    close: u8,
    first: bool,
    done: bool,
}

impl<'de> Items<'_, 'de> {
    /// True when another item follows (the separator taken), false at the close (taken).
    fn more(&mut self) -> Result<bool> {
        if self.done {
            return Ok(false);
        }
        let next = self.parser.peek()?;
        if next == Some(self.close) {
            self.parser.pos += 1;
            self.done = true;
            return Ok(false);
        }
        if !self.first {
            if next != Some(b',') {
                return refuse("expected a comma");
            }
            self.parser.pos += 1;
            if self.parser.peek()? == Some(self.close) {
                self.parser.pos += 1;
                self.done = true;
                return Ok(false);
            }
        }
        self.first = false;
        Ok(true)
    }

    fn finish(self) -> Result<()> {
        if self.done {
            Ok(())
        } else {
            self.parser.close(self.close)
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.parser).map(Some)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        let key = self.parser.ident()?;
        self.parser.expect(b':')?;
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.parser)
    }
}

struct Variant<'a, 'de> {
    parser: &'a mut Parser<'de>,
}

impl<'a, 'de> EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Refused;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.parser.ident()?;
        let value = seed.deserialize(de::value::BorrowedStrDeserializer::<Refused>::new(name))?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Refused;

    fn unit_variant(self) -> Result<()> {
        if self.parser.peek()? == Some(b'(') {
            return refuse("unit variant with parentheses");
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.parser.expect(b'(')?;
        self.parser.enter()?;
        let value = seed.deserialize(&mut *self.parser)?;
        self.parser.leave();
        self.parser.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        refuse("tuple variants are left to ron")
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        refuse("struct variants are left to ron")
    }
}

impl<'de> de::Deserializer<'de> for &mut Parser<'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek()? {
            Some(b'"') => self.deserialize_str(visitor),
            Some(b'[') => self.deserialize_seq(visitor),
            Some(b'-' | b'0'..=b'9') => self.number(visitor),
            Some(b't' | b'f') => self.deserialize_bool(visitor),
            _ => refuse("value form left to ron"),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => refuse("expected a boolean"),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                self.enter()?;
                let value = visitor.visit_some(&mut *self)?;
                self.leave();
                self.expect(b')')?;
                Ok(value)
            }
            _ => refuse("expected Some(…) or None"),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.enter()?;
        let mut items = Items {
            parser: &mut *self,
            close: b']',
            first: true,
            done: false,
        };
        let value = visitor.visit_seq(&mut items)?;
        items.finish()?;
        self.leave();
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.peek()?.is_some_and(is_ident_start) && self.ident()? != name {
            return refuse("struct name does not match");
        }
        self.expect(b'(')?;
        self.enter()?;
        let mut items = Items {
            parser: &mut *self,
            close: b')',
            first: true,
            done: false,
        };
        let value = visitor.visit_map(&mut items)?;
        items.finish()?;
        self.leave();
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(Variant { parser: self })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        refuse("unknown content is left to ron")
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u128 f32 f64 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct map
    }
}

type Atlas = super::schema::Atlas;

/// One list, parsed from an item boundary to its closing bracket by a helper thread.
enum Tail {
    Sources(Vec<super::schema::Source>),
    Actors(Vec<super::schema::Actor>),
    Relations(Vec<super::schema::Relation>),
    Events(Vec<super::schema::Event>),
}

/// The top-level fields after that list, read into an otherwise empty atlas, their names,
/// and where the atlas text ends.
struct Rest<'a> {
    fields: Atlas,
    keys: Vec<&'a str>,
    end: usize,
}

/// What a helper read: which list, its remaining items, where the list ended, and (when it
/// could) the rest of the atlas after it.
struct Speculation<'a> {
    section: &'static str,
    tail: Tail,
    end: usize,
    rest: Option<Rest<'a>>,
}

/// A guess at a struct item that starts near the middle of the text. Only a guess — see
/// [`atlas_from_str`].
fn guess_split(text: &str) -> Option<usize> {
    let mut search = text.len() / 2;
    while !text.is_char_boundary(search) {
        search += 1;
    }
    // The first `),` followed by `(`: the end of one struct item and the start of the next
    // (a `Some(..),` inside an item is followed by a field name instead).
    loop {
        let after = text[search..].find("),")? + search + 2;
        let next = after + text[after..].find(|c: char| !c.is_whitespace())?;
        if text.as_bytes().get(next) == Some(&b'(') {
            return Some(next);
        }
        search = after;
    }
}

/// Parses the rest of a list from `start`, as whichever of the long-list record types its
/// first item is (unknown fields are refused, so at most one fits), then the top-level
/// fields after the list.
fn speculate(text: &str, start: usize) -> Result<Speculation<'_>> {
    fn rest<T: DeserializeOwned>(text: &str, start: usize) -> Result<(Vec<T>, usize)> {
        let mut parser = Parser {
            src: text.as_bytes(),
            text,
            pos: start,
            depth: 2,
        };
        let mut items = Items {
            parser: &mut parser,
            close: b']',
            first: true,
            done: false,
        };
        let mut out = Vec::new();
        while items.more()? {
            out.push(T::deserialize(&mut *items.parser)?);
        }
        Ok((out, parser.pos))
    }
    fn first_fits<T: DeserializeOwned>(text: &str, start: usize) -> bool {
        let mut parser = Parser {
            src: text.as_bytes(),
            text,
            pos: start,
            depth: 2,
        };
        T::deserialize(&mut parser).is_ok()
    }
    use super::schema::{Actor, Event, Relation, Source};
    let (section, tail, end) = if first_fits::<Relation>(text, start) {
        let (v, end) = rest(text, start)?;
        ("relations", Tail::Relations(v), end)
    } else if first_fits::<Actor>(text, start) {
        let (v, end) = rest(text, start)?;
        ("actors", Tail::Actors(v), end)
    } else if first_fits::<Event>(text, start) {
        let (v, end) = rest(text, start)?;
        ("events", Tail::Events(v), end)
    } else if first_fits::<Source>(text, start) {
        let (v, end) = rest(text, start)?;
        ("sources", Tail::Sources(v), end)
    } else {
        return refuse("the guessed item is none of the long-list records");
    };
    let rest = after_list(text, end).ok();
    Ok(Speculation {
        section,
        tail,
        end,
        rest,
    })
}

/// The top-level fields that follow a top-level list ending at `at`.
fn after_list(text: &str, at: usize) -> Result<Rest<'_>> {
    let mut parser = Parser {
        src: text.as_bytes(),
        text,
        pos: at,
        depth: 1,
    };
    let mut atlas = Atlas::default();
    let mut keys = Vec::new();
    let mut items = Items {
        parser: &mut parser,
        close: b')',
        first: false,
        done: false,
    };
    fields(&mut items, &mut atlas, &mut keys, &mut None)?;
    items.finish()?;
    Ok(Rest {
        fields: atlas,
        keys,
        end: parser.pos,
    })
}

/// Files smaller than this are parsed on one thread: a thread costs more than it saves.
const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// Parses a whole atlas, using a second thread on large files.
///
/// The helper thread parses the largest list from a guessed item boundary to its end. This
/// thread parses from the start, and when it reaches exactly that offset inside exactly that
/// list, it takes the helper's items and continues after them. Parsing from a given offset
/// always gives the same result, so the outcome is the one a single thread would reach; a
/// wrong guess only means the helper's work is thrown away.
pub fn atlas_from_str(text: &str) -> Result<super::schema::Atlas> {
    if text.len() < PARALLEL_MIN_BYTES {
        return from_str(text);
    }
    let Some(start) = guess_split(text) else {
        return from_str(text);
    };
    std::thread::scope(|scope| {
        let handle = scope.spawn(move || speculate(text, start));
        let mut parser = Parser {
            src: text.as_bytes(),
            text,
            pos: 0,
            depth: 0,
        };
        let mut pending = Some(Helper { start, handle });
        let atlas = top_level(&mut parser, &mut pending)?;
        if parser.peek()?.is_some() {
            return refuse("text after the value");
        }
        Ok(atlas)
    })
}

/// The helper thread and the offset it started from.
struct Helper<'scope, 'a> {
    start: usize,
    handle: std::thread::ScopedJoinHandle<'scope, Result<Speculation<'a>>>,
}

/// The `Atlas(...)` struct by hand, so each long list can take the helper's items. Mirrors
/// the derived reader: optional name, every field optional, no unknown or repeated field.
fn top_level<'a>(p: &mut Parser<'a>, helper: &mut Option<Helper<'_, 'a>>) -> Result<Atlas> {
    let mut atlas = Atlas::default();
    if p.peek()?.is_some_and(is_ident_start) && p.ident()? != "Atlas" {
        return refuse("struct name does not match");
    }
    p.expect(b'(')?;
    p.enter()?;
    let mut seen: Vec<&str> = Vec::new();
    let mut items = Items {
        parser: &mut *p,
        close: b')',
        first: true,
        done: false,
    };
    fields(&mut items, &mut atlas, &mut seen, helper)?;
    items.finish()?;
    p.leave();
    Ok(atlas)
}

/// Top-level fields up to the closing parenthesis. When a list takes a helper's result that
/// includes the rest of the atlas, its fields are merged and reading ends there.
fn fields<'a>(
    items: &mut Items<'_, 'a>,
    atlas: &mut Atlas,
    seen: &mut Vec<&'a str>,
    helper: &mut Option<Helper<'_, 'a>>,
) -> Result<()> {
    use serde::Deserialize;
    while items.more()? {
        let key = items.parser.ident()?;
        items.parser.expect(b':')?;
        if seen.contains(&key) {
            return refuse("repeated field");
        }
        seen.push(key);
        let q = &mut *items.parser;
        let rest = match key {
            "meta" => {
                atlas.meta = Deserialize::deserialize(&mut *q)?;
                None
            }
            "regions" => {
                atlas.regions = Deserialize::deserialize(&mut *q)?;
                None
            }
            "themes" => {
                atlas.themes = Deserialize::deserialize(&mut *q)?;
                None
            }
            "stories" => {
                atlas.stories = Deserialize::deserialize(&mut *q)?;
                None
            }
            "glossary" => {
                atlas.glossary = Deserialize::deserialize(&mut *q)?;
                None
            }
            "sources" => {
                let (v, rest) = list(q, "sources", helper, |t| match t {
                    Tail::Sources(v) => Some(v),
                    _ => None,
                })?;
                atlas.sources = v;
                rest
            }
            "actors" => {
                let (v, rest) = list(q, "actors", helper, |t| match t {
                    Tail::Actors(v) => Some(v),
                    _ => None,
                })?;
                atlas.actors = v;
                rest
            }
            "relations" => {
                let (v, rest) = list(q, "relations", helper, |t| match t {
                    Tail::Relations(v) => Some(v),
                    _ => None,
                })?;
                atlas.relations = v;
                rest
            }
            "events" => {
                let (v, rest) = list(q, "events", helper, |t| match t {
                    Tail::Events(v) => Some(v),
                    _ => None,
                })?;
                atlas.events = v;
                rest
            }
            _ => return refuse("unknown field"),
        };
        if let Some(rest) = rest {
            if rest.keys.iter().any(|k| seen.contains(k)) {
                return refuse("repeated field");
            }
            merge(atlas, rest.fields, &rest.keys);
            items.parser.pos = rest.end;
            items.done = true;
            return Ok(());
        }
    }
    Ok(())
}

/// Moves the named fields of `from` into `into`.
fn merge(into: &mut Atlas, from: Atlas, keys: &[&str]) {
    let Atlas {
        meta,
        regions,
        themes,
        sources,
        actors,
        relations,
        events,
        stories,
        glossary,
    } = from;
    let (mut meta, mut regions, mut themes, mut sources, mut actors) = (
        Some(meta),
        Some(regions),
        Some(themes),
        Some(sources),
        Some(actors),
    );
    let (mut relations, mut events, mut stories, mut glossary) =
        (Some(relations), Some(events), Some(stories), Some(glossary));
    for key in keys {
        match *key {
            "meta" => into.meta = meta.take().unwrap_or_default(),
            "regions" => into.regions = regions.take().unwrap_or_default(),
            "themes" => into.themes = themes.take().unwrap_or_default(),
            "sources" => into.sources = sources.take().unwrap_or_default(),
            "actors" => into.actors = actors.take().unwrap_or_default(),
            "relations" => into.relations = relations.take().unwrap_or_default(),
            "events" => into.events = events.take().unwrap_or_default(),
            "stories" => into.stories = stories.take().unwrap_or_default(),
            "glossary" => into.glossary = glossary.take().unwrap_or_default(),
            _ => {}
        }
    }
}

/// A list of `T`. At the helper's starting item, if the helper read this very list, it takes
/// the helper's items (and the rest of the atlas the helper read after them).
fn list<'a, T: DeserializeOwned>(
    p: &mut Parser<'a>,
    section: &str,
    helper: &mut Option<Helper<'_, 'a>>,
    take: impl Fn(Tail) -> Option<Vec<T>>,
) -> Result<(Vec<T>, Option<Rest<'a>>)> {
    p.expect(b'[')?;
    p.enter()?;
    let mut out = Vec::new();
    let mut rest = None;
    let mut items = Items {
        parser: &mut *p,
        close: b']',
        first: true,
        done: false,
    };
    while items.more()? {
        let here = items.parser.pos;
        if helper.as_ref().is_some_and(|h| h.start == here)
            && let Some(h) = helper.take()
            && let Ok(Ok(spec)) = h.handle.join()
            && spec.section == section
            && let Some(mut tail) = take(spec.tail)
        {
            out.append(&mut tail);
            items.parser.pos = spec.end;
            items.done = true;
            rest = spec.rest;
            break;
        }
        out.push(T::deserialize(&mut *items.parser)?);
    }
    items.finish()?;
    p.leave();
    Ok((out, rest))
}
