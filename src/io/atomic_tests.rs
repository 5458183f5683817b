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
    write_atomically(&target, b"new", None).expect("atomic write");
    assert_eq!(fs::read(&target).expect("read back"), b"new");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn a_folder_at_the_target_is_refused_and_nothing_is_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("taken");
    fs::create_dir(&target).expect("make dir");
    let error = write_atomically(&target, b"x", None).expect_err("cannot replace a directory");
    assert_eq!(
        error.to_string(),
        format!(
            "{}: refusing to write over a folder; choose a regular file",
            target.display()
        )
    );
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn missing_directory_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("no/such/dir/out.json");
    let error = write_atomically(&target, b"{}", None).expect_err("parent is missing");
    assert!(error.to_string().contains("out.json"), "{error}");
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{PermissionsExt, symlink};

    use super::*;

    fn dataset(dir: &Path) -> PathBuf {
        let path = dir.join("atlas.ron");
        fs::write(&path, "Atlas()").expect("dataset");
        path
    }

    fn refused_as_dataset(target: &Path, data: &Path) {
        let error = write_atomically(target, b"<graphml/>", Some(data)).expect_err("refused");
        assert_eq!(
            error.to_string(),
            format!(
                "{}: this is the dataset being exported ({}); choose another file",
                target.display(),
                data.display()
            )
        );
        assert_eq!(fs::read(data).expect("dataset"), b"Atlas()");
    }

    #[test]
    fn the_dataset_is_refused_by_path_symbolic_link_and_hard_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dataset(dir.path());
        refused_as_dataset(&data, &data);
        let soft = dir.path().join("soft.graphml");
        symlink(&data, &soft).expect("symlink");
        refused_as_dataset(&soft, &data);
        let hard = dir.path().join("hard.graphml");
        fs::hard_link(&data, &hard).expect("hard link");
        refused_as_dataset(&hard, &data);
        // Reached through a link, the dataset is caught too.
        refused_as_dataset(&data, &soft);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_fifo_and_a_device_are_refused_and_stay_what_they_are() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe.json");
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("c path");
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let error = write_atomically(&fifo, b"{}", None).expect_err("a FIFO");
        assert!(
            error
                .to_string()
                .ends_with("refusing to write over a named pipe (FIFO); choose a regular file"),
            "{error}"
        );
        assert!(
            fs::symlink_metadata(&fifo)
                .expect("still there")
                .file_type()
                .is_fifo()
        );
        let error = write_atomically(Path::new("/dev/null"), b"{}", None).expect_err("device");
        assert_eq!(
            error.to_string(),
            "/dev/null: refusing to write over a character device; choose a regular file"
        );
        let link = dir.path().join("to-device.json");
        symlink("/dev/null", &link).expect("symlink");
        assert!(write_atomically(&link, b"{}", None).is_err());
        assert!(
            fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
    }

    use std::os::unix::fs::FileTypeExt;

    #[test]
    fn permissions_are_kept_and_a_link_stays_a_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("private.json");
        fs::write(&file, "old").expect("write");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).expect("chmod");
        let link = dir.path().join("link.json");
        symlink(&file, &link).expect("symlink");
        write_atomically(&link, b"new", None).expect("write through the link");
        assert_eq!(fs::read(&file).expect("file"), b"new");
        let mode = fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(
            fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
    }

    /// A process id that ran and has ended.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true")
            .spawn()
            .expect("spawn true");
        let pid = child.id();
        child.wait().expect("wait");
        pid
    }

    #[test]
    fn temp_files_of_dead_writers_are_cleaned_and_others_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let stale = dir.path().join(format!(".out.json.tmp-{}-0", dead_pid()));
        let live = dir.path().join(".out.json.tmp-1-0"); // pid 1 always runs
        let other = dir.path().join(format!(".other.json.tmp-{}-0", dead_pid()));
        for path in [&stale, &live, &other] {
            fs::write(path, "half").expect("seed");
        }
        write_atomically(&dir.path().join("out.json"), b"{}", None).expect("write");
        assert!(!stale.exists(), "the dead writer's temp file stays");
        assert!(live.exists() && other.exists());
    }

    #[test]
    fn a_set_that_fails_half_way_leaves_every_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a.csv");
        let b = dir.path().join("b.csv");
        fs::write(&a, "old a").expect("a");
        fs::write(&b, "old b").expect("b");
        // The name fits, its temp name is too long: the third temp file cannot be created,
        // after the first two were written.
        let long = dir.path().join(format!("{}.csv", "c".repeat(240)));
        let files = vec![
            (a.clone(), b"new a".to_vec()),
            (b.clone(), b"new b".to_vec()),
            (long.clone(), b"new c".to_vec()),
        ];
        let error = write_all_or_nothing(&files, None).expect_err("name too long");
        assert!(
            error.to_string().starts_with(&long.display().to_string()),
            "{error}"
        );
        assert_eq!(fs::read(&a).expect("a"), b"old a");
        assert_eq!(fs::read(&b).expect("b"), b"old b");
        assert!(!long.exists());
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
        write_all_or_nothing(&files[..2], None).expect("a set that fits");
        assert_eq!(fs::read(&b).expect("b"), b"new b");
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }
}
