//! Large atlases on two threads: a helper parses the second half of the longest list (and
//! what follows it) while this thread parses from the start, and the helper's work is used
//! only where this thread lands exactly where the helper began.

use serde::de::DeserializeOwned;

use super::reader::Items;
use super::{Parser, Result, from_str, is_ident_start, refuse};

type Atlas = crate::model::schema::Atlas;

/// One list, parsed from an item boundary to its closing bracket by a helper thread.
enum Tail {
    Sources(Vec<crate::model::schema::Source>),
    Actors(Vec<crate::model::schema::Actor>),
    Relations(Vec<crate::model::schema::Relation>),
    Events(Vec<crate::model::schema::Event>),
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
    #[cfg(test)]
    if text.len() == tests::PANIC_ON_LENGTH.load(std::sync::atomic::Ordering::Relaxed) {
        panic!("test: the helper thread panics");
    }
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
    use crate::model::schema::{Actor, Event, Relation, Source};
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
pub fn atlas_from_str(text: &str) -> Result<crate::model::schema::Atlas> {
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
fn merge(into: &mut Atlas, mut from: Atlas, keys: &[&str]) {
    use std::mem::take;
    for key in keys {
        match *key {
            "meta" => into.meta = take(&mut from.meta),
            "regions" => into.regions = take(&mut from.regions),
            "themes" => into.themes = take(&mut from.themes),
            "sources" => into.sources = take(&mut from.sources),
            "actors" => into.actors = take(&mut from.actors),
            "relations" => into.relations = take(&mut from.relations),
            "events" => into.events = take(&mut from.events),
            "stories" => into.stories = take(&mut from.stories),
            "glossary" => into.glossary = take(&mut from.glossary),
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
        {
            // A panic in the helper is a bug: passed on, and the loader reports it as one.
            let joined = h
                .handle
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p));
            if let Ok(spec) = joined
                && spec.section == section
                && let Some(mut tail) = take(spec.tail)
            {
                out.append(&mut tail);
                items.parser.pos = spec.end;
                items.done = true;
                rest = spec.rest;
                break;
            }
        }
        out.push(T::deserialize(&mut *items.parser)?);
    }
    items.finish()?;
    p.leave();
    Ok((out, rest))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use crate::model::{LoadError, load_str};
    use crate::synth::{SynthSize, synthetic_atlas};

    /// The helper panics on a text of exactly this length (a length no other test makes).
    pub static PANIC_ON_LENGTH: AtomicUsize = AtomicUsize::new(usize::MAX);

    #[test]
    fn a_panic_in_the_helper_thread_is_a_load_error_with_its_message() {
        let atlas = synthetic_atlas(SynthSize {
            actors: 2000,
            relations: 9000,
            events: 1500,
            seed: 5,
        });
        let mut text = ron::ser::to_string_pretty(&atlas, Default::default()).expect("ron");
        assert!(text.len() > super::PARALLEL_MIN_BYTES);
        text.push_str(&" ".repeat(7919));
        PANIC_ON_LENGTH.store(text.len(), Ordering::Relaxed);
        let error = load_str(&text, "huge.ron").expect_err("the helper panicked");
        assert!(matches!(error, LoadError::Internal { .. }), "{error:?}");
        assert_eq!(
            error.to_string(),
            "huge.ron: reading stopped on an internal error (test: the helper thread panics); \
             please report this"
        );
    }
}
