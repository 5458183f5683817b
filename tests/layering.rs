//! The design keeps the core free of the window: `model`, `graph`, `layout` and `io` must
//! never name egui or eframe, so they stay testable and usable without a display.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

const CORE: &[&str] = &["src/model", "src/graph", "src/layout", "src/io"];
const UI_CRATES: &[&str] = &["egui", "eframe", "egui_plot", "egui_kittest", "egui_wgpu"];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        panic!("cannot list {}", dir.display());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Whether `line` names a UI crate as a path (`egui::`, `use eframe`), ignoring comments.
fn names_ui_crate(line: &str) -> Option<&'static str> {
    let code = line.split("//").next().unwrap_or("");
    UI_CRATES.iter().copied().find(|krate| {
        code.match_indices(krate).any(|(at, _)| {
            let before = code[..at].chars().next_back();
            let after = &code[at + krate.len()..];
            let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            starts_word && (after.starts_with("::") || code.trim_start().starts_with("use "))
        })
    })
}

#[test]
fn model_graph_layout_and_io_never_name_egui_or_eframe() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offenders = Vec::new();
    for dir in CORE {
        let mut files = Vec::new();
        rust_files(&root.join(dir), &mut files);
        assert!(!files.is_empty(), "{dir} has no Rust files");
        for file in files {
            let text = fs::read_to_string(&file).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                if let Some(krate) = names_ui_crate(line) {
                    offenders.push(format!("{}:{}: names {krate}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

#[test]
fn the_layering_check_catches_a_use_of_egui() {
    assert_eq!(names_ui_crate("use eframe::App;"), Some("eframe"));
    assert!(names_ui_crate("use eframe::egui::Ui;").is_some());
    assert_eq!(
        names_ui_crate("    let c = egui::Color32::RED;"),
        Some("egui")
    );
    assert_eq!(names_ui_crate("// egui::Ui in a comment"), None);
    assert_eq!(names_ui_crate("let my_egui_thing = 1;"), None);
}
