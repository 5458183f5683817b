//! Reading a dataset: size check, RON parsing with positions, then validation.

use std::path::Path;

use super::diagnostic::{Diagnostic, Report, Severity};
use super::lines::LineIndex;
use super::schema::Atlas;
use super::text_rules::escape_controls as esc;
use super::validate::validate;

/// Files this large are refused before they are read: a real atlas is a few megabytes, and
/// reading a mistaken multi-gigabyte file would freeze the app and exhaust memory.
pub const MAX_DATASET_BYTES: u64 = 1 << 30;

/// How deeply RON values may nest. The schema needs six levels; the limit stops hostile input
/// from overflowing the stack.
pub const MAX_NESTING: usize = 64;

/// The default atlas, embedded so the app opens with no file to find.
pub const DEFAULT_ATLAS_RON: &str = include_str!("../../atlas-data/atlas.ron");
pub const DEFAULT_ATLAS_NAME: &str = "atlas-data/atlas.ron (embedded)";

/// A dataset that passed validation, with the warnings it still has.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub atlas: Atlas,
    /// Where it came from: a path, or the embedded default's name.
    pub origin: String,
    pub warnings: Vec<Diagnostic>,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", esc(path))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: the file is {size} bytes; datasets of {limit} bytes or more are refused",
        esc(path)
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    /// A FIFO, a device, a folder: reading one could block for ever or never end.
    #[error("{}: cannot read {kind}: a dataset must be a regular file", esc(path))]
    NotAFile { path: String, kind: &'static str },
    /// A bug in the reader (a panic), caught and reported instead of ending the program.
    #[error(
        "{}: reading stopped on an internal error ({message}); please report this",
        esc(path)
    )]
    Internal { path: String, message: String },
    /// The first byte that is not UTF-8 is at `line` and `column` (1-based, in characters).
    #[error(
        "{}:{line}:{column}: the file is not UTF-8 text: save it with the UTF-8 encoding",
        esc(path)
    )]
    NotText {
        path: String,
        line: usize,
        column: usize,
    },
    /// Syntax or validation problems; the report lists every one.
    #[error("{report}")]
    Invalid { report: Report },
}

impl LoadError {
    /// Every message, one per line item, for a panel or the terminal.
    pub fn messages(&self) -> Vec<String> {
        match self {
            LoadError::Invalid { report } => {
                report.diagnostics.iter().map(ToString::to_string).collect()
            }
            other => vec![other.to_string()],
        }
    }
}

/// Reads, parses and validates the dataset at `path`.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let text = read_text(path)?;
    load_str(&text, &path.display().to_string())
}

/// The dataset's text, refused before reading when it is too large or not a regular file,
/// and when it is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = super::read::read_bytes(path)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let last_line = before.rsplit('\n').next().unwrap_or_default();
        LoadError::NotText {
            path: name.clone(),
            line: before.matches('\n').count() + 1,
            column: last_line.chars().count() + 1,
        }
    })?;
    Ok(text)
}

/// The embedded default atlas.
pub fn load_default() -> Result<Loaded, LoadError> {
    load_str(DEFAULT_ATLAS_RON, DEFAULT_ATLAS_NAME)
}

/// Parses and validates dataset text; `origin` names it in messages.
pub fn load_str(text: &str, origin: &str) -> Result<Loaded, LoadError> {
    load_str_with(text, origin, |_| ()).map(|(loaded, ())| loaded)
}

/// Like [`load_str`], and runs `alongside` on a second thread while validation runs, on the
/// same parsed atlas: the graph index, for instance, so that a large atlas is ready sooner.
pub fn load_str_with<T: Send>(
    text: &str,
    origin: &str,
    alongside: impl FnOnce(&Atlas) -> T + Send,
) -> Result<(Loaded, T), LoadError> {
    // Windows editors start UTF-8 files with a byte-order mark; editors do not show it, so
    // positions count from after it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let atlas = parse(text, origin)?;
    let checked = catch_bug(origin, || {
        std::thread::scope(|scope| {
            let helper = scope.spawn(|| alongside(&atlas));
            let report = validate(&atlas, text, origin);
            // A panic in the helper is a bug: re-raised here, caught by `catch_bug`.
            let extra = helper
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (report, extra)
        })
    });
    let (mut report, extra) = checked?;
    report.sort();
    if report.has_errors() {
        return Err(LoadError::Invalid { report });
    }
    let loaded = Loaded {
        atlas,
        origin: origin.to_string(),
        warnings: report.diagnostics,
    };
    Ok((loaded, extra))
}

/// Runs `work`, turning a panic (a bug, on this thread or a helper) into a load error with
/// its message, so that a window or a script sees a message instead of a crash.
fn catch_bug<R>(origin: &str, work: impl FnOnce() -> R) -> Result<R, LoadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".into());
        LoadError::Internal {
            path: origin.to_string(),
            message,
        }
    })
}

/// RON syntax and schema only, no cross-record checks.
pub fn parse(text: &str, origin: &str) -> Result<Atlas, LoadError> {
    let syntax = |position, message: String| LoadError::Invalid {
        report: Report {
            diagnostics: vec![Diagnostic {
                severity: Severity::Error,
                file: origin.to_string(),
                position,
                record: None,
                field: None,
                message,
                place: None,
            }],
        },
    };
    if text.trim().is_empty() {
        return Err(syntax(
            Some((1, 1)),
            "the file is empty: a dataset starts with `Atlas(`".into(),
        ));
    }
    // The fast reader handles well-formed files; anything it declines, ron reads (and
    // explains, with positions, when the file is wrong).
    if let Ok(atlas) = catch_bug(origin, || super::fast_ron::atlas_from_str(text))? {
        return Ok(atlas);
    }
    if let Some(at) = super::lexis::attribute(text) {
        return Err(syntax(
            Some(LineIndex::new(text).position(at)),
            "RON extensions (`#![enable(...)]`) are not accepted: remove the line and write \
             optional values as `Some(...)`"
                .into(),
        ));
    }
    ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .from_str::<Atlas>(text)
        .map_err(|e| {
            let mut position = (e.span.start.line, e.span.start.col);
            // ron notices an unclosed comment at the end of the file; say where it opened.
            if matches!(e.code, ron::Error::UnclosedBlockComment)
                && let Some(at) = super::lexis::unclosed_comment(text)
            {
                position = LineIndex::new(text).position(at);
            }
            syntax(Some(position), describe_ron_error(&e.code))
        })
}

/// ron's messages, with a hint where the raw one would puzzle a person editing by hand.
fn describe_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early: a bracket or a quote is not closed".into(),
        ron::Error::ExceededRecursionLimit => {
            format!("values are nested more than {MAX_NESTING} levels deep")
        }
        ron::Error::UnclosedBlockComment => {
            "this block comment is never closed: a `/*` needs its `*/` (comments nest, so \
             each `/*` inside needs one too)"
                .into()
        }
        other => other.to_string(),
    }
}
