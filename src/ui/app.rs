//! The window's frame loop. Each frame: poll background work and input into commands, apply
//! every queued command (so the frame shows their effects), draw the panels (which queue new
//! commands), then drop this frame's one-off requests.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::{self, Ui};

use crate::graph::load_graph_str;
use crate::io::{Scope, describe_filter};
use crate::model::load::{DEFAULT_ATLAS_NAME, DEFAULT_ATLAS_RON};
use crate::model::{Atlas, LoadError};

use super::command::{Command, LoadFailure};
use super::dataset::DatasetSource;
use super::export::{
    PngExport, export_changes_in_background, export_in_background, save_text_in_background,
};
use super::jobs::{FileDialogs, Jobs, is_dataset};
use super::recovery::RecoveryWorker;
use super::state::{AppState, Prefs};
use super::theme::{self, Palette, ThemeChoice};
use super::unsaved;
use super::verbs;
use super::views::map::MapView;
use super::views::network::NetworkView;
use super::views::search::SearchView;
use super::views::timeline::{TimelineView, advance};
use super::windows::{self, AtlasWindow};

const PREFS_KEY: &str = "atlas-prefs";
/// A guard against commands that keep queueing each other within one frame.
const MAX_COMMANDS_PER_FRAME: usize = 10_000;

/// How the app starts.
pub struct AppOptions {
    /// A dataset to open instead of the one remembered (command line).
    pub dataset: Option<PathBuf>,
    pub dialogs: Arc<dyn FileDialogs>,
    /// Read preferences from eframe storage (off in tests, so runs do not leak into each other).
    pub restore: bool,
    /// The recovery file that keeps unsaved edits safe (none: no recovery; tests use a
    /// folder of their own).
    pub recovery: Option<PathBuf>,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            dataset: None,
            dialogs: Arc::new(super::dialog_fallback::FallbackDialogs::default()),
            restore: true,
            recovery: super::recovery::default_location(),
        }
    }
}

pub struct AtlasApp {
    pub state: AppState,
    queue: Vec<Command>,
    pub network: NetworkView,
    pub map: MapView,
    pub timeline: TimelineView,
    pub(super) search: SearchView,
    pub windows: Vec<Box<dyn AtlasWindow>>,
    pub jobs: Jobs,
    styled: Option<(bool, bool, bool)>,
    pub png: PngExport,
    title: String,
    /// Keeps a copy of unsaved edits on disk (none when there is no data folder).
    pub(super) recovery: Option<RecoveryWorker>,
    /// Where the story card was drawn in the last frame (none without a story).
    pub(super) story_card: Option<egui::Rect>,
    /// The height the story card's contents asked for in the last frame.
    pub(super) story_card_needs: f32,
    /// Where the side panels and the canvas were drawn in the last frame.
    pub(super) shown: super::panels::ShownRects,
    /// When the story and its step began, for the presenter view.
    pub(super) presenter_clock: super::presenter::PresenterClock,
}

impl AtlasApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let prefs: Prefs = if options.restore {
            cc.storage.and_then(restore_prefs).unwrap_or_default()
        } else {
            Prefs::default()
        };
        theme::install_fonts(&cc.egui_ctx);
        let remembered = prefs.dataset.clone();
        let (state, failure) = embedded_state(Prefs {
            dataset: None,
            // The selection it belonged to is not restored: a launch shows the whole network.
            ego_only: false,
            ..prefs
        });
        let mut app = Self {
            state,
            queue: Vec::new(),
            network: NetworkView::default(),
            map: MapView::default(),
            timeline: TimelineView::default(),
            search: SearchView::default(),
            windows: windows::all(),
            jobs: Jobs::new(options.dialogs),
            styled: None,
            png: PngExport::default(),
            title: String::new(),
            recovery: None,
            story_card: None,
            story_card_needs: 0.0,
            shown: Default::default(),
            presenter_clock: Default::default(),
        };
        app.state.dataset.failure = failure;
        let dataset = options.dataset.or(remembered).map(DatasetSource::File);
        app.start_recovery(&cc.egui_ctx, options.recovery, dataset);
        app
    }

    /// Starts keeping the recovery file. One left by an earlier session is offered before
    /// `dataset` opens (opening it first would race the offer).
    fn start_recovery(
        &mut self,
        ctx: &egui::Context,
        path: Option<PathBuf>,
        dataset: Option<DatasetSource>,
    ) {
        let worker = path.map(|path| RecoveryWorker::start(ctx, path));
        match worker {
            Some(Ok(worker)) if worker.path().exists() => {
                worker.check();
                self.state.unsaved.deferred = dataset;
                self.recovery = Some(worker);
                return;
            }
            Some(Ok(worker)) => self.recovery = Some(worker),
            Some(Err(e)) => {
                self.state.status = Some(format!(
                    "Unsaved edits will not be kept for recovery (no background task: {e})"
                ));
            }
            None => {}
        }
        if let Some(source) = dataset {
            self.jobs.load(ctx, source);
        }
    }

    /// The window title as last set: the file, marked while it has unsaved edits.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Where the story card was drawn in the last frame (none without a story).
    pub fn story_card_rect(&self) -> Option<egui::Rect> {
        self.story_card
    }

    /// Where the side panels and the canvas were drawn in the last frame.
    pub fn shown_rects(&self) -> &super::panels::ShownRects {
        &self.shown
    }

    /// Queues a command as if a panel had sent it (tests).
    pub fn send(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Applies everything queued, including what the commands themselves queue (a verb
    /// becomes commands), before anything is drawn.
    fn handle_queue(&mut self, ctx: &egui::Context) {
        let mut pending: VecDeque<Command> = std::mem::take(&mut self.queue).into();
        let mut handled = 0;
        while let Some(command) = pending.pop_front() {
            handled += 1;
            if handled > MAX_COMMANDS_PER_FRAME {
                break;
            }
            pending.extend(self.handle(ctx, command));
        }
    }

    /// Carries out one command; returns the commands it leads to.
    fn handle(&mut self, ctx: &egui::Context, command: Command) -> Vec<Command> {
        if self.guarded(&command) {
            return Vec::new();
        }
        match command {
            Command::Saved(outcome) => return self.saved(ctx, outcome),
            Command::Unsaved(answer) => return self.answer_guard(ctx, answer),
            Command::RecoveryChecked(offer) => return self.recovery_checked(offer),
            Command::Recover(recover) => return self.recover(recover),
            _ => {}
        }
        match &command {
            Command::Run(verb) => return self.run_verb(ctx, *verb),
            Command::Export(format) => export_in_background(
                ctx,
                &self.jobs,
                Arc::clone(&self.state.dataset.graph),
                Scope {
                    visible: self.state.view.visible.clone(),
                    description: describe_filter(
                        &self.state.dataset.graph,
                        &self.state.prefs.filter,
                    ),
                },
                *format,
                self.state.dataset.source.remembered(),
            ),
            Command::ExportWhole(format) => export_in_background(
                ctx,
                &self.jobs,
                Arc::clone(&self.state.dataset.graph),
                Scope::whole(&self.state.dataset.graph),
                *format,
                self.state.dataset.source.remembered(),
            ),
            Command::ExportPicture(request) => self.png.request_picture(ctx, *request),
            Command::OpenLink(url) => self.jobs.open_link(ctx, url.clone()),
            Command::SaveText(file) => {
                let dataset = self.state.dataset.source.remembered();
                save_text_in_background(ctx, &self.jobs, file.clone(), dataset);
                self.state.status = Some(format!("Saving {}…", file.what));
            }
            Command::ExportChanges { changes, markdown } => export_changes_in_background(
                ctx,
                &self.jobs,
                Arc::clone(&self.state.dataset.graph),
                (**changes).clone(),
                *markdown,
                self.state.dataset.source.remembered(),
            ),
            Command::SetPresentation(on) => {
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(*on));
            }
            _ => {}
        }
        if let Some(source) = self.state.apply(command) {
            self.jobs.load(ctx, source);
        }
        Vec::new()
    }

    fn restyle(&mut self, ctx: &egui::Context, palette: Palette) {
        let key = (
            palette.dark,
            palette.high_contrast,
            self.state.view.presentation,
        );
        if self.styled != Some(key) {
            theme::apply(ctx, palette, self.state.view.presentation);
            self.styled = Some(key);
        }
    }

    /// Background results, dropped files, shortcuts and the play clock, as commands.
    fn poll(&mut self, ctx: &egui::Context) {
        self.guard_close(ctx);
        self.queue.extend(self.jobs.finished());
        if let Some(recovery) = &self.recovery {
            self.queue.extend(recovery.finished());
        }
        self.dropped_files(ctx);
        self.queue.extend(unsaved::modal_keys(ctx, &self.state));
        // While a modal asks something, shortcuts wait (Ctrl+O must not open behind it).
        if !self.state.unsaved.modal_open() {
            let pressed = verbs::pressed(ctx, &self.state);
            self.queue.extend(pressed.into_iter().map(Command::Run));
        }
        self.play(ctx);
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
                self.queue.push(Command::Open(DatasetSource::File(path)));
            } else {
                self.queue.push(Command::Status(format!(
                    "{} is not an atlas dataset (.ron)",
                    path.display()
                )));
            }
        }
    }

    fn play(&mut self, ctx: &egui::Context) {
        if !self.state.view.playing {
            return;
        }
        let (lo, hi) = self.state.time_range();
        let dt = f64::from(ctx.input(|i| i.stable_dt)).min(0.1);
        let speed = self.state.prefs.play_speed;
        let (t, done) = advance(self.state.as_of().unwrap_or(lo), dt, hi, speed);
        self.queue.push(Command::SetAsOf(Some(t)));
        if done {
            self.queue.push(Command::SetPlaying(false));
        }
        ctx.request_repaint();
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.state.dataset.is_unsaved() {
            "• "
        } else {
            ""
        };
        let title = format!(
            "{mark}{} — Tech Diplomacy Atlas",
            self.state.dataset.file_name()
        );
        if self.title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// The state on the embedded atlas, and why it failed should it ever fail (it is tested, but
/// the window then opens empty and says why rather than not at all).
fn embedded_state(prefs: Prefs) -> (AppState, Option<LoadFailure>) {
    match load_graph_str(DEFAULT_ATLAS_RON, DEFAULT_ATLAS_NAME) {
        Ok(loaded) => (AppState::new(loaded, prefs), None),
        Err(e) => (empty_state(prefs), Some(failure_of(&e))),
    }
}

fn empty_state(prefs: Prefs) -> AppState {
    let loaded = crate::graph::LoadedGraph {
        graph: crate::graph::AtlasGraph::new(Atlas::default()),
        origin: "empty".into(),
        warnings: Vec::new(),
    };
    AppState::new(loaded, prefs)
}

fn failure_of(error: &LoadError) -> LoadFailure {
    LoadFailure::new(error, "embedded atlas")
}

/// The preferences saved by the last session, if any (and if they still parse: a file from
/// an older version falls back to the defaults rather than failing the start).
pub fn restore_prefs(storage: &dyn eframe::Storage) -> Option<Prefs> {
    eframe::get_value(storage, PREFS_KEY)
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
        self.poll(&ctx);
        self.handle_queue(&ctx);
        let palette = palette_of(&ctx, &self.state);
        self.restyle(&ctx, palette);
        if let Some(message) = self
            .recovery
            .as_mut()
            .and_then(|r| r.tick(&ctx, &self.state.dataset))
        {
            self.state.status = Some(message);
        }
        let mut out = self.draw(ui, palette);
        unsaved::show(&ctx, &self.state, &mut out);
        self.presenter_view(&ctx, palette, &mut out);
        super::dialog_fallback::show(&ctx);
        self.update_title(&ctx);
        if let Some(message) = self.png.poll(
            &ctx,
            frame,
            &self.jobs,
            &self.state,
            (&self.network, &self.map),
            palette,
        ) {
            out.push(Command::Status(message));
        }
        self.state.requests.clear();
        if !out.is_empty() {
            self.queue.extend(out);
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.state.prefs);
    }
}
