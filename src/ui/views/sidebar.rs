//! The details and the regions as tabs of one panel, for windows too narrow to show both
//! beside the canvas (see `side_layout`).

use eframe::egui::{Id, Ui};

use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::view_state::Selection;

use super::{details, regions};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Details,
    Regions,
}

/// The tab shown, and the selection seen last frame: a new selection brings the details
/// forward, since that is where the user will look for it.
#[derive(Clone, Debug)]
struct TabState {
    tab: Tab,
    seen: Option<Selection>,
}

/// The tab row, then the chosen panel.
pub fn ui(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
    let id = Id::unique("sidebar-tab");
    let mut tabs = ui.data(|d| d.get_temp::<TabState>(id)).unwrap_or(TabState {
        tab: Tab::Details,
        seen: state.view.selection.clone(),
    });
    if tabs.seen != state.view.selection {
        tabs.seen = state.view.selection.clone();
        if tabs.seen.is_some() {
            tabs.tab = Tab::Details;
        }
    }
    ui.horizontal(|ui| {
        for (tab, label, hint) in [
            (
                Tab::Details,
                "Details",
                "The selected actor, relation or event",
            ),
            (Tab::Regions, "Regions", "Regions and filters"),
        ] {
            if ui
                .selectable_label(tabs.tab == tab, label)
                .on_hover_text(hint)
                .clicked()
            {
                tabs.tab = tab;
            }
        }
    });
    ui.separator();
    match tabs.tab {
        Tab::Details => details::ui(ui, state, palette, out),
        Tab::Regions => regions::ui(ui, state, palette, out),
    }
    ui.data_mut(|d| d.insert_temp(id, tabs));
}
