//! The one way the command line writes: results to standard output, messages to standard
//! error, neither of which ever panics (`println!` panics on a closed pipe or a full disk).
//!
//! A write that fails (the reader went away, `EPIPE`; the disk is full, `ENOSPC` on
//! `/dev/full`) is remembered and later writes are skipped; at the end [`finish`] turns a
//! successful exit into a failure, because the output the caller wanted is not complete. A
//! command that failed anyway (an invalid dataset) keeps its failure: `atlas validate bad.ron
//! | head -1` exits with 1 whatever happened to the pipe.

use std::fmt;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Mutex;

/// The first write error of each stream.
type Failure = Mutex<Option<std::io::Error>>;
static STDOUT_FAILED: Failure = Mutex::new(None);
static STDERR_FAILED: Failure = Mutex::new(None);

fn failed(slot: &Failure) -> bool {
    slot.lock().map(|s| s.is_some()).unwrap_or(true)
}

fn remember(slot: &Failure, error: std::io::Error) {
    if let Ok(mut slot) = slot.lock() {
        slot.get_or_insert(error);
    }
}

/// Writes `args` to standard output, unless an earlier write failed.
pub fn write_out(args: fmt::Arguments) {
    if failed(&STDOUT_FAILED) {
        return;
    }
    if let Err(e) = std::io::stdout().lock().write_fmt(args) {
        remember(&STDOUT_FAILED, e);
    }
}

/// Writes `args` to standard error, unless an earlier write failed.
pub fn write_err(args: fmt::Arguments) {
    if failed(&STDERR_FAILED) {
        return;
    }
    if let Err(e) = std::io::stderr().lock().write_fmt(args) {
        remember(&STDERR_FAILED, e);
    }
}

/// The exit code once all output is flushed: `code`, or a failure when some output could not
/// be written (said on standard error when it still works).
pub fn finish(code: ExitCode) -> ExitCode {
    if let Err(e) = std::io::stdout().lock().flush() {
        remember(&STDOUT_FAILED, e);
    }
    let problem = |slot: &Failure| {
        let slot = slot.lock().ok()?;
        let error = slot.as_ref()?;
        Some((error.kind(), error.to_string()))
    };
    let Some((stream, (kind, why))) = problem(&STDOUT_FAILED)
        .map(|w| ("standard output", w))
        .or_else(|| problem(&STDERR_FAILED).map(|w| ("standard error", w)))
    else {
        return code;
    };
    // A reader that went away (`| head`) chose to stop: fail, but quietly. Otherwise say so,
    // best effort: standard error may be the stream that failed.
    if kind != std::io::ErrorKind::BrokenPipe {
        let _ = writeln!(
            std::io::stderr(),
            "atlas: could not write to {stream}: {why}"
        );
    }
    ExitCode::FAILURE
}

/// `println!` through [`write_out`]: never panics.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` through [`write_err`]: never panics.
macro_rules! note {
    ($($arg:tt)*) => {
        $crate::cli::output::write_err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {note, out};
