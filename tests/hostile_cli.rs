//! The command line against hostile paths and streams (issue 12, findings 2, 4, 5 and 6):
//! exporting onto the dataset, output that cannot be written, files that are not files.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const MINIMAL: &str = "atlas-data/samples/valid/minimal.ron";
const WARNINGS: &str = "atlas-data/samples/valid/warnings.ron";
const MANY: &str = "atlas-data/samples/broken/many-problems.ron";
const ATLAS: &str = "atlas-data/atlas.ron";

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_atlas"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Runs with a deadline: a command that blocks (on a FIFO, say) fails the test, not hangs it.
fn run(mut command: Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the command blocked for 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A stdout whose reader is already gone: every write fails with EPIPE.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    writer.into()
}

fn dev_full() -> Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
        .into()
}

fn exits_1_without_panic(out: &Output) {
    let err = text(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
}

fn dataset_copy(dir: &Path) -> PathBuf {
    let data = dir.join("atlas.ron");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(MINIMAL), &data).expect("copy");
    data
}

#[test]
fn export_onto_the_dataset_is_refused_by_path_symlink_and_hard_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dataset_copy(dir.path());
    let before = std::fs::read(&data).expect("read");
    let soft = dir.path().join("soft.graphml");
    std::os::unix::fs::symlink(&data, &soft).expect("symlink");
    let hard = dir.path().join("hard.json");
    std::fs::hard_link(&data, &hard).expect("hard link");
    for (target, format) in [(&data, "graphml"), (&soft, "graphml"), (&hard, "json")] {
        let out = run(command(&[
            "export",
            &data.to_string_lossy(),
            "--format",
            format,
            "-o",
            &target.to_string_lossy(),
        ]));
        exits_1_without_panic(&out);
        assert_eq!(
            text(&out.stderr),
            format!(
                "{}: this is the dataset being exported ({}); choose another file\n",
                target.display(),
                data.display()
            )
        );
        assert_eq!(
            std::fs::read(&data).expect("read"),
            before,
            "the dataset changed"
        );
    }
    // A CSV folder holding a link to the dataset is refused as a whole, before any table.
    let tables = dir.path().join("tables");
    std::fs::create_dir(&tables).expect("folder");
    std::fs::hard_link(&data, tables.join("events.csv")).expect("hard link");
    let out = run(command(&[
        "export",
        &data.to_string_lossy(),
        "--format",
        "csv",
        "-o",
        &tables.to_string_lossy(),
    ]));
    exits_1_without_panic(&out);
    assert!(!tables.join("actors.csv").exists(), "a table was written");
    assert_eq!(std::fs::read(&data).expect("read"), before);
}

#[test]
fn validate_of_a_broken_file_fails_whatever_happens_to_stdout() {
    // `atlas validate bad.ron | head -1`, `> /dev/full`: validation failure wins.
    for stdout in [closed_pipe(), dev_full()] {
        let mut c = command(&["validate", MANY]);
        c.stdout(stdout);
        let out = c.stderr(Stdio::piped()).output().expect("runs");
        exits_1_without_panic(&out);
    }
}

/// Arguments, and the standard output to give the command.
type Case = (&'static [&'static str], fn() -> Stdio);

#[test]
fn output_that_cannot_be_written_fails_a_command_that_would_succeed() {
    let cases: [Case; 4] = [
        (&["stats", ATLAS], closed_pipe),
        (&["stats", ATLAS], dev_full),
        (&["stats", "--json", ATLAS], dev_full),
        (&["validate", "--warnings", WARNINGS], dev_full),
    ];
    for (args, stdout) in cases {
        let mut c = command(args);
        c.stdout(stdout());
        let out = c.stderr(Stdio::piped()).output().expect("runs");
        exits_1_without_panic(&out);
    }
    let mut c = command(&["stats", ATLAS]);
    let out = c
        .stdout(dev_full())
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    assert_eq!(
        text(&out.stderr),
        "atlas: could not write to standard output: No space left on device (os error 28)\n"
    );
    // A reader that stopped reading is not an error worth a message.
    let mut c = command(&["stats", ATLAS]);
    let out = c
        .stdout(closed_pipe())
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn a_full_stderr_fails_without_panicking() {
    // `atlas validate atlas.ron 2>/dev/full`: the summary cannot be written.
    let mut c = command(&["validate", ATLAS]);
    let out = c
        .stdout(Stdio::piped())
        .stderr(dev_full())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_fifo_and_dev_zero_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let out = run(command(&["validate", &fifo.to_string_lossy()]));
    exits_1_without_panic(&out);
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: cannot read a named pipe (FIFO): a dataset must be a regular file\n",
            fifo.display()
        )
    );
    let out = run(command(&["stats", "/dev/zero"]));
    exits_1_without_panic(&out);
    assert_eq!(
        text(&out.stderr),
        "/dev/zero: cannot read a character device: a dataset must be a regular file\n"
    );
}

#[test]
fn a_file_of_empty_parentheses_is_not_valid() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("empty.ron");
    std::fs::write(&file, "()").expect("write");
    let out = run(command(&["validate", &file.to_string_lossy()]));
    exits_1_without_panic(&out);
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: the atlas has no actors: a dataset needs at least one record in `actors: [...]`\n",
            file.display()
        )
    );
}

#[test]
fn without_any_window_system_the_window_says_what_it_tried_and_exits_1() {
    let mut c = command(&[]);
    for var in ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"] {
        c.env_remove(var);
    }
    let out = run(c);
    exits_1_without_panic(&out);
    let err = text(&out.stderr);
    assert!(
        err.contains("The atlas window could not open. Tried wgpu: ")
            && err.contains("neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor DISPLAY is set")
            && err.ends_with("The command-line tools (atlas --help) work without a window.\n"),
        "{err}"
    );
}

/// Needs `xvfb-run` (apt-get install xvfb xauth) and no Vulkan driver: with
/// `WGPU_BACKEND=vulkan`, wgpu cannot start, and the window must open with glow instead.
#[test]
#[ignore = "needs xvfb-run; run with --ignored"]
fn with_wgpu_unable_to_start_the_window_opens_with_opengl() {
    use std::os::unix::process::CommandExt;
    let mut child = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24 -nolisten tcp"])
        .process_group(0)
        .arg(env!("CARGO_BIN_EXE_atlas"))
        .env("WGPU_BACKEND", "vulkan")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xvfb-run runs");
    std::thread::sleep(Duration::from_secs(12));
    let still_open = child.try_wait().expect("wait").is_none();
    // The whole process group this test started: xvfb-run, Xvfb and the atlas.
    let group = libc::pid_t::try_from(child.id()).expect("pid");
    // SAFETY: sends SIGTERM to the process group created above for this child only.
    unsafe { libc::kill(-group, libc::SIGTERM) };
    let out = child.wait_with_output().expect("output");
    let err = text(&out.stderr);
    assert!(still_open, "the window closed: {err}");
    assert!(err.contains("renderer: OpenGL (glow)"), "{err}");
}
