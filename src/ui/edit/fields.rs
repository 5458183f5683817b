//! The field kit every form is built from: one row per field (its label, its control, and the
//! problems found with it underneath, in the validator's words). Controls edit a draft's plain
//! strings; turning them into a record (and a date's live check) is the form's job.

use std::collections::BTreeMap;
use std::str::FromStr;

use eframe::egui::{self, RichText, Ui};

use crate::model::PartialDate;
use crate::ui::theme::Palette;

/// Width of the label column, so fields line up.
const LABEL_WIDTH: f32 = 110.0;

/// Problems by field name ("name", "sources", "holders"); "" for those of the record as a
/// whole or of other records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, Vec<String>>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_default()
            .push(message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems with `field`.
    pub fn of(&self, field: &str) -> &[String] {
        self.0.get(field).map_or(&[], Vec::as_slice)
    }

    /// The problems whose field is not among `shown`: they are listed at the top of the form.
    pub fn elsewhere(&self, shown: &[&str]) -> Vec<String> {
        self.0
            .iter()
            .filter(|(field, _)| !shown.contains(&field.as_str()))
            .flat_map(|(field, messages)| {
                messages.iter().map(move |m| {
                    if field.is_empty() {
                        m.clone()
                    } else {
                        format!("{field}: {m}")
                    }
                })
            })
            .collect()
    }
}

/// What every field needs to draw itself: the problems and the colours.
pub struct FieldCtx<'a> {
    pub errors: &'a FieldErrors,
    pub palette: Palette,
}

impl FieldCtx<'_> {
    /// The problems with `field`, under it.
    pub fn problems(&self, ui: &mut Ui, field: &str) {
        for message in self.errors.of(field) {
            ui.label(
                RichText::new(format!("⚠ {message}"))
                    .color(self.palette.error())
                    .small(),
            );
        }
    }

    /// A labelled row: the label on the left, `control` on the right, problems underneath.
    /// The control gets the label's id so screen readers (and tests) find it by name.
    pub fn row<R>(
        &self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        control: impl FnOnce(&mut Ui, egui::Id) -> R,
    ) -> R {
        let inner = ui.horizontal_top(|ui| {
            let l = ui.add_sized([LABEL_WIDTH, 18.0], egui::Label::new(label).truncate());
            ui.vertical(|ui| control(ui, l.id)).inner
        });
        self.problems(ui, field);
        inner.inner
    }

    /// One line of text.
    pub fn text(&self, ui: &mut Ui, label: &str, field: &str, value: &mut String, hint: &str) {
        self.row(ui, label, field, |ui, id| {
            let edit = egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY);
            ui.add(edit).labelled_by(id);
        });
    }

    /// Several lines of text (summaries, definitions, story text).
    pub fn multiline(&self, ui: &mut Ui, label: &str, field: &str, value: &mut String) {
        self.row(ui, label, field, |ui, id| {
            let edit = egui::TextEdit::multiline(value)
                .desired_rows(3)
                .desired_width(f32::INFINITY);
            ui.add(edit).labelled_by(id);
        });
    }

    /// A choice among fixed values, as a menu.
    pub fn choice<T: Copy + PartialEq>(
        &self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        value: &mut T,
        options: &[T],
        name: impl Fn(T) -> String,
    ) {
        self.row(ui, label, field, |ui, id| {
            egui::ComboBox::from_id_salt(("choice", label))
                .selected_text(name(*value))
                .show_ui(ui, |ui| {
                    for option in options {
                        ui.selectable_value(value, *option, name(*option));
                    }
                })
                .response
                .labelled_by(id);
        });
    }

    /// A partial date ("2017", "2017-05", "c. 2007"), checked as it is typed; `optional`
    /// lets it be left empty.
    pub fn date(&self, ui: &mut Ui, label: &str, field: &str, value: &mut String, optional: bool) {
        self.row(ui, label, field, |ui, id| {
            let hint = if optional {
                "YYYY, YYYY-MM or YYYY-MM-DD (optional)"
            } else {
                "YYYY, YYYY-MM or YYYY-MM-DD"
            };
            let edit = egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY);
            ui.add(edit).labelled_by(id);
            // Checked as typed; once Apply has said the same under the field, once is enough.
            if let Err(message) = date_of(value, optional)
                && self.errors.of(field).is_empty()
            {
                ui.label(
                    RichText::new(format!("⚠ {message}"))
                        .color(self.palette.error())
                        .small(),
                );
            }
        });
    }

    /// A list of free strings (aliases, questions), one line each, with add and remove.
    pub fn strings(&self, ui: &mut Ui, label: &str, field: &str, values: &mut Vec<String>) {
        self.row(ui, label, field, |ui, id| {
            let mut remove = None;
            for (i, value) in values.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    if ui.small_button("✕").on_hover_text("Remove").clicked() {
                        remove = Some(i);
                    }
                    let edit = egui::TextEdit::singleline(value).desired_width(f32::INFINITY);
                    ui.add(edit).labelled_by(id);
                });
            }
            if let Some(i) = remove {
                values.remove(i);
            }
            if ui
                .small_button(format!("+ Add to {}", label.to_lowercase()))
                .clicked()
            {
                values.push(String::new());
            }
        });
    }
}

/// A date field's value: none when empty and optional, else the parsed date or why not.
pub fn date_of(text: &str, optional: bool) -> Result<Option<PartialDate>, String> {
    if optional && text.trim().is_empty() {
        return Ok(None);
    }
    required_date(text).map(Some)
}

/// A date that must be given.
pub fn required_date(text: &str) -> Result<PartialDate, String> {
    if text.trim().is_empty() {
        return Err("a date is needed".into());
    }
    PartialDate::from_str(text).map_err(|e| e.to_string())
}

/// A date as a field shows it.
pub fn date_text(date: Option<PartialDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// An optional free text: none when blank.
pub fn optional(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The non-blank entries of a string list, trimmed.
pub fn cleaned(values: &[String]) -> Vec<String> {
    values
        .iter()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// An id made from a name, for records whose id the user left empty: "Digital Envoy of X"
/// → "digital-envoy-of-x".
pub fn slug(name: &str) -> String {
    let folded = crate::graph::search::fold(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_optional_date_is_none_and_an_empty_required_one_is_an_error() {
        assert_eq!(date_of("  ", true), Ok(None));
        assert!(date_of("", false).is_err());
    }

    #[test]
    fn a_date_field_accepts_partial_dates_and_says_why_it_refuses() {
        assert_eq!(
            date_of("2017-05", true).map(|d| d.map(|d| d.to_string())),
            Ok(Some("2017-05".into()))
        );
        assert!(date_of("c. 2007", false).is_ok());
        let refused = date_of("2017-13", true).unwrap_err();
        assert!(refused.contains("month 13"), "{refused}");
        let refused = date_of("May 2017", true).unwrap_err();
        assert!(refused.contains("YYYY"), "{refused}");
    }

    #[test]
    fn lists_drop_blank_entries_and_optional_text_is_none_when_blank() {
        assert_eq!(
            cleaned(&[" a ".into(), "".into(), "  ".into(), "b".into()]),
            ["a", "b"]
        );
        assert_eq!(optional("   "), None);
        assert_eq!(optional(" x "), Some("x".into()));
    }

    #[test]
    fn a_slug_is_lower_case_words_joined_by_dashes() {
        assert_eq!(
            slug("Digital Envoy of Côte d'Ivoire!"),
            "digital-envoy-of-cote-d-ivoire"
        );
        assert_eq!(slug("  "), "");
    }

    #[test]
    fn problems_of_fields_not_shown_are_listed_apart() {
        let mut errors = FieldErrors::default();
        errors.add("name", "must not be empty");
        errors.add("", "id `x` is used twice");
        errors.add("holders", "bad holder");
        assert_eq!(errors.of("name"), ["must not be empty"]);
        assert_eq!(
            errors.elsewhere(&["name"]),
            ["id `x` is used twice", "holders: bad holder"]
        );
    }
}
