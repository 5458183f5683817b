//! Writing a file so that it is either the old version or the new one, never half of each.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::ExportError;

/// Tells apart temp files of concurrent writes from one process (tests run in threads).
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically: into a temp file beside it, flushed to disk, then
/// renamed over the target. A crash or a full disk leaves the old file (or none), never a
/// truncated export that Gephi or a spreadsheet would half-read without complaint.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let err = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| err(std::io::Error::other("the path does not name a file")))?;
    // Same directory, so the rename stays on one filesystem and is atomic.
    let temp = dir.join(format!(
        ".{}.tmp-{}-{}",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = write_then_rename(&temp, path, bytes);
    if result.is_err() {
        // Best effort: the temp file may not exist, and the original error matters more.
        let _ = fs::remove_file(&temp);
    }
    result.map_err(err)?;
    sync_dir(dir);
    Ok(())
}

fn write_then_rename(temp: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // create_new: never follow or clobber something already sitting at the temp name.
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(bytes)?;
    // Data on disk before the rename makes it visible; otherwise a crash can leave an empty file.
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)
}

/// Makes the rename itself durable. Best effort: some filesystems refuse to fsync a
/// directory, and by now the new file is complete either way.
fn sync_dir(dir: &Path) {
    // Windows cannot open a directory as a file; its rename is already journaled.
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .expect("temp dir is readable")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect()
    }

    #[test]
    fn replaces_an_existing_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("out.graphml");
        fs::write(&target, "old and much longer content than the new one").expect("seed file");
        write_atomically(&target, b"new").expect("atomic write");
        assert_eq!(fs::read(&target).expect("read back"), b"new");
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }

    #[test]
    fn failure_names_the_path_and_cleans_up() {
        let dir = tempfile::tempdir().expect("temp dir");
        // A directory cannot be replaced by a file: the rename fails after the temp is written.
        let target = dir.path().join("taken");
        fs::create_dir(&target).expect("make dir");
        let error = write_atomically(&target, b"x").expect_err("cannot replace a directory");
        assert!(error.to_string().contains("taken"), "{error}");
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }

    #[test]
    fn missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("no/such/dir/out.json");
        let error = write_atomically(&target, b"{}").expect_err("parent is missing");
        assert!(error.to_string().contains("out.json"), "{error}");
    }
}
