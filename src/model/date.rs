//! Partial dates: a year, a month or a day, possibly approximate ("c. 2007").
//!
//! Sources are only as precise as they are, so the atlas never pads a year into a day.
//! Dates order totally: a less precise date sorts before the more precise dates inside it
//! ("2017" < "2017-01" < "2017-01-01"), and an exact date before its approximate twin.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date as precise as its source: `2017`, `2017-05`, `2017-05-01`, or `c. 2007`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    approximate: bool,
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("empty date")]
    Empty,
    #[error("`{0}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, optionally after `c. `")]
    Format(String),
    #[error("month {month} in `{text}` is not between 1 and 12")]
    Month { text: String, month: u32 },
    #[error("day {day} in `{text}` does not exist in that month")]
    Day { text: String, day: u32 },
    #[error("year {0:04} is outside 1000..=2999")]
    Year(i32),
}

impl PartialDate {
    /// A year-only date.
    pub fn year(year: i32) -> Result<Self, DateError> {
        Self::new(year, None, None, false)
    }

    /// A date with the precision given; checks month 1–12 and a real day of that month.
    pub fn new(
        year: i32,
        month: Option<u32>,
        day: Option<u32>,
        approximate: bool,
    ) -> Result<Self, DateError> {
        if !(1000..=2999).contains(&year) {
            return Err(DateError::Year(year));
        }
        let text = || Self::render(year, month, day, approximate);
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError::Month {
                text: text(),
                month: m,
            });
        }
        if let Some(d) = day {
            let m = month.ok_or_else(|| DateError::Format(text()))?;
            if d == 0 || d > days_in_month(year, m) {
                return Err(DateError::Day {
                    text: text(),
                    day: d,
                });
            }
        }
        // Both fit in u8: checked above.
        Ok(Self {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
            approximate,
        })
    }

    pub fn year_value(&self) -> i32 {
        self.year
    }
    pub fn month(&self) -> Option<u32> {
        self.month.map(u32::from)
    }
    pub fn day(&self) -> Option<u32> {
        self.day.map(u32::from)
    }
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// The date as a fractional year, at the start of the period it names
    /// (`2017` → 2017.0, `2017-07` → 2017.5), for placing on a time axis.
    pub fn as_year_fraction(&self) -> f64 {
        let month0 = f64::from(self.month.unwrap_or(1) - 1);
        let day0 = f64::from(self.day.unwrap_or(1) - 1);
        f64::from(self.year) + (month0 + day0 / 31.0) / 12.0
    }

    /// The last fractional year this date could mean (`2017` → just before 2018.0); an
    /// "as of" cursor inside the period counts the period as begun.
    pub fn end_year_fraction(&self) -> f64 {
        match (self.month, self.day) {
            (None, _) => f64::from(self.year) + 1.0 - 1e-9,
            (Some(m), None) => f64::from(self.year) + f64::from(m) / 12.0 - 1e-9,
            (Some(m), Some(d)) => next_day(self.year, u32::from(m), u32::from(d)) - 1e-9,
        }
    }

    /// The day-precision date that a fractional year falls on (inverse of `as_year_fraction`).
    pub fn from_year_fraction(value: f64) -> Self {
        let clamped = value.clamp(1000.0, 2999.999);
        let year = clamped.floor() as i32;
        let months = (clamped - f64::from(year)) * 12.0;
        let month = (months.floor() as u32 + 1).min(12);
        let day_frac = months - f64::from(month - 1);
        let day = ((day_frac * 31.0).floor() as u32 + 1).clamp(1, days_in_month(year, month));
        Self {
            year,
            month: Some(month as u8),
            day: Some(day as u8),
            approximate: false,
        }
    }

    fn render(year: i32, month: Option<u32>, day: Option<u32>, approximate: bool) -> String {
        let mut s = String::new();
        if approximate {
            s.push_str("c. ");
        }
        s.push_str(&format!("{year:04}"));
        if let Some(m) = month {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = day {
                s.push_str(&format!("-{d:02}"));
            }
        }
        s
    }
}

/// The first instant of the day after `year-month-day` on the time axis. On this axis a day is
/// a 31st of a twelfth of a year, not a 365th: a day's end has to meet the next day's start,
/// or a relation that ended on a day would still show as of the next one.
fn next_day(year: i32, month: u32, day: u32) -> f64 {
    let (y, m, d) = if day < days_in_month(year, month) {
        (year, month, day + 1)
    } else if month < 12 {
        (year, month + 1, 1)
    } else {
        (year + 1, 1, 1)
    };
    f64::from(y) + (f64::from(m - 1) + f64::from(d - 1) / 31.0) / 12.0
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day, self.approximate).cmp(&(
            other.year,
            other.month,
            other.day,
            other.approximate,
        ))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Self::render(
            self.year,
            self.month(),
            self.day(),
            self.approximate,
        ))
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(DateError::Empty);
        }
        let (approximate, rest) = match trimmed.strip_prefix("c.") {
            Some(rest) => (true, rest.trim_start()),
            None => (false, trimmed),
        };
        let bad = || DateError::Format(input.to_string());
        let parts: Vec<&str> = rest.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, DateError> {
            if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            s.parse().map_err(|_| bad())
        };
        let (year, month, day) = match parts.as_slice() {
            [y] => (number(y, 4)?, None, None),
            [y, m] => (number(y, 4)?, Some(number(m, 2)?), None),
            [y, m, d] => (number(y, 4)?, Some(number(m, 2)?), Some(number(d, 2)?)),
            _ => return Err(bad()),
        };
        Self::new(year as i32, month, day, approximate)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Read from the borrowed text where the format allows: a large atlas has hundreds of
        // thousands of dates, and a String for each would be thrown away at once.
        struct DateVisitor;
        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date: YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<PartialDate, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().expect("valid date")
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("2017").month(), None);
        assert_eq!(d("2017-05").month(), Some(5));
        assert_eq!(d("2017-05-01").day(), Some(1));
        assert!(d("c. 2007").is_approximate());
        assert_eq!(d("c. 2007").to_string(), "c. 2007");
        assert_eq!(d("2017-05-01").to_string(), "2017-05-01");
    }

    #[test]
    fn refuses_impossible_dates() {
        assert!(matches!(
            "2017-13".parse::<PartialDate>(),
            Err(DateError::Month { .. })
        ));
        assert!(matches!(
            "2019-02-29".parse::<PartialDate>(),
            Err(DateError::Day { .. })
        ));
        assert!("2020-02-29".parse::<PartialDate>().is_ok());
        assert!(matches!(
            "1900-02-29".parse::<PartialDate>(),
            Err(DateError::Day { .. })
        ));
        assert!(matches!(
            "17-05".parse::<PartialDate>(),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            "2017/05".parse::<PartialDate>(),
            Err(DateError::Format(_))
        ));
        assert!(matches!("".parse::<PartialDate>(), Err(DateError::Empty)));
        assert!(matches!(
            "2017-04-31".parse::<PartialDate>(),
            Err(DateError::Day { .. })
        ));
    }

    #[test]
    fn orders_by_time_then_precision() {
        let mut dates = [
            d("2018"),
            d("2017-05-01"),
            d("2017"),
            d("2017-05"),
            d("c. 2017"),
        ];
        dates.sort();
        let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2017", "c. 2017", "2017-05", "2017-05-01", "2018"]);
    }

    #[test]
    fn year_fractions_bracket_the_period() {
        assert_eq!(d("2017").as_year_fraction(), 2017.0);
        assert!((d("2017-07").as_year_fraction() - 2017.5).abs() < 1e-9);
        assert!(d("2017").end_year_fraction() < 2018.0);
        assert!(d("2017").end_year_fraction() > 2017.99);
        let round = PartialDate::from_year_fraction(d("2018-05-25").as_year_fraction());
        assert_eq!(round, d("2018-05-25"));
    }

    #[test]
    fn a_day_ends_just_before_the_next_day_starts() {
        // Found by tests/graph_props: the end of 2000-01-01 used to fall after the start of
        // 2000-01-02, so "as of" the 2nd still showed a relation that ended on the 1st.
        for (day, next) in [
            ("2000-01-01", "2000-01-02"),
            ("2001-04-30", "2001-05-01"),
            ("2001-01-31", "2001-02-01"),
            ("2000-02-29", "2000-03-01"),
            ("2000-12-31", "2001-01-01"),
        ] {
            let (end, start) = (d(day).end_year_fraction(), d(next).as_year_fraction());
            assert!(
                end < start,
                "{day} ends at {end}, after {next} starts at {start}"
            );
            assert!(
                start - end < 1e-6,
                "{day} ends at {end}, well before {next}"
            );
            assert!(end > d(day).as_year_fraction());
        }
    }
}
