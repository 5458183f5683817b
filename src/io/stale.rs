//! Temp files left by a writer that was killed mid-write (`.NAME.tmp-PID-N`), removed the
//! next time NAME is written.
//!
//! Only files of exactly that pattern, for the name being written, whose process no longer
//! runs, and that are plain files: a temp file of a live writer (another export running right
//! now) is never touched, and neither is anything else in the folder. Where the platform
//! cannot tell whether a process runs, nothing is removed.

use std::fs;
use std::path::Path;

/// The writer's process id, when `file` is a temp file of `name` (`.NAME.tmp-PID-N`).
pub fn temp_owner(file: &str, name: &str) -> Option<u32> {
    let rest = file
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix(".tmp-")?;
    let (pid, n) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(n) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` runs (unix: `kill(pid, 0)`; a process of another user counts).
fn is_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: kill with signal 0 sends nothing; it only checks that the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        alive || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes stale temp files of `name` in `dir`. Best effort: a file that cannot be removed
/// stays, and the write that just succeeded is not failed for it.
pub fn clean_stale(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = temp_owner(&file.to_string_lossy(), name) else {
            continue;
        };
        let plain = entry.file_type().is_ok_and(|t| t.is_file());
        if pid != me && plain && !is_running(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_pattern_names_an_owner() {
        assert_eq!(temp_owner(".a.csv.tmp-123-4", "a.csv"), Some(123));
        assert_eq!(temp_owner(".a.csv.tmp-123-", "a.csv"), None);
        assert_eq!(temp_owner(".a.csv.tmp-x-4", "a.csv"), None);
        assert_eq!(temp_owner(".b.csv.tmp-123-4", "a.csv"), None);
        assert_eq!(temp_owner("a.csv.tmp-123-4", "a.csv"), None);
        assert_eq!(temp_owner(".a.csv.tmp-123-4.bak", "a.csv"), None);
    }
}
