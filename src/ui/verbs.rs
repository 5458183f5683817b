//! The user's verbs: one list, each verb with its label, hint and shortcuts. Menus, toolbar
//! buttons, hover hints, the shortcuts overlay (F1) and the key handler all read it, so a
//! label or a key is written once and cannot drift. What a verb does lives in
//! [`super::app::AtlasApp::run_verb`].

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers, Ui};

use crate::io::ExportFormat;

use super::brief::BriefOf;
use super::command::Command;
use super::state::AppState;

/// Something the user can ask for from a menu, a button or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verb {
    Search,
    Open,
    OpenEmbedded,
    Reload,
    /// Write the atlas to its file (the built-in atlas: ask where).
    Save,
    /// Write the atlas to a file the user picks, which becomes its file.
    SaveAs,
    /// Export the graph as shown: the "as of" date and the filters.
    Export(ExportFormat),
    /// Export the whole atlas: every actor and relation, at every date, unfiltered.
    ExportWhole(ExportFormat),
    /// The "Export picture…" dialog: size, caption, PNG or SVG.
    ExportPicture,
    ExportPng,
    ExportPng2x,
    /// A print-ready briefing (PDF or Markdown) as of the time cursor.
    Brief(BriefOf),
    Quit,
    Presentation,
    FitNetwork,
    ToggleMap,
    PlayPause,
    Today,
    NextStep,
    PreviousStep,
    /// The trainer's second window: the step, its speaker notes, the next step, the time.
    PresenterView,
    Back,
    Forward,
    Escape,
    PathFinder,
    Centrality,
    WhatChanged,
    /// Move the "as of" date a month back or forward.
    DateBack,
    DateForward,
    Glossary,
    Help,
    ToggleRegions,
    ToggleDetails,
    ToggleTimeline,
}

/// Every verb, in the order the shortcuts overlay lists them.
pub const ALL: &[Verb] = &[
    Verb::Search,
    Verb::Open,
    Verb::OpenEmbedded,
    Verb::Reload,
    Verb::Save,
    Verb::SaveAs,
    Verb::ExportPicture,
    Verb::ExportPng,
    Verb::ExportPng2x,
    Verb::Export(ExportFormat::Graphml),
    Verb::Export(ExportFormat::Gexf),
    Verb::Export(ExportFormat::Csv),
    Verb::Export(ExportFormat::Json),
    Verb::ExportWhole(ExportFormat::Graphml),
    Verb::ExportWhole(ExportFormat::Gexf),
    Verb::ExportWhole(ExportFormat::Csv),
    Verb::Brief(BriefOf::Selection),
    Verb::Brief(BriefOf::Region),
    Verb::Brief(BriefOf::Story),
    Verb::Presentation,
    Verb::FitNetwork,
    Verb::ToggleMap,
    Verb::PlayPause,
    Verb::Today,
    Verb::NextStep,
    Verb::PreviousStep,
    Verb::PresenterView,
    Verb::Back,
    Verb::Forward,
    Verb::Escape,
    Verb::PathFinder,
    Verb::Centrality,
    Verb::WhatChanged,
    Verb::DateBack,
    Verb::DateForward,
    Verb::Glossary,
    Verb::Help,
    Verb::ToggleRegions,
    Verb::ToggleDetails,
    Verb::ToggleTimeline,
    Verb::Quit,
];

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const COMMAND: Modifiers = Modifiers::COMMAND;

impl Verb {
    /// The name in menus and in the shortcuts overlay.
    pub fn label(self) -> &'static str {
        match self {
            Verb::Search => "Search actors",
            Verb::Open => "Open a dataset…",
            Verb::OpenEmbedded => "Open the built-in atlas",
            Verb::Reload => "Reload the dataset",
            Verb::Save => "Save",
            Verb::SaveAs => "Save as…",
            Verb::Export(format) => export_label(format),
            Verb::ExportWhole(format) => export_whole_label(format),
            Verb::ExportPicture => "Picture for slides or print (PNG, SVG)…",
            Verb::ExportPng => "Network or map as PNG (as on screen)…",
            Verb::ExportPng2x => "Network or map as PNG at twice the resolution…",
            Verb::Brief(BriefOf::Selection) => "Briefing for the selection…",
            Verb::Brief(BriefOf::Region) => "Briefing for the region…",
            Verb::Brief(BriefOf::Story) => "Briefing for the story…",
            Verb::Quit => "Quit",
            Verb::Presentation => "Presentation mode",
            Verb::FitNetwork => "Fit the network",
            Verb::ToggleMap => "Map / network",
            Verb::PlayPause => "Play / pause the years",
            Verb::Today => "Today",
            Verb::NextStep => "Next story step",
            Verb::PreviousStep => "Previous story step",
            Verb::PresenterView => "Presenter view",
            Verb::Back => "Back to the previous selection",
            Verb::Forward => "Forward to the next selection",
            Verb::Escape => "Close / clear the selection",
            Verb::PathFinder => "How is X connected to Y?",
            Verb::Centrality => "Centrality table",
            Verb::WhatChanged => "What changed between two dates",
            Verb::DateBack => "A month earlier",
            Verb::DateForward => "A month later",
            Verb::Glossary => "Glossary",
            Verb::Help => "Keyboard shortcuts",
            Verb::ToggleRegions => "Regions panel",
            Verb::ToggleDetails => "Details panel",
            Verb::ToggleTimeline => "Timeline",
        }
    }

    /// What it does, for hover hints (the shortcut is added by [`Verb::hint_with_keys`]).
    pub fn hint(self) -> &'static str {
        match self {
            Verb::Search => "Find an actor by name, alias or id",
            Verb::Open => "Open an atlas dataset (.ron) from a file",
            Verb::OpenEmbedded => "Go back to the atlas built into the app",
            Verb::Reload => "Read the dataset file again",
            Verb::Save => "Write the atlas to its file (the built-in atlas asks where)",
            Verb::SaveAs => "Write the atlas to a new file, which it then belongs to",
            Verb::Export(_) => "Export the graph as shown: the \"as of\" date and the filters",
            Verb::ExportWhole(_) => "Export every actor and relation, at every date, unfiltered",
            Verb::ExportPicture => {
                "Save the network or the map at a slide's size, with a caption, as PNG or SVG"
            }
            Verb::ExportPng | Verb::ExportPng2x => {
                "Save the network or the map, as shown, as a picture for slides"
            }
            Verb::Brief(BriefOf::Selection) => {
                "A PDF on the selected actor with numbered sources, as of the time cursor"
            }
            Verb::Brief(BriefOf::Region) => {
                "A PDF on the region chosen in the regions panel, as of the time cursor"
            }
            Verb::Brief(BriefOf::Story) => "A handout of the story being played, for workshops",
            Verb::Quit => "Close the atlas",
            Verb::Presentation => "Full screen, large type",
            Verb::FitNetwork => "Fit the network to the screen",
            Verb::ToggleMap => "Switch between the world map and the network",
            Verb::PlayPause => "Animate the network through the years",
            Verb::Today => "Show every relation (clear the time cursor)",
            Verb::NextStep => "The next step of the story",
            Verb::PreviousStep => "The previous step of the story",
            Verb::PresenterView => {
                "A second window for the trainer's screen: the step, speaker notes, what comes next and the time"
            }
            Verb::Back => "Back to the previous selection",
            Verb::Forward => "Forward to the next selection",
            Verb::Escape => "Close what is open, or clear the selection",
            Verb::PathFinder => "Shortest chains of relations between two actors",
            Verb::Centrality => "Which actors are most connected, and which bridge groups",
            Verb::WhatChanged => {
                "Actors, relations, envoys and events that came or went between two dates"
            }
            Verb::DateBack => "Move the as-of date one month back",
            Verb::DateForward => "Move the as-of date one month forward",
            Verb::Glossary => "Terms of tech diplomacy",
            Verb::Help => "Every shortcut",
            Verb::ToggleRegions => "Show or hide the regions panel",
            Verb::ToggleDetails => "Show or hide the details panel",
            Verb::ToggleTimeline => "Show or hide the timeline",
        }
    }

    /// The keys that run it; the first is the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const SEARCH: &[KeyboardShortcut] = &[key(COMMAND, Key::F), key(NONE, Key::Slash)];
        const HELP: &[KeyboardShortcut] = &[key(NONE, Key::F1), key(NONE, Key::Questionmark)];
        const NEXT: &[KeyboardShortcut] = &[key(NONE, Key::ArrowRight), key(NONE, Key::PageDown)];
        const PREVIOUS: &[KeyboardShortcut] = &[key(NONE, Key::ArrowLeft), key(NONE, Key::PageUp)];
        match self {
            Verb::Search => SEARCH,
            Verb::Open => const { &[key(COMMAND, Key::O)] },
            Verb::Reload => const { &[key(NONE, Key::F5)] },
            Verb::Save => const { &[key(COMMAND, Key::S)] },
            Verb::SaveAs => const { &[key(COMMAND.plus(Modifiers::SHIFT), Key::S)] },
            Verb::ExportPicture => const { &[key(COMMAND.plus(Modifiers::ALT), Key::E)] },
            Verb::ExportPng => const { &[key(COMMAND, Key::E)] },
            Verb::ExportPng2x => const { &[key(COMMAND.plus(Modifiers::SHIFT), Key::E)] },
            Verb::Quit => const { &[key(COMMAND, Key::Q)] },
            Verb::Presentation => const { &[key(NONE, Key::F11)] },
            Verb::FitNetwork => const { &[key(NONE, Key::F)] },
            Verb::ToggleMap => const { &[key(NONE, Key::M)] },
            Verb::PlayPause => const { &[key(NONE, Key::Space)] },
            Verb::Today => const { &[key(NONE, Key::Home)] },
            Verb::NextStep => NEXT,
            Verb::PreviousStep => PREVIOUS,
            // As in common slide software.
            Verb::PresenterView => const { &[key(Modifiers::ALT, Key::F5)] },
            Verb::Back => const { &[key(Modifiers::ALT, Key::ArrowLeft)] },
            Verb::Forward => const { &[key(Modifiers::ALT, Key::ArrowRight)] },
            Verb::Escape => const { &[key(NONE, Key::Escape)] },
            Verb::PathFinder => const { &[key(COMMAND, Key::P)] },
            Verb::Centrality => const { &[key(COMMAND, Key::K)] },
            Verb::WhatChanged => const { &[key(COMMAND, Key::D)] },
            Verb::DateBack => const { &[key(NONE, Key::OpenBracket)] },
            Verb::DateForward => const { &[key(NONE, Key::CloseBracket)] },
            Verb::Glossary => const { &[key(COMMAND, Key::G)] },
            Verb::Help => HELP,
            Verb::ToggleRegions => const { &[key(COMMAND, Key::Num1)] },
            Verb::ToggleDetails => const { &[key(COMMAND, Key::Num2)] },
            Verb::ToggleTimeline => const { &[key(COMMAND, Key::Num3)] },
            Verb::OpenEmbedded | Verb::Export(_) | Verb::ExportWhole(_) | Verb::Brief(_) => &[],
        }
    }

    /// Whether it can run now (a disabled verb is greyed out and its keys do nothing).
    pub fn enabled(self, state: &AppState) -> bool {
        match self {
            Verb::Back => state.view.history.can_go_back(),
            Verb::Forward => state.view.history.can_go_forward(),
            Verb::NextStep | Verb::PreviousStep | Verb::PresenterView => state.view.story.is_some(),
            Verb::Today => state.as_of().is_some() || state.view.playing,
            Verb::OpenEmbedded => !state.dataset.is_embedded(),
            Verb::Brief(of) => of.subject(state).is_some(),
            _ => true,
        }
    }

    /// Its first shortcut as this platform writes it, if it has one.
    pub fn keys_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|k| format_shortcut(ctx, k))
    }

    /// The hint followed by the shortcut, as this platform writes it.
    pub fn hint_with_keys(self, ctx: &egui::Context) -> String {
        match self.keys_text(ctx) {
            Some(keys) => format!("{} ({keys})", self.hint()),
            None => self.hint().to_string(),
        }
    }
}

fn export_label(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Graphml => "Graph as GraphML (Gephi, networkx)…",
        ExportFormat::Gexf => "Graph as GEXF (Gephi)…",
        ExportFormat::Csv => "Actors, relations, events as CSV…",
        ExportFormat::Json => "Whole atlas as JSON…",
    }
}

/// The formats offered for the whole atlas as well as for the view (JSON is always whole).
pub const EXPORT_WHOLE: [ExportFormat; 3] =
    [ExportFormat::Graphml, ExportFormat::Gexf, ExportFormat::Csv];

fn export_whole_label(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Graphml => "Graph as GraphML, the whole atlas…",
        ExportFormat::Gexf => "Graph as GEXF, the whole atlas…",
        ExportFormat::Csv => "Actors, relations, events as CSV, the whole atlas…",
        ExportFormat::Json => "Whole atlas as JSON…",
    }
}

/// A shortcut as people read it on this platform: "Ctrl+Shift+E" or "⇧⌘E", and keys as
/// they are typed ("/", "?", "←") rather than egui's key names ("Slash", "Questionmark").
pub fn format_shortcut(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    format_for(ctx.os().is_mac(), shortcut)
}

fn format_for(mac: bool, shortcut: &KeyboardShortcut) -> String {
    let m = shortcut.modifiers;
    let key = key_text(shortcut.logical_key);
    if mac {
        let mut s = String::new();
        for (on, symbol) in [
            (m.ctrl && !m.command, "⌃"),
            (m.alt, "⌥"),
            (m.shift, "⇧"),
            (m.command || m.mac_cmd, "⌘"),
        ] {
            if on {
                s.push_str(symbol);
            }
        }
        s + key
    } else {
        let mut parts: Vec<&str> = Vec::new();
        for (on, name) in [
            (m.ctrl || m.command, "Ctrl"),
            (m.alt, "Alt"),
            (m.shift, "Shift"),
        ] {
            if on {
                parts.push(name);
            }
        }
        parts.push(key);
        parts.join("+")
    }
}

fn key_text(key: Key) -> &'static str {
    match key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::PageUp => "Page Up",
        Key::PageDown => "Page Down",
        other => other.symbol_or_name(),
    }
}

/// A menu entry for a verb: its label, its shortcut on the right, greyed out when it cannot
/// run. Clicking it queues the verb and closes the menu.
pub fn menu_item(ui: &mut Ui, state: &AppState, verb: Verb, out: &mut Vec<Command>) {
    let mut button = egui::Button::new(verb.label());
    if let Some(keys) = verb.keys_text(ui.ctx()) {
        button = button.shortcut_text(keys);
    }
    let response = ui
        .add_enabled(verb.enabled(state), button)
        .on_hover_text(verb.hint());
    if response.clicked() {
        out.push(Command::Run(verb));
        ui.close();
    }
}

/// A toolbar button for a verb with its own text, hinting the verb and its shortcut.
pub fn button(ui: &mut Ui, state: &AppState, verb: Verb, text: &str, out: &mut Vec<Command>) {
    button_if(ui, state, verb, text, true, out);
}

/// [`button`], also greyed out when `also` is false (the last step has no Next).
pub fn button_if(
    ui: &mut Ui,
    state: &AppState,
    verb: Verb,
    text: &str,
    also: bool,
    out: &mut Vec<Command>,
) {
    let response = ui
        .add_enabled(also && verb.enabled(state), egui::Button::new(text))
        .on_hover_text(verb.hint_with_keys(ui.ctx()));
    if response.clicked() {
        out.push(Command::Run(verb));
    }
}

/// Plain keys (no modifier but Shift) must not fire while the user types in a text field.
pub fn is_plain(shortcut: &KeyboardShortcut) -> bool {
    shortcut.modifiers.is_none() || shortcut.modifiers == Modifiers::SHIFT
}

/// The verbs whose shortcuts were pressed this frame. A verb fires once however many of its
/// keys match; plain keys wait while a text field has focus (Escape excepted).
pub fn pressed(ctx: &egui::Context, state: &AppState) -> Vec<Verb> {
    let typing = ctx.egui_wants_keyboard_input();
    // egui matches a shortcut even when Shift is held on top of it, so Ctrl+Shift+E would
    // also match Ctrl+E: try the shortcuts with more modifiers first.
    let mut bindings: Vec<(Verb, &KeyboardShortcut)> = ALL
        .iter()
        .flat_map(|verb| verb.shortcuts().iter().map(move |k| (*verb, k)))
        .collect();
    bindings.sort_by_key(|(_, k)| std::cmp::Reverse(modifier_count(k.modifiers)));
    let mut fired = Vec::new();
    ctx.input_mut(|input| {
        for (verb, key) in bindings {
            if typing && is_plain(key) && verb != Verb::Escape {
                continue;
            }
            if !fired.contains(&verb) && verb.enabled(state) && input.consume_shortcut(key) {
                fired.push(verb);
            }
        }
    });
    fired
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_read_as_typed_on_linux_and_windows() {
        assert_eq!(format_for(false, &key(NONE, Key::Slash)), "/");
        assert_eq!(format_for(false, &key(NONE, Key::Questionmark)), "?");
        assert_eq!(format_for(false, &key(COMMAND, Key::F)), "Ctrl+F");
        assert_eq!(
            format_for(false, &key(COMMAND.plus(Modifiers::SHIFT), Key::E)),
            "Ctrl+Shift+E"
        );
        assert_eq!(
            format_for(false, &key(Modifiers::ALT, Key::ArrowLeft)),
            "Alt+←"
        );
    }

    #[test]
    fn shortcuts_use_symbols_on_macos() {
        assert_eq!(format_for(true, &key(COMMAND, Key::F)), "⌘F");
        assert_eq!(
            format_for(true, &key(COMMAND.plus(Modifiers::SHIFT), Key::E)),
            "⇧⌘E"
        );
    }

    #[test]
    fn no_two_verbs_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Verb)> = Vec::new();
        for verb in ALL {
            for k in verb.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| s == k) {
                    panic!("{verb:?} and {other:?} share {k:?}");
                }
                seen.push((*k, *verb));
            }
        }
    }

    #[test]
    fn every_verb_has_a_label_and_a_hint() {
        for verb in ALL {
            assert!(!verb.label().is_empty(), "{verb:?}");
            assert!(!verb.hint().is_empty(), "{verb:?}");
        }
    }
}
