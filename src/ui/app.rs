//! The window: panels laid out around the network, shortcuts, background jobs, and the one
//! place where queued commands are applied.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::{self, KeyboardShortcut, Ui};

use crate::model::{Atlas, Loaded, load_default};

use super::actions::{ACTIONS, Action, is_plain};
use super::command::{Command, Panel, Window};
use super::export::{PngExport, export_in_background};
use super::jobs::{FileDialogs, Jobs, NativeDialogs, is_dataset};
use super::state::{AppState, LoadFailure, Prefs};
use super::theme::{self, Palette, ThemeChoice};
use super::views::centrality::CentralityView;
use super::views::glossary::GlossaryView;
use super::views::network::NetworkView;
use super::views::paths::PathFinder;
use super::views::search::SearchView;
use super::views::timeline::{TimelineView, advance};
use super::views::{details, help, regions, stories};
use super::{chrome, overlays};

const PREFS_KEY: &str = "atlas-prefs";

/// How the app starts.
pub struct AppOptions {
    /// A dataset to open instead of the one remembered (command line).
    pub dataset: Option<PathBuf>,
    pub dialogs: Arc<dyn FileDialogs>,
    /// Read preferences from eframe storage (off in tests, so runs do not leak into each other).
    pub restore: bool,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            dataset: None,
            dialogs: Arc::new(NativeDialogs),
            restore: true,
        }
    }
}

pub struct AtlasApp {
    pub state: AppState,
    queue: Vec<Command>,
    pub network: NetworkView,
    timeline: TimelineView,
    search: SearchView,
    glossary: GlossaryView,
    pub path_finder: PathFinder,
    centrality: CentralityView,
    pub jobs: Jobs,
    styled: Option<(bool, bool, bool)>,
    pub png: PngExport,
    title: String,
}

impl AtlasApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let prefs: Prefs = if options.restore {
            cc.storage.and_then(restore_prefs).unwrap_or_default()
        } else {
            Prefs::default()
        };
        let (loaded, failure) = match load_default() {
            Ok(loaded) => (loaded, None),
            // The embedded atlas is tested; should it ever fail, open empty and say why.
            Err(e) => (
                Loaded {
                    atlas: Atlas::default(),
                    origin: "empty".into(),
                    warnings: Vec::new(),
                },
                Some(LoadFailure {
                    origin: "embedded atlas".into(),
                    messages: e.messages(),
                }),
            ),
        };
        theme::install_fonts(&cc.egui_ctx);
        let remembered = prefs.dataset.clone();
        let mut state = AppState::new(
            loaded,
            Prefs {
                dataset: None,
                ..prefs
            },
        );
        state.failure = failure;
        let mut jobs = Jobs::new(options.dialogs);
        if let Some(path) = options.dataset.or(remembered) {
            jobs.load(&cc.egui_ctx, path);
        }
        Self {
            state,
            queue: Vec::new(),
            network: NetworkView::default(),
            timeline: TimelineView::default(),
            search: SearchView::default(),
            glossary: GlossaryView::default(),
            path_finder: PathFinder::default(),
            centrality: CentralityView::default(),
            jobs,
            styled: None,
            png: PngExport::default(),
            title: String::new(),
        }
    }

    /// Queues a command as if a panel had sent it (tests and the shortcut handler).
    pub fn send(&mut self, command: Command) {
        self.queue.push(command);
    }

    fn restyle(&mut self, ctx: &egui::Context, palette: Palette) {
        let key = (palette.dark, palette.high_contrast, self.state.presentation);
        if self.styled != Some(key) {
            theme::apply(ctx, palette, self.state.presentation);
            self.styled = Some(key);
        }
    }

    /// Keyboard shortcuts into commands; plain keys are left alone while a text field has focus.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        // egui matches shortcuts ignoring an extra Shift, so Ctrl+Shift+E would also match
        // Ctrl+E: try the shortcuts with more modifiers first.
        let mut bindings: Vec<(Action, &KeyboardShortcut)> = ACTIONS
            .iter()
            .flat_map(|(action, _, keys)| keys.iter().map(move |k| (*action, k)))
            .collect();
        bindings.sort_by_key(|(_, k)| std::cmp::Reverse(modifier_count(k.modifiers)));
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            for (action, key) in bindings {
                if typing && is_plain(key) && action != Action::Escape {
                    continue;
                }
                if !fired.contains(&action) && input.consume_shortcut(key) {
                    fired.push(action);
                }
            }
        });
        for action in fired {
            self.act(ctx, action);
        }
    }

    /// Carries out a user verb, from a shortcut or a menu.
    pub fn act(&mut self, ctx: &egui::Context, action: Action) {
        let story = self.state.story.is_some();
        let command = match action {
            Action::Search => {
                SearchView::focus(ctx);
                None
            }
            Action::Open => {
                self.jobs.open_dialog(ctx);
                None
            }
            Action::Reload => Some(Command::Reload),
            Action::Presentation => Some(Command::SetPresentation(!self.state.presentation)),
            Action::Help => Some(Command::ToggleWindow(Window::Help)),
            Action::Back => Some(Command::Back),
            Action::Forward => Some(Command::Forward),
            Action::FitNetwork => {
                self.network.fit(&self.state, ctx.input(|i| i.time));
                None
            }
            Action::PlayPause => {
                let (lo, hi) = self.state.time_range();
                if !self.state.playing && self.state.as_of().is_none_or(|t| t >= hi) {
                    self.queue.push(Command::SetAsOf(Some(lo)));
                }
                Some(Command::SetPlaying(!self.state.playing))
            }
            Action::ClearTime => {
                self.queue.push(Command::SetPlaying(false));
                Some(Command::SetAsOf(None))
            }
            Action::NextStep if story => Some(Command::StoryStep(1)),
            Action::PreviousStep if story => Some(Command::StoryStep(-1)),
            Action::NextStep | Action::PreviousStep => None,
            Action::Escape => Some(self.escape()),
            Action::PathFinder => Some(Command::ToggleWindow(Window::PathFinder)),
            Action::Centrality => Some(Command::ToggleWindow(Window::Centrality)),
            Action::Glossary => Some(Command::ToggleWindow(Window::Glossary)),
            Action::ToggleRegions => Some(Command::TogglePanel(Panel::Regions)),
            Action::ToggleDetails => Some(Command::TogglePanel(Panel::Details)),
            Action::ToggleTimeline => Some(Command::TogglePanel(Panel::Timeline)),
            Action::ExportPng => {
                self.png.request(ctx, 1.0);
                None
            }
            Action::ExportPng2x => {
                self.png.request(ctx, 2.0);
                None
            }
            Action::Quit => {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                None
            }
        };
        if let Some(c) = command {
            self.queue.push(c);
        }
    }

    /// Esc closes the innermost thing open.
    fn escape(&self) -> Command {
        let w = self.state.windows;
        if w.help {
            Command::ToggleWindow(Window::Help)
        } else if self.state.failure.is_some() {
            Command::DismissFailure
        } else if self.state.story.is_some() {
            Command::StopStory
        } else if self.state.presentation {
            Command::SetPresentation(false)
        } else {
            Command::ClearSelection
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        for path in dropped {
            if is_dataset(&path) {
                self.queue.push(Command::Open(path));
            } else {
                self.queue.push(Command::Status(format!(
                    "{} is not an atlas dataset (.ron)",
                    path.display()
                )));
            }
        }
    }

    fn play(&mut self, ctx: &egui::Context) {
        if !self.state.playing {
            return;
        }
        let (lo, hi) = self.state.time_range();
        let dt = f64::from(ctx.input(|i| i.stable_dt)).min(0.1);
        let (t, done) = advance(self.state.as_of().unwrap_or(lo), dt, hi);
        self.queue.push(Command::SetAsOf(Some(t)));
        if done {
            self.queue.push(Command::SetPlaying(false));
        }
        ctx.request_repaint();
    }

    /// Applies everything queued this frame; some commands also need the window.
    fn apply_queue(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.queue) {
            match &command {
                Command::SetPresentation(on) => {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(*on))
                }
                Command::Export(format) => export_in_background(
                    ctx,
                    &self.jobs,
                    Arc::clone(&self.state.graph),
                    self.state.visible.clone(),
                    *format,
                    self.state.prefs.dataset.clone(),
                ),
                _ => {}
            }
            if let Some(path) = self.state.apply(command) {
                self.jobs.load(ctx, path);
            }
        }
    }

    /// Lays out the whole window for this frame.
    fn draw(&mut self, ui: &mut Ui, palette: Palette) {
        let mut out = Vec::new();
        let presenting = self.state.presentation;
        let mut picked: Option<Action> = None;
        egui::Panel::top("toolbar").show(ui, |ui| {
            chrome::toolbar(
                ui,
                &self.state,
                &mut self.search,
                palette,
                &mut out,
                &mut picked,
            );
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            chrome::status_bar(ui, &self.state, self.jobs.loading > 0, palette)
        });
        if self.state.prefs.show_timeline {
            // Presentation has its own panel (and remembered height): large type needs room.
            let (id, height) = if presenting {
                ("timeline-presenting", 340.0)
            } else {
                ("timeline", 240.0)
            };
            egui::Panel::bottom(id)
                .resizable(true)
                .default_size(height)
                .min_size(110.0)
                .show(ui, |ui| {
                    self.timeline.ui(ui, &self.state, palette, &mut out)
                });
        }
        if self.state.prefs.show_regions && !presenting {
            egui::Panel::left("regions")
                .resizable(true)
                .default_size(250.0)
                .min_size(180.0)
                .show(ui, |ui| regions::ui(ui, &self.state, palette, &mut out));
        }
        if self.state.prefs.show_details && (!presenting || self.state.story.is_none()) {
            egui::Panel::right("details")
                .resizable(true)
                .default_size(if presenting { 480.0 } else { 320.0 })
                .min_size(220.0)
                .show(ui, |ui| details::ui(ui, &self.state, palette, &mut out));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let rect = ui.max_rect();
                out.extend(self.network.ui(ui, &self.state, palette));
                self.png.capture_rect(rect);
                overlays::legend(ui, rect, &self.state, palette, &mut out);
                overlays::network_controls(ui, rect, &self.state, palette, &mut out, &mut picked);
                if self.state.story.is_some() {
                    overlays::story_caption(ui, rect, |ui| {
                        stories::caption(ui, &self.state, palette, &mut out)
                    });
                }
            });
        self.windows(ui.ctx(), &mut out);
        if let Some(action) = picked {
            self.act(ui.ctx(), action);
        }
        self.queue.extend(out);
    }

    fn windows(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let state = &self.state;
        let mut open = state.windows;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open.help)
            .collapsible(false)
            .show(ctx, help::ui);
        egui::Window::new("Glossary")
            .open(&mut open.glossary)
            .default_size([420.0, 480.0])
            .show(ctx, |ui| self.glossary.ui(ui, state, out));
        egui::Window::new("How is X connected to Y?")
            .open(&mut open.path_finder)
            .default_width(420.0)
            .show(ctx, |ui| self.path_finder.ui(ui, state, out));
        egui::Window::new("Centrality")
            .open(&mut open.centrality)
            .default_size([460.0, 520.0])
            .show(ctx, |ui| self.centrality.ui(ui, state, out));
        for (was, now, window) in [
            (state.windows.help, open.help, Window::Help),
            (state.windows.glossary, open.glossary, Window::Glossary),
            (
                state.windows.path_finder,
                open.path_finder,
                Window::PathFinder,
            ),
            (
                state.windows.centrality,
                open.centrality,
                Window::Centrality,
            ),
        ] {
            if was != now {
                out.push(Command::ToggleWindow(window));
            }
        }
        if let Some(failure) = &state.failure {
            overlays::load_failure(ctx, failure, palette_of(ctx, state), out);
        }
    }
}

/// The preferences saved by the last session, if any (and if they still parse: a file from
/// an older version falls back to the defaults rather than failing the start).
pub fn restore_prefs(storage: &dyn eframe::Storage) -> Option<Prefs> {
    eframe::get_value(storage, PREFS_KEY)
}

fn modifier_count(m: egui::Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.shift)
}

/// The palette the preferences ask for; "system" follows the desktop, dark when unknown.
pub fn palette_of(ctx: &egui::Context, state: &AppState) -> Palette {
    let dark = match state.prefs.theme {
        ThemeChoice::Dark => true,
        ThemeChoice::Light => false,
        ThemeChoice::System => ctx.system_theme().is_none_or(|t| t == egui::Theme::Dark),
    };
    Palette {
        dark,
        high_contrast: state.prefs.high_contrast,
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.queue.extend(self.jobs.finished());
        let palette = palette_of(&ctx, &self.state);
        self.restyle(&ctx, palette);
        self.dropped_files(&ctx);
        self.shortcuts(&ctx);
        self.play(&ctx);
        self.draw(ui, palette);
        let window_title = format!("Tech Diplomacy Atlas — {}", self.state.origin);
        if self.title != window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(window_title.clone()));
            self.title = window_title;
        }
        if let Some(message) =
            self.png
                .poll(&ctx, frame, &self.jobs, &self.state, &self.network, palette)
        {
            self.queue.push(Command::Status(message));
        }
        self.apply_queue(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.state.prefs);
    }
}
