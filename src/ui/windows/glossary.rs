//! The glossary window, and links from any text to the terms it uses.

use eframe::egui::{self, RichText, Ui};

use crate::graph::search::fold;
use crate::model::GlossaryTerm;
use crate::ui::command::{Command, Request};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;

use super::AtlasWindow;

#[derive(Default)]
pub struct GlossaryWindow {
    pub query: String,
}

/// Terms of the glossary (or their aliases) that occur in `text` as whole words.
pub fn terms_in<'a>(terms: &'a [GlossaryTerm], text: &str) -> Vec<&'a GlossaryTerm> {
    let haystack = format!(" {} ", fold(text));
    terms
        .iter()
        .filter(|t| {
            std::iter::once(&t.term)
                .chain(t.aliases.iter())
                .any(|name| {
                    let needle = fold(name);
                    !needle.is_empty() && haystack.contains(&format!(" {needle} "))
                })
        })
        .collect()
}

/// Shows `text`, then links to the glossary entries of the terms it uses.
pub fn linked_text(ui: &mut Ui, state: &AppState, text: &str, out: &mut Vec<Command>) {
    ui.label(text);
    let terms = terms_in(&state.dataset.graph.atlas().glossary, text);
    if terms.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Glossary:").small().weak());
        for t in terms {
            if ui
                .link(RichText::new(&t.term).small())
                .on_hover_text(&t.definition)
                .clicked()
            {
                out.push(Command::ShowGlossary(Some(t.term.clone())));
            }
        }
    });
}

impl GlossaryWindow {
    /// The term a link asked for this frame: its entry opens and scrolls into view once;
    /// afterwards it stays open (egui remembers) and the user scrolls freely.
    fn requested_term(state: &AppState) -> Option<&str> {
        state.requests.iter().rev().find_map(|r| match r {
            Request::ScrollToTerm(term) => Some(term.as_str()),
            _ => None,
        })
    }

    fn entries(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let scroll_to = Self::requested_term(state);
        if scroll_to.is_some() {
            // A link must land on its entry, whatever the user last searched for.
            self.query.clear();
        }
        let glossary = &state.dataset.graph.atlas().glossary;
        ui.horizontal(|ui| {
            let label = ui.label("Find a term");
            ui.add(egui::TextEdit::singleline(&mut self.query).desired_width(220.0))
                .labelled_by(label.id);
        });
        ui.separator();
        let q = fold(&self.query);
        let mut terms: Vec<&GlossaryTerm> = glossary
            .iter()
            .filter(|t| {
                q.is_empty()
                    || fold(&t.term).contains(&q)
                    || fold(&t.definition).contains(&q)
                    || t.aliases.iter().any(|a| fold(a).contains(&q))
            })
            .collect();
        terms.sort_by_key(|t| fold(&t.term));
        egui::ScrollArea::vertical()
            .id_salt("glossary-scroll")
            .show(ui, |ui| {
                if terms.is_empty() {
                    ui.label(RichText::new("No term matches.").weak());
                }
                for t in terms {
                    let scroll = scroll_to.is_some_and(|g| g.eq_ignore_ascii_case(&t.term));
                    let header = egui::CollapsingHeader::new(RichText::new(&t.term).strong())
                        .id_salt(("term", &t.term))
                        .open(scroll.then_some(true))
                        .show(ui, |ui| {
                            ui.label(&t.definition);
                            if !t.aliases.is_empty() {
                                ui.label(
                                    RichText::new(format!("Also: {}", t.aliases.join(", "))).weak(),
                                );
                            }
                            if !t.see_also.is_empty() {
                                ui.horizontal_wrapped(|ui| {
                                    ui.label(RichText::new("See also:").weak());
                                    for other in &t.see_also {
                                        if ui.link(other).clicked() {
                                            out.push(Command::ShowGlossary(Some(other.clone())));
                                        }
                                    }
                                });
                            }
                        });
                    if scroll {
                        header.header_response.scroll_to_me(Some(egui::Align::TOP));
                    }
                }
            });
    }
}

impl AtlasWindow for GlossaryWindow {
    fn name(&self) -> &'static str {
        super::GLOSSARY
    }

    fn title(&self) -> &'static str {
        "Glossary"
    }

    fn ui(&mut self, ui: &mut Ui, state: &AppState, _palette: Palette, out: &mut Vec<Command>) {
        self.entries(ui, state, out);
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}
