//! Facts about a story. So far: date expressions resolved to the calendar
//! ([`resolve_dates`]), the story's [`timeline`], and its people, organisations and places
//! ([`entities`]).
//!
//! Word boundaries in the patterns are ASCII ones, `(?-u:\b)`: a Unicode `\b` makes the
//! regex engine's fast lazy DFA give up at the first non-ASCII byte (a curly quote, a dash,
//! an accented name) and fall back to an engine several times slower. The words they bound
//! are ASCII, so the two agree everywhere but right next to a non-ASCII letter.
//!
//! ```
//! use chrono::NaiveDate;
//! use parallax_facts::resolve_dates;
//!
//! let sunday = NaiveDate::from_ymd_opt(2025, 8, 17).unwrap();
//! let found = resolve_dates("Witkoff said on Sunday that Friday's summit went well.", sunday);
//! let dates: Vec<String> = found.iter().map(|d| d.date.to_string()).collect();
//! assert_eq!(dates, ["2025-08-17", "2025-08-15"]);
//! ```

mod actors;
mod ages;
mod claims;
mod dates;
mod details;
mod disagree;
mod entities;
mod meaning;
mod numbers;
mod outcomes;
mod periods;
mod roles;
mod timeline;
mod times;
mod zones;

pub use ages::{age_facts, ages, Age};
pub use chrono_tz::Tz;
pub use claims::{clauses, copies_are_one_source, facts, later_updates, Clause};
pub use dates::{resolve_dates, DateMention, Resolved};
pub use details::{details, Detail, Details};
pub use entities::{article_names, entities, names_read, role_mentions, NameMention};
pub use meaning::{agree_by_meaning, EmbedFn, SAME_MEANING};
pub use numbers::{numbers, Number};
pub use timeline::{merge, timeline};
pub use zones::{article_zone, first_zone, local_day, story_zone, zone_of};
