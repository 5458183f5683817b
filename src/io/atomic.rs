//! The one way the app writes a file: every export, picture and benchmark file goes through
//! [`write_atomically`] or, for several files that belong together, [`write_all_or_nothing`].
//!
//! - **Checked first** ([`super::guard`]): never the dataset that was read (same path, symbolic
//!   or hard link), never a folder, FIFO, device or socket; a link to a regular file is followed.
//! - **Atomic**: the bytes go to a temp file `.NAME.tmp-PID-N` beside the target, are flushed
//!   to disk, and the temp file is renamed over the target. A crash or a full disk leaves the
//!   old file (or none), never a truncated one.
//! - **Keeps permissions**: a file that was 0600 stays 0600.
//! - **Cleans up**: temp files of this name left by a process that no longer runs (killed
//!   mid-write) are removed after the next successful write.
//! - **Several files** (the CSV tables): all are checked, then all are written to temp files;
//!   only when every one is complete are they renamed into place. A failure while writing
//!   leaves every old file untouched. We chose this over writing a temp folder and renaming
//!   it, because the CSV folder is one the user picked and may hold other files: swapping the
//!   folder would move those away. The renames are not one atomic step, so if one fails the
//!   files already replaced are put back from hard-link copies of the old ones.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::ExportError;
use super::guard::{Target, check};
use super::stale::clean_stale;

/// Tells apart temp files of concurrent writes from one process (tests run in threads).
static COUNTER: AtomicU64 = AtomicU64::new(0);

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The folder of `path` (`.` for a bare name) and its file name.
fn split(path: &Path) -> Result<(&Path, String), ExportError> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io_error(path)(std::io::Error::other("the path does not name a file")))?;
    Ok((dir, name.to_string_lossy().into_owned()))
}

/// A fresh temp name beside `path`: `.NAME.tmp-PID-N`.
fn temp_beside(path: &Path) -> Result<PathBuf, ExportError> {
    let (dir, name) = split(path)?;
    Ok(dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )))
}

/// Writes `bytes` to `path` atomically, unless `path` is the `dataset` the atlas was read
/// from or not a regular file (see the module docs).
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    dataset: Option<&Path>,
) -> Result<(), ExportError> {
    let target = check(path, dataset)?;
    let temp = temp_beside(&target.real)?;
    if let Err(e) = write_temp(&temp, &target, bytes).and_then(|()| fs::rename(&temp, &target.real))
    {
        // Best effort: the temp file may not exist, and the original error matters more.
        let _ = fs::remove_file(&temp);
        return Err(io_error(path)(e));
    }
    finish(&target.real);
    Ok(())
}

/// After a rename: make it durable, and remove what killed writers of this name left behind.
fn finish(real: &Path) {
    if let Ok((dir, name)) = split(real) {
        sync_dir(dir);
        clean_stale(dir, &name);
    }
}

/// Creates the temp file (never following or clobbering anything already there), gives it
/// the old file's permissions, writes and flushes it to disk.
fn write_temp(temp: &Path, target: &Target, bytes: &[u8]) -> std::io::Result<()> {
    let mut file: File = OpenOptions::new().write(true).create_new(true).open(temp)?;
    if let Some(permissions) = &target.permissions {
        file.set_permissions(permissions.clone())?;
    }
    file.write_all(bytes)?;
    // Data on disk before the rename makes it visible; otherwise a crash can leave an empty file.
    file.sync_all()
}

/// Writes several files so that either all are replaced or none is (see the module docs).
pub fn write_all_or_nothing(
    files: &[(PathBuf, Vec<u8>)],
    dataset: Option<&Path>,
) -> Result<(), ExportError> {
    let targets = files
        .iter()
        .map(|(path, _)| check(path, dataset))
        .collect::<Result<Vec<_>, _>>()?;
    let mut temps: Vec<PathBuf> = Vec::new();
    let staged = (|| {
        for ((path, bytes), target) in files.iter().zip(&targets) {
            let temp = temp_beside(&target.real)?;
            temps.push(temp.clone());
            write_temp(&temp, target, bytes).map_err(io_error(path))?;
        }
        Ok(())
    })();
    if let Err(e) = staged.and_then(|()| swap_in(files, &targets, &temps)) {
        for temp in &temps {
            let _ = fs::remove_file(temp);
        }
        return Err(e);
    }
    for target in &targets {
        finish(&target.real);
    }
    Ok(())
}

/// Renames every temp file over its target. Before the first rename, each old file gets a
/// hard-link copy; if a rename fails, the files already replaced are put back from them.
fn swap_in(
    files: &[(PathBuf, Vec<u8>)],
    targets: &[Target],
    temps: &[PathBuf],
) -> Result<(), ExportError> {
    let mut backups: Vec<Option<PathBuf>> = Vec::new();
    for target in targets {
        let backup = temp_beside(&target.real)?;
        // No copy when there is no old file (or the filesystem has no hard links).
        backups.push(fs::hard_link(&target.real, &backup).ok().map(|()| backup));
    }
    let mut result = Ok(());
    for (i, (target, temp)) in targets.iter().zip(temps).enumerate() {
        if let Err(e) = fs::rename(temp, &target.real) {
            for (done, backup) in targets[..i].iter().zip(&backups) {
                let _ = match backup {
                    Some(backup) => fs::rename(backup, &done.real),
                    None => fs::remove_file(&done.real),
                };
            }
            result = Err(io_error(&files[i].0)(e));
            break;
        }
    }
    for backup in backups.iter().flatten() {
        let _ = fs::remove_file(backup);
    }
    result
}

/// Makes the rename itself durable. Best effort: some filesystems refuse to fsync a
/// directory, and by now the new file is complete either way.
fn sync_dir(dir: &Path) {
    // Windows cannot open a directory as a file; its rename is already journaled.
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
#[path = "atomic_tests.rs"]
mod tests;
