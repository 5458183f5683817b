//! Source-quality warnings: a source that does not say what kind of page it is, or when it was
//! last checked, leaves a reader unable to judge the facts resting on it. These are warnings,
//! not errors. A dataset that records neither field for any source (an older file, a sample, a
//! synthetic benchmark atlas) has not taken up source quality at all and is not nagged; once one
//! source says what kind of page it is or when it was checked, every source should.

use std::cell::OnceCell;

use super::diagnostic::{Diagnostic, Report, Severity};
use super::locate::Locator;
use super::schema::Atlas;

/// Adds to `report` one warning per missing `kind` and per missing `checked`, each pointing at
/// the source record.
pub(crate) fn warn(atlas: &Atlas, text: &str, file: &str, report: &mut Report) {
    report
        .diagnostics
        .extend(source_warnings(atlas, text, file));
}

fn source_warnings(atlas: &Atlas, text: &str, file: &str) -> Vec<Diagnostic> {
    let in_use = atlas
        .sources
        .iter()
        .any(|s| s.kind.is_some() || s.checked.is_some());
    if !in_use {
        return Vec::new();
    }
    // Line numbers cost a pass over the text; only pay it when there is something to report.
    let locator = OnceCell::new();
    let mut out = Vec::new();
    for (index, source) in atlas.sources.iter().enumerate() {
        let missing = [
            (
                source.kind.is_none(),
                "kind",
                "no kind: say whether the page is Official, International, Press, Analysis or Mirror",
            ),
            (
                source.checked.is_none(),
                "checked",
                "no checked date: say when the page was last read against the records citing it",
            ),
        ];
        for (is_missing, field, message) in missing {
            if !is_missing {
                continue;
            }
            let position = locator.get_or_init(|| Locator::new(text)).find(
                "sources",
                index,
                Some(field),
                None,
            );
            out.push(Diagnostic {
                severity: Severity::Warning,
                file: file.to_string(),
                position,
                record: Some(if source.id.trim().is_empty() {
                    format!("sources[{index}]")
                } else {
                    source.id.clone()
                }),
                field: Some(field.to_string()),
                message: message.to_string(),
                place: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::model::load_str;

    fn warnings_about(field: &str, text: &str) -> Vec<String> {
        let loaded = load_str(text, "test.ron").expect("test atlas loads");
        loaded
            .warnings
            .iter()
            .filter(|w| w.field.as_deref() == Some(field))
            .filter_map(|w| w.record.clone())
            .collect()
    }

    const ATLAS: &str = r#"Atlas(
        sources: [
            (id: "full", title: "Complete", url: "https://a.example", kind: Some(Press), checked: Some("2026-11-25")),
            (id: "no-kind", title: "No kind", url: "https://b.example", checked: Some("2026-11-22")),
            (id: "no-date", title: "No date", url: "https://c.example", kind: Some(Official)),
        ],
        actors: [
            (id: "a", kind: State, name: "A", sources: ["full", "no-kind", "no-date"]),
            (id: "b", kind: State, name: "B", sources: ["full"]),
        ],
        relations: [(from: "a", to: "b", kind: PartnersWith, sources: ["full"])],
    )"#;

    #[test]
    fn a_source_without_kind_draws_a_warning() {
        assert_eq!(warnings_about("kind", ATLAS), vec!["no-kind".to_string()]);
    }

    #[test]
    fn a_source_without_checked_draws_a_warning() {
        assert_eq!(
            warnings_about("checked", ATLAS),
            vec!["no-date".to_string()]
        );
    }

    #[test]
    fn a_dataset_that_never_records_source_quality_is_not_warned() {
        let older = r#"Atlas(
            sources: [(id: "s", title: "Page", url: "https://a.example")],
            actors: [
                (id: "a", kind: State, name: "A", sources: ["s"]),
                (id: "b", kind: State, name: "B", sources: ["s"]),
            ],
            relations: [(from: "a", to: "b", kind: PartnersWith, sources: ["s"])],
        )"#;
        assert!(warnings_about("kind", older).is_empty());
        assert!(warnings_about("checked", older).is_empty());
    }

    #[test]
    fn the_warning_points_at_the_source_record() {
        let loaded = load_str(ATLAS, "test.ron").expect("test atlas loads");
        let warning = loaded
            .warnings
            .iter()
            .find(|w| w.field.as_deref() == Some("kind"))
            .expect("a kind warning");
        // Line 4 of the text holds the "no-kind" source.
        assert_eq!(warning.position.map(|(line, _)| line), Some(4));
        assert!(!warning.is_error());
    }
}
