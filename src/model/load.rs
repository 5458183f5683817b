//! Reading a dataset: size check, RON parsing with positions, then validation.

use std::path::Path;

use super::diagnostic::{Diagnostic, Report, Severity};
use super::schema::Atlas;
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
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is {size} bytes; datasets of {limit} bytes or more are refused")]
    TooLarge { path: String, size: u64, limit: u64 },
    /// The first byte that is not UTF-8 is at `line` and `column` (1-based, in characters).
    #[error("{path}:{line}:{column}: the file is not UTF-8 text: save it with the UTF-8 encoding")]
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

/// The dataset's text, refused before reading when it is too large or when it is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let io = |source| LoadError::Io {
        path: name.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size >= MAX_DATASET_BYTES {
        return Err(LoadError::TooLarge {
            path: name,
            size,
            limit: MAX_DATASET_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
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
    let atlas = parse(text, origin)?;
    let (mut report, extra) = std::thread::scope(|scope| {
        let helper = scope.spawn(|| alongside(&atlas));
        let report = validate(&atlas, text, origin);
        // A panic in the helper is a bug; let it surface as one.
        let extra = helper
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (report, extra)
    });
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
    if let Ok(atlas) = super::fast_ron::atlas_from_str(text) {
        return Ok(atlas);
    }
    ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .from_str::<Atlas>(text)
        .map_err(|e| {
            syntax(
                Some((e.span.start.line, e.span.start.col)),
                describe_ron_error(&e.code),
            )
        })
}

/// ron's messages, with a hint where the raw one would puzzle a person editing by hand.
fn describe_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early: a bracket or a quote is not closed".into(),
        ron::Error::ExceededRecursionLimit => {
            format!("values are nested more than {MAX_NESTING} levels deep")
        }
        other => other.to_string(),
    }
}
