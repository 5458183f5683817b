//! What a write may replace: checked before a single byte is written.
//!
//! Refused: the dataset the atlas was read from (by device and inode, so a symbolic link or a
//! hard link to it is caught as well as the same path), and anything that is not a regular
//! file — a folder, a FIFO, a device, a socket, or a symbolic link to one of those or to
//! nothing. A symbolic link to a regular file is followed: the file it points to is replaced
//! and the link stays a link.

use std::fs::{self, Metadata, Permissions};
use std::path::{Path, PathBuf};

use super::ExportError;

/// A checked target: the regular file (or free name) to replace, and the permissions of the
/// file it replaces, which the new file keeps.
#[derive(Debug)]
pub struct Target {
    /// `path` itself, or the file its symbolic link points to.
    pub real: PathBuf,
    pub permissions: Option<Permissions>,
}

/// The same file on disk: device and inode where the platform has them.
fn same_file(a: &Metadata, b: &Metadata, a_path: &Path, b_path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = (a_path, b_path);
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        matches!(
            (fs::canonicalize(a_path), fs::canonicalize(b_path)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

/// Checks `path` as a place to write; `dataset` is the file the atlas was read from.
pub fn check(path: &Path, dataset: Option<&Path>) -> Result<Target, ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let link = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Target {
                real: path.to_path_buf(),
                permissions: None,
            });
        }
        Err(e) => return Err(io(e)),
    };
    let real = if link.file_type().is_symlink() {
        fs::canonicalize(path).map_err(|_| ExportError::Special {
            path: path.to_path_buf(),
            kind: "a symbolic link to nothing",
        })?
    } else {
        path.to_path_buf()
    };
    let meta = fs::metadata(&real).map_err(io)?;
    if let Some(kind) = crate::model::special_kind(meta.file_type()) {
        return Err(ExportError::Special {
            path: path.to_path_buf(),
            kind,
        });
    }
    if let Some(dataset) = dataset
        && let Ok(data) = fs::metadata(dataset)
        && same_file(&meta, &data, &real, dataset)
    {
        return Err(ExportError::Dataset {
            path: path.to_path_buf(),
            dataset: dataset.to_path_buf(),
        });
    }
    Ok(Target {
        real,
        permissions: Some(meta.permissions()),
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_symbolic_link_is_followed_to_its_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("real.json");
        fs::write(&file, "{}").expect("write");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&file, &link).expect("symlink");
        let target = check(&link, None).expect("a link to a file");
        assert_eq!(target.real, fs::canonicalize(&file).expect("canonical"));
    }

    #[test]
    fn a_dangling_link_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let link = dir.path().join("gone.json");
        std::os::unix::fs::symlink(dir.path().join("nothing"), &link).expect("symlink");
        let error = check(&link, None).expect_err("dangling");
        assert_eq!(
            error.to_string(),
            format!(
                "{}: refusing to write over a symbolic link to nothing; choose a regular file",
                link.display()
            )
        );
    }
}
