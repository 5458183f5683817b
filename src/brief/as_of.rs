//! What a briefing "as of" a date shows. Every date rule of the briefings goes through
//! [`AsOf`], so that a stricter "exists on date D" rule from `graph` can replace the view
//! filter used here in one place.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::graph::{AtlasGraph, ViewFilter, Visible};
use crate::model::{Event, Holder, PartialDate};

/// The date a briefing speaks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AsOf {
    pub date: PartialDate,
}

impl AsOf {
    /// The instant the date stands for: the end of the period it names, so that "as of 2020"
    /// counts everything that began during 2020.
    fn instant(&self) -> f64 {
        self.date.end_year_fraction()
    }

    /// The actors and relations that exist on the date: actors founded by then, relations
    /// begun and not yet ended.
    pub fn visible(&self, graph: &AtlasGraph) -> Visible {
        ViewFilter {
            as_of: Some(self.instant()),
            ..ViewFilter::default()
        }
        .apply(graph)
    }

    /// Events that happened by the date.
    pub fn has_happened(&self, event: &Event) -> bool {
        event.date.as_year_fraction() <= self.instant()
    }

    /// Holders who had taken up the post by the date (including those who have since left).
    pub fn has_begun(&self, holder: &Holder) -> bool {
        holder
            .from
            .is_none_or(|d| d.as_year_fraction() <= self.instant())
    }

    /// Whether the holder still held the post on the date.
    pub fn still_holds(&self, holder: &Holder) -> bool {
        holder
            .until
            .is_none_or(|d| d.end_year_fraction() >= self.instant())
    }
}

/// Today's date (UTC) from the system clock, for briefings without `--as-of`.
pub fn today() -> PartialDate {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (year, month, day) = civil_from_days((seconds / 86_400) as i64);
    PartialDate::new(year, Some(month), Some(day), false)
        .unwrap_or_else(|_| PartialDate::from_year_fraction(f64::from(year)))
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_of_known_day_counts() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_782), (2026, 11, 25));
    }

    #[test]
    fn a_year_counts_what_began_during_it() {
        let year = |y| AsOf {
            date: PartialDate::year(y).expect("year"),
        };
        let holder = Holder {
            name: "H".into(),
            from: Some("2020-08-24".parse().expect("date")),
            until: None,
            note: None,
            sources: vec![],
        };
        assert!(year(2020).has_begun(&holder));
        assert!(!year(2019).has_begun(&holder));
        assert!(year(2030).still_holds(&holder));
    }
}
