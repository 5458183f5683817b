//! The one rule for "exists on date D", which every view follows (the as-of view, details, the
//! ego network, paths, centrality, search, counts, exports and the diff between two dates).
//! `atlas-data/SCHEMA.md` ("Time") states it for people who edit the data:
//!
//! - An **actor** exists from its `founded` date. Without one it exists from its first holder's
//!   `from` (an envoy post is there at least while someone holds it), else always, and is
//!   *undated*.
//! - A **relation** exists from `since` to `until`. Without `since` it exists from the later of
//!   its two ends' starts, and is *undated*.
//! - A **holder** of a post holds it from `from` to `until`. Without `from`, from the post's
//!   start, and is *undated*.
//! - An **event** has happened from its date on (it never ends).
//!
//! A date counts over the whole period it names, with the benefit of the doubt: a start counts
//! from the first day of its period (`since: "2019"` exists on 2019-01-01) and an end through
//! its last day (`until: "2020-02"` still exists on 2020-02-29). An approximate date ("c. 2007")
//! is read as its stated period, exactly like "2007". A cursor given as a partial date (`--from
//! 2019`) stands at the last day of its period, so "as of 2019" shows everything dated 2019.
//!
//! Days are compared as integers, never as fractional years, so a boundary is exact.

use std::fmt;

use crate::model::date::days_in_month;
use crate::model::{Actor, Event, Holder, PartialDate, Relation};

use super::AtlasGraph;

/// A calendar day as an ordinal (`year·372 + (month−1)·31 + day−1`): exact to compare and
/// cheap to store. Only days that exist are ever built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i32);

impl Day {
    fn ymd(year: i32, month: u32, day: u32) -> Self {
        Self(year * 372 + (month as i32 - 1) * 31 + day as i32 - 1)
    }

    /// The first day of the period `date` names (`2019` → 2019-01-01).
    pub fn first_of(date: PartialDate) -> Self {
        Self::ymd(
            date.year_value(),
            date.month().unwrap_or(1),
            date.day().unwrap_or(1),
        )
    }

    /// The last day of the period `date` names (`2019` → 2019-12-31, `2020-02` → 2020-02-29).
    pub fn last_of(date: PartialDate) -> Self {
        let year = date.year_value();
        let month = date.month().unwrap_or(12);
        Self::ymd(
            year,
            month,
            date.day().unwrap_or_else(|| days_in_month(year, month)),
        )
    }

    /// A cursor given as a date stands at the last day of the date's period.
    pub fn cursor(date: PartialDate) -> Self {
        Self::last_of(date)
    }

    /// The day a fractional-year time cursor (the UI's slider) falls on.
    pub fn from_year_fraction(t: f64) -> Self {
        Self::first_of(PartialDate::from_year_fraction(t))
    }

    /// The start of this day as a fractional year, for placing it on a time axis.
    pub fn as_year_fraction(self) -> f64 {
        self.date().as_year_fraction()
    }

    /// The day as a day-precision date.
    pub fn date(self) -> PartialDate {
        let year = self.0.div_euclid(372);
        let rest = self.0.rem_euclid(372);
        let (month, day) = (rest / 31 + 1, rest % 31 + 1);
        // Every Day is built from a real date, so this cannot fail; fall back to the year.
        PartialDate::new(year, Some(month as u32), Some(day as u32), false)
            .or_else(|_| PartialDate::year(year))
            .unwrap_or_else(|_| PartialDate::from_year_fraction(f64::from(year)))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date())
    }
}

/// Where a record stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Not founded, begun or appointed yet (for an event: not happened yet).
    NotYet,
    /// Exists on the day (for an event: has happened).
    Current,
    /// Ended before the day.
    Ended,
}

impl Status {
    /// How the app writes it: "not yet", "current", "ended".
    pub fn label(self) -> &'static str {
        match self {
            Status::NotYet => "not yet",
            Status::Current => "current",
            Status::Ended => "ended",
        }
    }
}

/// A record's status on a day, and whether its start is inferred rather than stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Standing {
    pub status: Status,
    /// The record states no start date: its start comes from the rule (see the module docs).
    pub undated: bool,
}

impl Standing {
    /// Whether the record exists on the day.
    pub fn exists(self) -> bool {
        self.status == Status::Current
    }

    /// "current", "not yet", "ended", with ", undated" when the start is inferred.
    pub fn label(self) -> String {
        let status = self.status.label();
        if self.undated {
            format!("{status}, undated")
        } else {
            status.to_string()
        }
    }
}

/// When a record exists: from `start` (or always) through `end` (or for good), both inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: Option<Day>,
    pub end: Option<Day>,
    /// The start is inferred, not stated in the record.
    pub undated: bool,
}

impl Span {
    /// The span of a stated start and end.
    pub fn dated(start: Option<PartialDate>, end: Option<PartialDate>) -> Self {
        Self {
            start: start.map(Day::first_of),
            end: end.map(Day::last_of),
            undated: false,
        }
    }

    pub fn status_at(&self, day: Day) -> Status {
        if self.start.is_some_and(|s| day < s) {
            Status::NotYet
        } else if self.end.is_some_and(|e| day > e) {
            Status::Ended
        } else {
            Status::Current
        }
    }

    pub fn standing_at(&self, day: Day) -> Standing {
        Standing {
            status: self.status_at(day),
            undated: self.undated,
        }
    }

    /// Not begun on `from` but begun (current or already ended) on `to`: for a well-ordered
    /// span, the start lies in `(from, to]`.
    pub fn begins_within(&self, from: Day, to: Day) -> bool {
        self.status_at(from) == Status::NotYet && self.status_at(to) != Status::NotYet
    }

    /// Not ended on `from` but ended on `to`: for a well-ordered span, the end lies in
    /// `[from, to)`. (A span that ends before it starts, which draws a warning, is "not yet"
    /// until its start and "ended" from then on.)
    pub fn ends_within(&self, from: Day, to: Day) -> bool {
        self.status_at(from) != Status::Ended && self.status_at(to) == Status::Ended
    }
}

/// An actor's span: `founded`, else its first holder's `from` (undated), else always (undated).
pub fn actor_span(actor: &Actor) -> Span {
    match actor.founded {
        Some(founded) => Span::dated(Some(founded), None),
        None => Span {
            start: actor
                .holders
                .iter()
                .filter_map(|h| h.from)
                .min()
                .map(Day::first_of),
            end: None,
            undated: true,
        },
    }
}

/// A relation's span, given the spans of its two ends (`None` for an end that is not an actor).
pub fn relation_span(relation: &Relation, from: Option<&Span>, to: Option<&Span>) -> Span {
    match relation.since {
        Some(_) => Span::dated(relation.since, relation.until),
        None => Span {
            // The later of the two starts; an end that always existed does not delay it.
            start: from.and_then(|s| s.start).max(to.and_then(|s| s.start)),
            end: relation.until.map(Day::last_of),
            undated: true,
        },
    }
}

/// A holder's tenure, given the span of the post.
pub fn holder_span(holder: &Holder, post: &Span) -> Span {
    match holder.from {
        Some(_) => Span::dated(holder.from, holder.until),
        None => Span {
            start: post.start,
            end: holder.until.map(Day::last_of),
            undated: true,
        },
    }
}

/// An event exists (has happened) from the first day of its date on.
pub fn event_span(event: &Event) -> Span {
    Span::dated(Some(event.date), None)
}

/// The spans of every actor and relation of a graph, computed once for views that ask about
/// many records (the as-of mask, the diff). Costs one `Span` per record.
#[derive(Clone, Debug, PartialEq)]
pub struct Spans {
    /// By actor index, which is also the node index.
    pub actors: Vec<Span>,
    /// By relation index in `atlas.relations`.
    pub relations: Vec<Span>,
}

impl Spans {
    pub fn of(graph: &AtlasGraph) -> Self {
        let atlas = graph.atlas();
        let actors: Vec<Span> = atlas.actors.iter().map(actor_span).collect();
        // Ends by id only for relations the graph does not hold (an atlas being fixed).
        let end = |id: &str| graph.node(id).map(|n| &actors[n.index()]);
        let mut relations: Vec<Span> = atlas
            .relations
            .iter()
            .map(|r| relation_span(r, None, None))
            .collect();
        let mut held = vec![false; atlas.relations.len()];
        for e in graph.edges() {
            if let Some((a, b)) = graph.endpoints(e) {
                let i = graph.graph()[e];
                held[i] = true;
                let r = &atlas.relations[i];
                relations[i] = relation_span(r, Some(&actors[a.index()]), Some(&actors[b.index()]));
            }
        }
        for (i, r) in atlas
            .relations
            .iter()
            .enumerate()
            .filter(|(i, _)| !held[*i])
        {
            relations[i] = relation_span(r, end(&r.from), end(&r.to));
        }
        Self { actors, relations }
    }
}

impl AtlasGraph {
    /// When this actor exists.
    pub fn actor_span(&self, node: petgraph::graph::NodeIndex) -> Span {
        actor_span(self.actor(node))
    }

    /// When this relation exists, by the rule for undated relations where needed.
    pub fn relation_span(&self, edge: petgraph::graph::EdgeIndex) -> Span {
        let ends = self.endpoints(edge);
        let from = ends.map(|(a, _)| self.actor_span(a));
        let to = ends.map(|(_, b)| self.actor_span(b));
        relation_span(self.relation(edge), from.as_ref(), to.as_ref())
    }

    /// The actor's standing on `day`.
    pub fn actor_standing(&self, node: petgraph::graph::NodeIndex, day: Day) -> Standing {
        self.actor_span(node).standing_at(day)
    }

    /// The relation's standing on `day`.
    pub fn relation_standing(&self, edge: petgraph::graph::EdgeIndex, day: Day) -> Standing {
        self.relation_span(edge).standing_at(day)
    }

    /// Every holder of the post with their standing on `day`, in the order of the file.
    pub fn holders_on(
        &self,
        node: petgraph::graph::NodeIndex,
        day: Day,
    ) -> Vec<(&Holder, Standing)> {
        let post = self.actor_span(node);
        self.actor(node)
            .holders
            .iter()
            .map(|h| (h, holder_span(h, &post).standing_at(day)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().expect("valid date")
    }
    fn day(s: &str) -> Day {
        Day::first_of(d(s))
    }

    #[test]
    fn days_bracket_the_period_they_name() {
        assert_eq!(Day::first_of(d("2019")), day("2019-01-01"));
        assert_eq!(Day::last_of(d("2019")), day("2019-12-31"));
        assert_eq!(Day::last_of(d("2020-02")), day("2020-02-29"));
        assert_eq!(Day::last_of(d("2019-02")), day("2019-02-28"));
        assert_eq!(Day::last_of(d("c. 2007")), day("2007-12-31"));
        assert_eq!(Day::cursor(d("2019-06-30")), day("2019-06-30"));
        assert_eq!(day("2019-02-28").to_string(), "2019-02-28");
        assert!(day("2019-02-28") < day("2019-03-01"));
    }

    #[test]
    fn the_slider_and_days_agree() {
        for s in ["2019-06-30", "2019-07-01", "2020-02-29", "2016-12-31"] {
            let t = day(s).as_year_fraction();
            assert_eq!(Day::from_year_fraction(t), day(s), "{s}");
            // The story cursor (the end of the date's period) stays on the same day.
            assert_eq!(Day::from_year_fraction(d(s).end_year_fraction()), day(s));
        }
        assert_eq!(
            Day::from_year_fraction(d("2017-05").end_year_fraction()),
            day("2017-05-31")
        );
    }

    #[test]
    fn a_span_counts_its_whole_start_and_end_periods() {
        let span = Span::dated(Some(d("2019")), Some(d("2020-02")));
        assert_eq!(span.status_at(day("2018-12-31")), Status::NotYet);
        assert_eq!(span.status_at(day("2019-01-01")), Status::Current);
        assert_eq!(span.status_at(day("2020-02-29")), Status::Current);
        assert_eq!(span.status_at(day("2020-03-01")), Status::Ended);
        let approx = Span::dated(Some(d("c. 2007")), None);
        assert_eq!(approx.status_at(day("2007-01-01")), Status::Current);
        assert_eq!(approx.status_at(day("2006-12-31")), Status::NotYet);
    }

    #[test]
    fn begins_and_ends_within_match_the_statuses_at_both_days() {
        let span = Span::dated(Some(d("2019-05")), Some(d("2021")));
        let (a, b) = (day("2019-04-30"), day("2022-01-01"));
        assert!(span.begins_within(a, b));
        assert!(span.ends_within(a, b));
        assert!(!span.begins_within(day("2019-05-01"), b));
        assert!(!span.ends_within(a, day("2021-12-31")));
    }

    #[test]
    fn an_undated_relation_starts_with_its_later_end() {
        let g = super::super::fixture::graph();
        // d's self-link: d has no founded date, so the relation has always existed, undated.
        let self_link = g.edges().nth(4).expect("edge 4");
        let s = g.relation_span(self_link);
        assert_eq!((s.start, s.undated), (None, true));
        let mut atlas = g.atlas().clone();
        atlas.relations[1].since = None; // b (2010) → c (2018-05)
        let g = AtlasGraph::new(atlas);
        let s = g.relation_span(g.edges().nth(1).expect("edge 1"));
        assert_eq!((s.start, s.undated), (Some(day("2018-05-01")), true));
        assert_eq!(
            g.relation_standing(g.edges().nth(1).expect("edge 1"), day("2018-04-30"))
                .label(),
            "not yet, undated"
        );
    }

    #[test]
    fn a_post_without_a_founding_date_starts_with_its_first_holder() {
        let text = r#"Atlas(
            sources: [(id: "s", title: "S", url: "https://example.org")],
            actors: [(id: "p", kind: Envoy, name: "Post", sources: ["s"], holders: [
                (name: "Second", from: Some("2020-08"), sources: ["s"]),
                (name: "First", from: Some("2017-05"), until: Some("2020-02"), sources: ["s"]),
                (name: "Unknown", until: Some("2016"), sources: ["s"]),
            ])],
        )"#;
        let atlas = crate::model::load_str(text, "post.ron")
            .expect("valid")
            .atlas;
        let g = AtlasGraph::new(atlas);
        let p = g.node("p").expect("p");
        assert_eq!(g.actor_span(p).start, Some(day("2017-05-01")));
        let on = |s: &str| -> Vec<String> {
            g.holders_on(p, day(s))
                .into_iter()
                .map(|(h, st)| format!("{}: {}", h.name, st.label()))
                .collect()
        };
        assert_eq!(
            on("2019-06-30"),
            [
                "Second: not yet",
                "First: current",
                "Unknown: ended, undated"
            ]
        );
        assert_eq!(on("2020-08-01")[0], "Second: current");
    }
}
