//! User verbs with their shortcuts: one list feeds the keyboard handler, the menus and the
//! shortcuts overlay, so they never disagree.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Search,
    Open,
    Reload,
    Presentation,
    Help,
    Back,
    Forward,
    FitNetwork,
    PlayPause,
    ClearTime,
    NextStep,
    PreviousStep,
    Escape,
    PathFinder,
    Centrality,
    Glossary,
    ToggleRegions,
    ToggleDetails,
    ToggleTimeline,
    ExportPng,
    ExportPng2x,
    Quit,
}

/// (action, label, shortcuts). The first shortcut is the one shown in menus.
pub const ACTIONS: &[(Action, &str, &[KeyboardShortcut])] = &[
    (
        Action::Search,
        "Search actors",
        &[
            KeyboardShortcut::new(Modifiers::COMMAND, Key::F),
            KeyboardShortcut::new(Modifiers::NONE, Key::Slash),
        ],
    ),
    (
        Action::Open,
        "Open a dataset…",
        &[KeyboardShortcut::new(Modifiers::COMMAND, Key::O)],
    ),
    (
        Action::Reload,
        "Reload the dataset",
        &[KeyboardShortcut::new(Modifiers::NONE, Key::F5)],
    ),
    (
        Action::Presentation,
        "Presentation mode",
        &[KeyboardShortcut::new(Modifiers::NONE, Key::F11)],
    ),
    (
        Action::Help,
        "Keyboard shortcuts",
        &[
            KeyboardShortcut::new(Modifiers::NONE, Key::F1),
            KeyboardShortcut::new(Modifiers::SHIFT, Key::Questionmark),
            KeyboardShortcut::new(Modifiers::NONE, Key::Questionmark),
        ],
    ),
    (
        Action::Back,
        "Back to the previous selection",
        &[KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)],
    ),
    (
        Action::Forward,
        "Forward",
        &[KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight)],
    ),
    (
        Action::FitNetwork,
        "Fit the network to the screen",
        &[KeyboardShortcut::new(Modifiers::NONE, Key::F)],
    ),
    (
        Action::PlayPause,
        "Play / pause the years",
        &[KeyboardShortcut::new(Modifiers::NONE, Key::Space)],
    ),
    (
        Action::ClearTime,
        "Back to today (clear the time cursor)",
        &[KeyboardShortcut::new(Modifiers::NONE, Key::Home)],
    ),
    (
        Action::NextStep,
        "Next story step",
        &[
            KeyboardShortcut::new(Modifiers::NONE, Key::ArrowRight),
            KeyboardShortcut::new(Modifiers::NONE, Key::PageDown),
        ],
    ),
    (
        Action::PreviousStep,
        "Previous story step",
        &[
            KeyboardShortcut::new(Modifiers::NONE, Key::ArrowLeft),
            KeyboardShortcut::new(Modifiers::NONE, Key::PageUp),
        ],
    ),
    (
        Action::Escape,
        "Close / clear the selection",
        &[KeyboardShortcut::new(Modifiers::NONE, Key::Escape)],
    ),
    (
        Action::PathFinder,
        "How is X connected to Y?",
        &[KeyboardShortcut::new(Modifiers::COMMAND, Key::P)],
    ),
    (
        Action::Centrality,
        "Centrality table",
        &[KeyboardShortcut::new(Modifiers::COMMAND, Key::K)],
    ),
    (
        Action::Glossary,
        "Glossary",
        &[KeyboardShortcut::new(Modifiers::COMMAND, Key::G)],
    ),
    (
        Action::ToggleRegions,
        "Show / hide the regions panel",
        &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Num1)],
    ),
    (
        Action::ToggleDetails,
        "Show / hide the details panel",
        &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Num2)],
    ),
    (
        Action::ToggleTimeline,
        "Show / hide the timeline",
        &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Num3)],
    ),
    (
        Action::ExportPng,
        "Export the network as PNG",
        &[KeyboardShortcut::new(Modifiers::COMMAND, Key::E)],
    ),
    (
        Action::ExportPng2x,
        "Export the network as PNG at twice the resolution",
        &[KeyboardShortcut::new(
            Modifiers::COMMAND.plus(Modifiers::SHIFT),
            Key::E,
        )],
    ),
    (
        Action::Quit,
        "Quit",
        &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)],
    ),
];

/// Actions that are plain keys: they must not fire while the user types in a text field.
pub fn is_plain(shortcut: &KeyboardShortcut) -> bool {
    shortcut.modifiers.is_none() || shortcut.modifiers == Modifiers::SHIFT
}

/// The menu hint for an action: its first shortcut.
pub fn shortcut_text(ctx: &eframe::egui::Context, action: Action) -> String {
    ACTIONS
        .iter()
        .find(|(a, _, _)| *a == action)
        .and_then(|(_, _, keys)| keys.first())
        .map(|k| ctx.format_shortcut(k))
        .unwrap_or_default()
}
