//! The recovery file: while an atlas has unsaved edits, the app keeps a copy of it here (in
//! canonical form, through the one safe writer), so that a crash or a killed window loses
//! nothing. The first line says which file the edits belong to; the rest is a dataset any
//! `atlas` command can read. No UI here: the window decides when to write, offer and remove it.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::{Atlas, LoadError, Loaded, load_str, read_text};

use super::canonical::canonical_ron;
use super::ron_text::quoted;
use super::{ExportError, write_atomically};

/// The file name in the app's data folder.
pub const RECOVERY_FILE: &str = "recovery.ron";

/// The first line of a recovery file: `// recovered from: "PATH"`, or `// recovered from:
/// the built-in atlas`.
const FROM: &str = "// recovered from: ";
const BUILT_IN: &str = "the built-in atlas";

/// A recovery file read back.
#[derive(Debug)]
pub struct Recovered {
    /// The edited atlas (valid: the same checks as any dataset).
    pub loaded: Loaded,
    /// The file the edits belong to; none for the built-in atlas (or a path that could not
    /// be written down), which is then saved under a new name.
    pub origin: Option<PathBuf>,
    /// When it was written.
    pub written: Option<SystemTime>,
}

/// Writes `atlas` as the recovery copy of `origin` (none: the built-in atlas) at `path`,
/// creating its folder.
pub fn write_recovery(
    path: &Path,
    atlas: &Atlas,
    origin: Option<&Path>,
) -> Result<(), ExportError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| ExportError::CreateDir {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let from = match origin.and_then(Path::to_str) {
        Some(origin) => quoted(origin),
        None => BUILT_IN.to_string(),
    };
    let text = format!("{FROM}{from}\n{}", canonical_ron(atlas));
    write_atomically(path, text.as_bytes(), None)
}

/// The recovery file at `path`, or `None` when there is none. A file that is there but does
/// not load is an error (and is left in place: it may be all that is left of the edits).
pub fn read_recovery(path: &Path) -> Result<Option<Recovered>, LoadError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        _ => {}
    }
    let text = read_text(path)?;
    let loaded = load_str(&text, &path.display().to_string())?;
    let written = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok(Some(Recovered {
        loaded,
        origin: origin_of(&text),
        written,
    }))
}

/// Removes the recovery file; none there is fine.
pub fn remove_recovery(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

fn origin_of(text: &str) -> Option<PathBuf> {
    let first = text.lines().next()?.strip_prefix(FROM)?;
    let path: String = ron::from_str(first).ok()?;
    Some(PathBuf::from(path))
}

/// A moment as people read it, in UTC: `2026-11-25 18:42 UTC`.
pub fn utc_minute(time: SystemTime) -> String {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let (hour, minute) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// Year, month and day of the day `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_default;
    use std::time::Duration;

    #[test]
    fn a_written_recovery_file_reads_back_the_atlas_and_its_origin() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("data/recovery.ron");
        let mut atlas = load_default().expect("loads").atlas;
        atlas.actors[0].summary.push_str(" Edited.");
        let origin = Path::new("/some/where/my \"atlas\".ron");
        write_recovery(&path, &atlas, Some(origin)).expect("writes, creating the folder");
        let recovered = read_recovery(&path).expect("reads").expect("is there");
        assert_eq!(recovered.loaded.atlas, atlas);
        assert_eq!(recovered.origin.as_deref(), Some(origin));
        assert!(recovered.written.is_some());
    }

    #[test]
    fn the_built_in_atlas_has_no_origin() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(RECOVERY_FILE);
        let atlas = load_default().expect("loads").atlas;
        write_recovery(&path, &atlas, None).expect("writes");
        let recovered = read_recovery(&path).expect("reads").expect("is there");
        assert_eq!(recovered.origin, None);
    }

    #[test]
    fn no_file_is_no_recovery_and_removing_twice_is_fine() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(RECOVERY_FILE);
        assert!(read_recovery(&path).expect("no error").is_none());
        write_recovery(&path, &load_default().expect("loads").atlas, None).expect("writes");
        remove_recovery(&path).expect("removes");
        assert!(!path.exists());
        remove_recovery(&path).expect("nothing to remove is fine");
    }

    #[test]
    fn a_broken_recovery_file_is_an_error_and_stays() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(RECOVERY_FILE);
        std::fs::write(
            &path,
            "// recovered from: the built-in atlas\nAtlas(actors: [",
        )
        .expect("write");
        let error = read_recovery(&path).expect_err("does not load");
        assert!(error.to_string().contains(RECOVERY_FILE), "{error}");
        assert!(path.exists());
    }

    #[test]
    fn utc_minutes_read_as_a_calendar_date() {
        let at = |secs: u64| utc_minute(SystemTime::UNIX_EPOCH + Duration::from_secs(secs));
        assert_eq!(at(0), "1970-01-01 00:00 UTC");
        // Expected values checked with Python's datetime; 2024-02-29 is a leap day.
        assert_eq!(at(1_709_210_040), "2024-02-29 12:34 UTC");
        assert_eq!(at(1_795_451_220), "2026-11-23 16:27 UTC");
    }
}
