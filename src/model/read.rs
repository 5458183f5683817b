//! Reading a dataset file's bytes without ever blocking or running out of memory: only
//! regular files are read (a FIFO would block for ever, `/dev/zero` never ends), the file is
//! opened without blocking and checked after opening (no gap between check and use), and the
//! bytes come through a reader that stops at the size limit whatever the file claims.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::load::{LoadError, MAX_DATASET_BYTES};

/// What a path holds when it is not a regular file, in words for a message.
pub fn special_kind(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Opens `path` for reading without waiting for a writer (a FIFO's open blocks otherwise).
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of the regular file at `path`, refused when it is anything else or reaches
/// [`MAX_DATASET_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_bytes_limited(path, MAX_DATASET_BYTES)
}

pub(crate) fn read_bytes_limited(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let io = |source| LoadError::Io {
        path: name.clone(),
        source,
    };
    let file = open_nonblocking(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if let Some(kind) = special_kind(meta.file_type()) {
        return Err(LoadError::NotAFile { path: name, kind });
    }
    if meta.len() >= limit {
        return Err(too_large(name, meta.len(), limit));
    }
    let bytes = read_bounded(file, limit, meta.len()).map_err(io)?;
    if bytes.len() as u64 >= limit {
        // The file grew after it was measured; the limit holds all the same.
        return Err(too_large(name, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

fn too_large(path: String, size: u64, limit: u64) -> LoadError {
    LoadError::TooLarge { path, size, limit }
}

/// At most `limit` bytes of `reader`: a source that never ends stops there. `expected` (the
/// size the file claims) sizes the buffer once.
pub(crate) fn read_bounded(
    reader: impl Read,
    limit: u64,
    expected: u64,
) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0) + 1);
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_reader_stops_at_the_limit() {
        let bytes = read_bounded(std::io::repeat(b'x'), 1000, 0).expect("reads");
        assert_eq!(bytes.len(), 1000);
    }

    #[test]
    fn a_file_at_the_limit_is_refused_whatever_kind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ten.ron");
        std::fs::write(&path, "0123456789").expect("write");
        let error = read_bytes_limited(&path, 10).expect_err("at the limit");
        assert!(
            error
                .to_string()
                .ends_with("the file is 10 bytes; datasets of 10 bytes or more are refused"),
            "{error}"
        );
        assert_eq!(read_bytes_limited(&path, 11).expect("under").len(), 10);
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_as_a_device_before_reading() {
        let error = read_bytes(Path::new("/dev/zero")).expect_err("a device");
        assert_eq!(
            error.to_string(),
            "/dev/zero: cannot read a character device: a dataset must be a regular file"
        );
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read_bytes(dir.path()).expect_err("a folder");
        assert!(
            error
                .to_string()
                .ends_with(": cannot read a folder: a dataset must be a regular file"),
            "{error}"
        );
    }
}
