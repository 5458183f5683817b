//! Warnings for dates that contradict each other across records: a relation that begins (or,
//! undated, ends) before one of its ends was founded, a holder who takes a post before it was
//! founded (or leaves it before then), and two holders of one post at once.
//!
//! Dates are compared at the precision both share, as the period check in `validate` does:
//! "2018" and "2018-05" do not contradict each other. An approximate date ("c. 2007") never
//! draws these warnings: "around 2007" cannot contradict "2008".
//!
//! Five relation kinds are excepted for their `to` end, where an early start is normal:
//! `Proposes` (what is proposed does not exist yet: that is the point of a proposal),
//! `Founded` (a founding is often dated from the decision or announcement, before the body
//! opens, which is what its `founded` records), `Enacts` (in a legislature of several steps,
//! each chamber's vote comes before the text's final adoption, which its `founded` records)
//! `Signs` (signatures come before a treaty or agreement is concluded or in force) and `Leads`
//! (a summit or process is led while it is being prepared, before the date it opens).
//!
//! Two holders appointed on the same day hold the post jointly (a pair of representatives
//! named together), which is not an overlap.
//! `Supersedes` is not excepted: when the newer text takes over, both texts exist.

use std::cell::OnceCell;

use super::date::PartialDate;
use super::diagnostic::{Diagnostic, Report, Severity};
use super::fast_hash::FastMap;
use super::locate::Locator;
use super::schema::{Actor, Atlas, Holder, Relation, RelationKind};

/// Adds the date warnings of `atlas` (see [`check_dates`]) to `report`.
pub fn add_date_warnings(report: &mut Report, atlas: &Atlas, text: &str, file: &str) {
    report.diagnostics.extend(check_dates(atlas, text, file));
}

/// The date warnings of `atlas`, whose RON text is `text` (for line numbers), read from `file`.
pub fn check_dates(atlas: &Atlas, text: &str, file: &str) -> Vec<Diagnostic> {
    let mut out = Warnings {
        file,
        text,
        locator: OnceCell::new(),
        list: Vec::new(),
    };
    let mut founded: FastMap<&str, Option<PartialDate>> = FastMap::default();
    for a in &atlas.actors {
        founded.entry(a.id.as_str()).or_insert(a.founded);
    }
    for (index, r) in atlas.relations.iter().enumerate() {
        check_relation(&mut out, index, r, &founded);
    }
    for (index, a) in atlas.actors.iter().enumerate() {
        check_holders(&mut out, index, a);
    }
    out.list
}

struct Warnings<'a> {
    file: &'a str,
    text: &'a str,
    locator: OnceCell<Locator<'a>>,
    list: Vec<Diagnostic>,
}

impl Warnings<'_> {
    fn warn(&mut self, section: &str, index: usize, record: String, field: &str, msg: String) {
        let position = self.locator.get_or_init(|| Locator::new(self.text)).find(
            section,
            index,
            Some(field),
            None,
        );
        self.list.push(Diagnostic {
            severity: Severity::Warning,
            file: self.file.to_string(),
            position,
            record: Some(record),
            field: Some(field.to_string()),
            message: msg,
            place: None,
        });
    }
}

/// Whether `a` lies wholly before `b` at the precision both share; never for approximate dates.
fn before(a: PartialDate, b: PartialDate) -> bool {
    if a.is_approximate() || b.is_approximate() {
        return false;
    }
    let months = a.month().is_some() && b.month().is_some();
    let days = months && a.day().is_some() && b.day().is_some();
    let key = |d: PartialDate| {
        (
            d.year_value(),
            d.month().filter(|_| months),
            d.day().filter(|_| days),
        )
    };
    key(a) < key(b)
}

/// Whether a relation of `kind` may normally begin before its `to` end exists.
fn may_precede_target(kind: RelationKind) -> bool {
    matches!(
        kind,
        RelationKind::Proposes
            | RelationKind::Founded
            | RelationKind::Enacts
            | RelationKind::Signs
            | RelationKind::Leads
    )
}

fn relation_name(index: usize, r: &Relation) -> String {
    match &r.id {
        Some(id) if !id.trim().is_empty() => id.clone(),
        _ => format!("relations[{index}] ({} -> {})", r.from, r.to),
    }
}

fn check_relation(
    out: &mut Warnings,
    index: usize,
    r: &Relation,
    founded: &FastMap<&str, Option<PartialDate>>,
) {
    // The date the relation's start is known by: its own, or (undated) only its end.
    let (field, date, verb) = match (r.since, r.until) {
        (Some(since), _) => ("since", since, "begins"),
        (None, Some(until)) => ("until", until, "ends"),
        (None, None) => return,
    };
    let ends = [(&r.from, false), (&r.to, may_precede_target(r.kind))];
    for (id, excepted) in ends {
        let Some(Some(end_founded)) = founded.get(id.as_str()) else {
            continue;
        };
        if !excepted && before(date, *end_founded) {
            out.warn(
                "relations",
                index,
                relation_name(index, r),
                field,
                format!("{verb} ({date}) before \"{id}\" was founded ({end_founded})"),
            );
            // One end is enough to fix the date; a second message would say the same.
            return;
        }
    }
}

fn check_holders(out: &mut Warnings, index: usize, post: &Actor) {
    for (k, h) in post.holders.iter().enumerate() {
        if let Some(founded) = post.founded {
            match (h.from, h.until) {
                (Some(from), _) if before(from, founded) => out.warn(
                    "actors",
                    index,
                    post.id.clone(),
                    &format!("holders[{k}].from"),
                    format!(
                        "\"{}\" takes the post ({from}) before it was founded ({founded})",
                        h.name
                    ),
                ),
                (None, Some(until)) if before(until, founded) => out.warn(
                    "actors",
                    index,
                    post.id.clone(),
                    &format!("holders[{k}].until"),
                    format!(
                        "\"{}\" leaves the post ({until}) before it was founded ({founded})",
                        h.name
                    ),
                ),
                _ => {}
            }
        }
    }
    check_overlaps(out, index, post);
}

/// Two holders whose tenures overlap: the later one takes the post before the earlier one
/// leaves it, or while the earlier one has no end date. Holders without `from` are skipped:
/// their start is not known.
fn check_overlaps(out: &mut Warnings, index: usize, post: &Actor) {
    let mut dated: Vec<(usize, &Holder, PartialDate)> = post
        .holders
        .iter()
        .enumerate()
        .filter_map(|(k, h)| Some((k, h, h.from?)))
        .collect();
    dated.sort_by_key(|&(k, _, from)| (from, k));
    for (i, &(_, earlier, earlier_from)) in dated.iter().enumerate() {
        for &(k, later, later_from) in &dated[i + 1..] {
            if later_from == earlier_from {
                continue;
            }
            let message = match earlier.until {
                None if earlier_from.is_approximate() || later_from.is_approximate() => continue,
                None => format!(
                    "\"{}\" takes the post ({later_from}) while \"{}\" (from {earlier_from}) \
                     has no end date",
                    later.name, earlier.name
                ),
                Some(until) if before(later_from, until) => format!(
                    "\"{}\" takes the post ({later_from}) before \"{}\" leaves it ({until})",
                    later.name, earlier.name
                ),
                Some(_) => continue,
            };
            out.warn(
                "actors",
                index,
                post.id.clone(),
                &format!("holders[{k}].from"),
                message,
            );
        }
    }
}
