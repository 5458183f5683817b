//! An in-app file chooser, for machines where no desktop portal answers (rfd then returns
//! nothing at once, and Open, Save and Export would do nothing). Self-contained: a state
//! struct and one `ui` call per frame that returns what the person chose.
//!
//! It lists the current folder (folders first, shown as `name/`, then files with one of the wanted extensions;
//! hidden entries left out), with a file-name field when saving. Keys: Up and Down move the
//! selection, Enter opens a folder or picks a file (or the typed name), Backspace goes to the
//! parent folder when no text field has the focus, Escape cancels. A folder that cannot be
//! read says why, and the chooser stays usable (Up still works).

use std::path::{Path, PathBuf};

use eframe::egui::{self, Key, RichText, Ui};

/// What the chooser is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChooserMode {
    /// Pick an existing file.
    Open,
    /// Type (or pick) a file name to write.
    Save,
    /// Pick a folder (the current one).
    Folder,
}

/// How a chooser ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChooserOutcome {
    Picked(PathBuf),
    Cancelled,
}

/// One line of the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChooserEntry {
    pub name: String,
    pub is_dir: bool,
}

/// The chooser's state: where it is, what it shows, what is selected or typed.
#[derive(Debug)]
pub struct FileChooser {
    pub mode: ChooserMode,
    pub title: String,
    pub dir: PathBuf,
    pub entries: Vec<ChooserEntry>,
    /// The file name being typed (Save).
    pub file_name: String,
    /// Lower-case extensions without the dot; empty shows every file.
    pub extensions: Vec<String>,
    pub selected: Option<usize>,
    /// Why the folder cannot be read, or why the choice cannot be taken.
    pub error: Option<String>,
}

impl FileChooser {
    /// A chooser in `mode`, starting in `dir`, showing files with one of `extensions`.
    pub fn new(mode: ChooserMode, title: &str, dir: &Path, extensions: &[&str]) -> Self {
        let mut chooser = Self {
            mode,
            title: title.to_string(),
            dir: PathBuf::new(),
            entries: Vec::new(),
            file_name: String::new(),
            extensions: extensions.iter().map(|e| e.to_lowercase()).collect(),
            selected: None,
            error: None,
        };
        chooser.enter(dir.to_path_buf());
        chooser
    }

    /// Shows `dir`, or says why it cannot be read.
    pub fn enter(&mut self, dir: PathBuf) {
        self.selected = None;
        self.entries.clear();
        match list(&dir, &self.extensions) {
            Ok(entries) => {
                self.entries = entries;
                self.error = None;
            }
            Err(e) => self.error = Some(format!("Cannot read the folder {}: {e}", dir.display())),
        }
        self.dir = dir;
    }

    /// Goes to the parent folder, if there is one.
    pub fn up(&mut self) {
        if let Some(parent) = self.dir.parent().map(Path::to_path_buf) {
            self.enter(parent);
        }
    }

    /// Moves the selection by `step` entries, staying within the list.
    fn step(&mut self, step: isize) {
        if self.entries.is_empty() {
            return;
        }
        let last = self.entries.len() - 1;
        self.selected = Some(match self.selected {
            None if step > 0 => 0,
            None => last,
            Some(i) => i.saturating_add_signed(step).min(last),
        });
    }

    /// Acts on an entry: a folder is entered; a file is picked (Open) or named (Save).
    fn activate(&mut self, index: usize) -> Option<ChooserOutcome> {
        let entry = self.entries.get(index)?.clone();
        let path = self.dir.join(&entry.name);
        if entry.is_dir {
            self.enter(path);
            return None;
        }
        match self.mode {
            ChooserMode::Open => Some(ChooserOutcome::Picked(path)),
            ChooserMode::Save => {
                self.file_name = entry.name;
                self.confirm()
            }
            ChooserMode::Folder => None,
        }
    }

    /// The button's action: the selected file (Open), the typed name (Save), the folder.
    pub fn confirm(&mut self) -> Option<ChooserOutcome> {
        match self.mode {
            ChooserMode::Folder => Some(ChooserOutcome::Picked(self.dir.clone())),
            ChooserMode::Open => match self.selected {
                Some(i) => self.activate(i),
                None => {
                    self.error = Some("Select a file first".into());
                    None
                }
            },
            ChooserMode::Save => {
                let name = self.file_name.trim();
                if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
                    self.error = Some("Type a file name (without a folder)".into());
                    return None;
                }
                Some(ChooserOutcome::Picked(
                    self.dir.join(self.with_extension(name)),
                ))
            }
        }
    }

    /// `name` with the first wanted extension added when it has none of them.
    fn with_extension(&self, name: &str) -> String {
        match self.extensions.first() {
            Some(ext) if !has_extension(name, &self.extensions) => format!("{name}.{ext}"),
            _ => name.to_string(),
        }
    }

    /// Draws the chooser; returns what was chosen once something was.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<ChooserOutcome> {
        let mut outcome = None;
        ui.heading(&self.title);
        ui.horizontal(|ui| {
            if ui
                .button("Up")
                .on_hover_text("Parent folder (Backspace)")
                .clicked()
            {
                self.up();
            }
            ui.label(RichText::new(self.dir.display().to_string()).monospace());
        });
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        outcome = outcome.or(self.listing(ui));
        if self.mode == ChooserMode::Save {
            ui.horizontal(|ui| {
                let label = ui.label("File name");
                let field = ui
                    .text_edit_singleline(&mut self.file_name)
                    .labelled_by(label.id);
                if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    outcome = outcome.take().or_else(|| self.confirm());
                }
            });
        }
        ui.horizontal(|ui| {
            let action = match self.mode {
                ChooserMode::Open => "Open",
                ChooserMode::Save => "Save",
                ChooserMode::Folder => "Choose this folder",
            };
            if ui.button(action).clicked() {
                outcome = outcome.take().or_else(|| self.confirm());
            }
            if ui.button("Cancel").clicked() {
                outcome = Some(ChooserOutcome::Cancelled);
            }
        });
        outcome.or_else(|| self.keys(ui))
    }

    fn listing(&mut self, ui: &mut Ui) -> Option<ChooserOutcome> {
        let mut activated = None;
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, entry) in self.entries.iter().enumerate() {
                    let text = if entry.is_dir {
                        format!("{}/", entry.name)
                    } else {
                        entry.name.clone()
                    };
                    let row = ui.selectable_label(self.selected == Some(i), text);
                    if self.selected == Some(i) {
                        row.scroll_to_me(None);
                    }
                    if row.double_clicked() {
                        activated = Some(i);
                    } else if row.clicked() {
                        self.selected = Some(i);
                    }
                }
                if self.entries.is_empty() && self.error.is_none() {
                    ui.weak("Nothing to show here");
                }
            });
        activated.and_then(|i| self.activate(i))
    }

    /// Keyboard navigation, when no text field has the focus.
    fn keys(&mut self, ui: &Ui) -> Option<ChooserOutcome> {
        if ui.memory(|m| m.focused().is_some()) && self.mode == ChooserMode::Save {
            return None;
        }
        let pressed = |key| ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
        if pressed(Key::Escape) {
            return Some(ChooserOutcome::Cancelled);
        }
        if pressed(Key::ArrowDown) {
            self.step(1);
        }
        if pressed(Key::ArrowUp) {
            self.step(-1);
        }
        if pressed(Key::Backspace) {
            self.up();
        }
        if pressed(Key::Enter) {
            return match self.selected {
                Some(i) => self.activate(i),
                None => self.confirm(),
            };
        }
        None
    }
}

fn has_extension(name: &str, extensions: &[String]) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The visible entries of `dir`: folders first, then files with a wanted extension, each
/// group sorted by name ignoring case.
fn list(dir: &Path, extensions: &[String]) -> std::io::Result<Vec<ChooserEntry>> {
    let mut entries: Vec<ChooserEntry> = std::fs::read_dir(dir)?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // A link to a folder counts as a folder.
            let is_dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
            let shown = !name.starts_with('.')
                && (is_dir || extensions.is_empty() || has_extension(&name, extensions));
            shown.then_some(ChooserEntry { name, is_dir })
        })
        .collect();
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
    Ok(entries)
}

#[cfg(test)]
#[path = "file_chooser_tests.rs"]
mod tests;
