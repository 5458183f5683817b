//! What each user verb does: the one place a verb's effect is written, whether it came from
//! a menu, a button, a panel or the keyboard.

use eframe::egui;

use super::app::AtlasApp;
use super::command::{Command, Panel, Request};
use super::dataset::DatasetSource;
use super::state::Canvas;
use super::verbs::Verb;
use super::windows;

impl AtlasApp {
    /// Carries out a verb; returns the commands it turns into (applied in the same frame).
    pub fn run_verb(&mut self, ctx: &egui::Context, verb: Verb) -> Vec<Command> {
        if !verb.enabled(&self.state) {
            return Vec::new();
        }
        match verb {
            Verb::Open => self.jobs.open_dialog(ctx),
            Verb::Save => self.save(ctx, false),
            Verb::SaveAs => self.save(ctx, true),
            Verb::ExportPng => self.png.request(ctx, 1.0),
            Verb::ExportPng2x => self.png.request(ctx, 2.0),
            Verb::ExportPicture => {
                return vec![Command::SetWindowOpen(windows::EXPORT_PICTURE, true)];
            }
            Verb::Brief(of) => self.brief(ctx, of),
            Verb::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Verb::Search => self.state.requests.push(Request::FocusSearch),
            Verb::FitNetwork => self.state.requests.push(Request::FitNetwork),
            _ => return self.commands_of(verb),
        }
        Vec::new()
    }

    /// The commands of the verbs that only change state.
    fn commands_of(&self, verb: Verb) -> Vec<Command> {
        let state = &self.state;
        match verb {
            Verb::OpenEmbedded => vec![Command::Open(DatasetSource::Embedded)],
            Verb::Reload => vec![Command::Reload],
            Verb::Export(format) => vec![Command::Export(format)],
            Verb::ExportWhole(format) => vec![Command::ExportWhole(format)],
            Verb::Presentation => vec![Command::SetPresentation(!state.view.presentation)],
            Verb::ToggleMap => vec![Command::SetCanvas(match state.prefs.canvas {
                Canvas::Network => Canvas::Map,
                Canvas::Map => Canvas::Network,
            })],
            Verb::PlayPause => self.play_pause(),
            Verb::Today => vec![Command::SetPlaying(false), Command::SetAsOf(None)],
            Verb::NextStep => vec![Command::StoryStep(1)],
            Verb::PreviousStep => vec![Command::StoryStep(-1)],
            Verb::PresenterView => vec![Command::SetPresenter(!state.view.presenter)],
            Verb::Back => vec![Command::Back],
            Verb::Forward => vec![Command::Forward],
            Verb::Escape => vec![self.escape()],
            Verb::PathFinder => vec![self.toggle_window(windows::PATH_FINDER)],
            Verb::Centrality => vec![self.toggle_window(windows::CENTRALITY)],
            Verb::WhatChanged => vec![self.toggle_window(windows::WHAT_CHANGED)],
            Verb::DateBack => self.step_date(-1.0),
            Verb::DateForward => self.step_date(1.0),
            Verb::Glossary => vec![self.toggle_window(windows::GLOSSARY)],
            Verb::Help => vec![self.toggle_window(windows::HELP)],
            Verb::ToggleRegions => vec![Command::TogglePanel(Panel::Regions)],
            Verb::ToggleDetails => vec![Command::TogglePanel(Panel::Details)],
            Verb::ToggleTimeline => vec![Command::TogglePanel(Panel::Timeline)],
            Verb::Open
            | Verb::Save
            | Verb::SaveAs
            | Verb::ExportPicture
            | Verb::ExportPng
            | Verb::ExportPng2x
            | Verb::Brief(_)
            | Verb::Quit
            | Verb::Search
            | Verb::FitNetwork => Vec::new(),
        }
    }

    /// Play from the left edge of the years the timeline shows when the cursor is at the end
    /// (or today) or outside them; pause otherwise.
    fn play_pause(&self) -> Vec<Command> {
        let state = &self.state;
        let (lo, hi) = state.time_range();
        let start = self.timeline.play_start((lo, hi));
        let mut commands = Vec::new();
        if !state.view.playing && state.as_of().is_none_or(|t| t >= hi || t < start) {
            commands.push(Command::SetAsOf(Some(start)));
        }
        commands.push(Command::SetPlaying(!state.view.playing));
        commands
    }

    /// One month back or forward from the cursor (from today's end of the axis when it is
    /// unset); forward past the end is today again.
    fn step_date(&self, months: f64) -> Vec<Command> {
        let (lo, hi) = self.state.time_range();
        let t = self.state.as_of().unwrap_or(hi) + months / 12.0;
        let next = (t < hi).then_some(t.max(lo));
        vec![Command::SetPlaying(false), Command::SetAsOf(next)]
    }

    fn toggle_window(&self, name: &'static str) -> Command {
        Command::SetWindowOpen(name, !self.state.is_open(name))
    }

    /// Esc closes the innermost thing open.
    fn escape(&self) -> Command {
        let state = &self.state;
        if state.is_open(windows::HELP) {
            Command::SetWindowOpen(windows::HELP, false)
        } else if state.dataset.failure.is_some() {
            Command::DismissFailure
        } else if state.view.story.is_some() {
            Command::StopStory
        } else if state.view.presentation {
            Command::SetPresentation(false)
        } else {
            Command::ClearSelection
        }
    }
}
