//! Where an event happened, as a time zone: a small table of countries, regions and
//! cities that news is datelined from, each with its IANA zone.
//!
//! ## What it handles
//! A place named in a dateline ("KYIV, Ukraine (AP) —", "Washington, Aug 17") or, when an
//! article has none, the first place of the table its opening paragraph says something
//! happened in ("the summit in Alaska"). Names are
//! matched whole, case and diacritics aside ("KYIV", "Kyiv", "Kiev"; "São Paulo",
//! "Sao Paulo"). A country that spans several zones is listed under the zone most of its
//! people live in (Russia → Moscow) or left out (the United States, Canada, Australia,
//! Brazil): their cities say more.
//!
//! ## What it does not
//! Places outside the table (small towns, invented places): an article's own publication
//! offset then stands for the event's. Nor does it tell a place from a person who bears
//! its name ("Denzel Washington"); names that are more often people's or that two places
//! share (Jordan, Santiago, Georgia) are left out of the table for that reason.

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;

/// Places and their zones; names lower-case with diacritics folded.
const PLACES: &[(&str, &str)] = &[
    ("abu dhabi", "Asia/Dubai"),
    ("accra", "Africa/Accra"),
    ("addis ababa", "Africa/Addis_Ababa"),
    ("afghanistan", "Asia/Kabul"),
    ("alaska", "America/Anchorage"),
    ("algeria", "Africa/Algiers"),
    ("algiers", "Africa/Algiers"),
    ("amsterdam", "Europe/Amsterdam"),
    ("anchorage", "America/Anchorage"),
    ("ankara", "Europe/Istanbul"),
    ("argentina", "America/Argentina/Buenos_Aires"),
    ("athens", "Europe/Athens"),
    ("atlanta", "America/New_York"),
    ("auckland", "Pacific/Auckland"),
    ("austria", "Europe/Vienna"),
    ("baghdad", "Asia/Baghdad"),
    ("bangkok", "Asia/Bangkok"),
    ("beijing", "Asia/Shanghai"),
    ("beirut", "Asia/Beirut"),
    ("belarus", "Europe/Minsk"),
    ("belgium", "Europe/Brussels"),
    ("belgrade", "Europe/Belgrade"),
    ("berlin", "Europe/Berlin"),
    ("bogota", "America/Bogota"),
    ("boston", "America/New_York"),
    ("brussels", "Europe/Brussels"),
    ("bucharest", "Europe/Bucharest"),
    ("budapest", "Europe/Budapest"),
    ("buenos aires", "America/Argentina/Buenos_Aires"),
    ("cairo", "Africa/Cairo"),
    ("california", "America/Los_Angeles"),
    ("canberra", "Australia/Sydney"),
    ("cape town", "Africa/Johannesburg"),
    ("chicago", "America/Chicago"),
    ("chile", "America/Santiago"),
    ("china", "Asia/Shanghai"),
    ("colombia", "America/Bogota"),
    ("copenhagen", "Europe/Copenhagen"),
    ("croatia", "Europe/Zagreb"),
    ("dallas", "America/Chicago"),
    ("damascus", "Asia/Damascus"),
    ("delhi", "Asia/Kolkata"),
    ("denmark", "Europe/Copenhagen"),
    ("denver", "America/Denver"),
    ("doha", "Asia/Qatar"),
    ("dubai", "Asia/Dubai"),
    ("dublin", "Europe/Dublin"),
    ("egypt", "Africa/Cairo"),
    ("england", "Europe/London"),
    ("estonia", "Europe/Tallinn"),
    ("ethiopia", "Africa/Addis_Ababa"),
    ("finland", "Europe/Helsinki"),
    ("florida", "America/New_York"),
    ("france", "Europe/Paris"),
    ("frankfurt", "Europe/Berlin"),
    ("gaza", "Asia/Gaza"),
    ("geneva", "Europe/Zurich"),
    ("germany", "Europe/Berlin"),
    ("ghana", "Africa/Accra"),
    ("greece", "Europe/Athens"),
    ("hanoi", "Asia/Bangkok"),
    ("havana", "America/Havana"),
    ("helsinki", "Europe/Helsinki"),
    ("hong kong", "Asia/Hong_Kong"),
    ("houston", "America/Chicago"),
    ("hungary", "Europe/Budapest"),
    ("iceland", "Atlantic/Reykjavik"),
    ("india", "Asia/Kolkata"),
    ("iran", "Asia/Tehran"),
    ("iraq", "Asia/Baghdad"),
    ("ireland", "Europe/Dublin"),
    ("islamabad", "Asia/Karachi"),
    ("israel", "Asia/Jerusalem"),
    ("istanbul", "Europe/Istanbul"),
    ("italy", "Europe/Rome"),
    ("jakarta", "Asia/Jakarta"),
    ("japan", "Asia/Tokyo"),
    ("jerusalem", "Asia/Jerusalem"),
    ("johannesburg", "Africa/Johannesburg"),
    ("kabul", "Asia/Kabul"),
    ("karachi", "Asia/Karachi"),
    ("kenya", "Africa/Nairobi"),
    ("kharkiv", "Europe/Kyiv"),
    ("kiev", "Europe/Kyiv"),
    ("kinshasa", "Africa/Kinshasa"),
    ("kyiv", "Europe/Kyiv"),
    ("lagos", "Africa/Lagos"),
    ("latvia", "Europe/Riga"),
    ("lebanon", "Asia/Beirut"),
    ("lima", "America/Lima"),
    ("lisbon", "Europe/Lisbon"),
    ("lithuania", "Europe/Vilnius"),
    ("london", "Europe/London"),
    ("los angeles", "America/Los_Angeles"),
    ("lviv", "Europe/Kyiv"),
    ("madrid", "Europe/Madrid"),
    ("manila", "Asia/Manila"),
    ("mexico", "America/Mexico_City"),
    ("mexico city", "America/Mexico_City"),
    ("miami", "America/New_York"),
    ("milan", "Europe/Rome"),
    ("minsk", "Europe/Minsk"),
    ("moldova", "Europe/Chisinau"),
    ("moscow", "Europe/Moscow"),
    ("mumbai", "Asia/Kolkata"),
    ("munich", "Europe/Berlin"),
    ("nairobi", "Africa/Nairobi"),
    ("netherlands", "Europe/Amsterdam"),
    ("new delhi", "Asia/Kolkata"),
    ("new mexico", "America/Denver"),
    ("new york", "America/New_York"),
    ("new zealand", "Pacific/Auckland"),
    ("nigeria", "Africa/Lagos"),
    ("north korea", "Asia/Pyongyang"),
    ("norway", "Europe/Oslo"),
    ("odesa", "Europe/Kyiv"),
    ("odessa", "Europe/Kyiv"),
    ("oslo", "Europe/Oslo"),
    ("ottawa", "America/Toronto"),
    ("pakistan", "Asia/Karachi"),
    ("paris", "Europe/Paris"),
    ("peru", "America/Lima"),
    ("philippines", "Asia/Manila"),
    ("poland", "Europe/Warsaw"),
    ("portugal", "Europe/Lisbon"),
    ("prague", "Europe/Prague"),
    ("pyongyang", "Asia/Pyongyang"),
    ("qatar", "Asia/Qatar"),
    ("riga", "Europe/Riga"),
    ("rio de janeiro", "America/Sao_Paulo"),
    ("riyadh", "Asia/Riyadh"),
    ("romania", "Europe/Bucharest"),
    ("rome", "Europe/Rome"),
    ("russia", "Europe/Moscow"),
    ("san francisco", "America/Los_Angeles"),
    ("sao paulo", "America/Sao_Paulo"),
    ("saudi arabia", "Asia/Riyadh"),
    ("scotland", "Europe/London"),
    ("seattle", "America/Los_Angeles"),
    ("seoul", "Asia/Seoul"),
    ("serbia", "Europe/Belgrade"),
    ("shanghai", "Asia/Shanghai"),
    ("singapore", "Asia/Singapore"),
    ("south africa", "Africa/Johannesburg"),
    ("south korea", "Asia/Seoul"),
    ("spain", "Europe/Madrid"),
    ("st petersburg", "Europe/Moscow"),
    ("stockholm", "Europe/Stockholm"),
    ("sweden", "Europe/Stockholm"),
    ("switzerland", "Europe/Zurich"),
    ("sydney", "Australia/Sydney"),
    ("syria", "Asia/Damascus"),
    ("taipei", "Asia/Taipei"),
    ("taiwan", "Asia/Taipei"),
    ("tallinn", "Europe/Tallinn"),
    ("tehran", "Asia/Tehran"),
    ("tel aviv", "Asia/Jerusalem"),
    ("texas", "America/Chicago"),
    ("thailand", "Asia/Bangkok"),
    ("tokyo", "Asia/Tokyo"),
    ("toronto", "America/Toronto"),
    ("turkey", "Europe/Istanbul"),
    ("ukraine", "Europe/Kyiv"),
    ("united kingdom", "Europe/London"),
    ("vancouver", "America/Vancouver"),
    ("vienna", "Europe/Vienna"),
    ("vietnam", "Asia/Bangkok"),
    ("vilnius", "Europe/Vilnius"),
    ("warsaw", "Europe/Warsaw"),
    ("washington", "America/New_York"),
    ("zagreb", "Europe/Zagreb"),
    ("zurich", "Europe/Zurich"),
];

/// The most words a place name in [`PLACES`] has.
const LONGEST: usize = 3;

/// The zone of a place of the table, by its name (any case, diacritics aside).
pub fn zone_of(place: &str) -> Option<Tz> {
    let key = parallax_text::fold_diacritics(&place.to_lowercase()).replace('.', "");
    PLACES
        .binary_search_by(|(name, _)| name.cmp(&key.as_str()))
        .ok()
        .and_then(|k| PLACES[k].1.parse().ok())
}

/// Words before a place that say something happened there.
const LOCATIVE: &[&str] = &["in", "at", "near", "outside", "across"];

/// The zone of the first place of the table that `text` names: whole capitalised words
/// ("Kyiv", "KYIV", "New York"), longest name first. In running text (`located`) only a
/// place something happened in counts ("the summit in Alaska", "near Kharkiv"), not one
/// named for its people or government ("Ukraine peace talks", "Washington and Moscow
/// agreed").
pub fn first_zone(text: &str, located: bool) -> Option<Tz> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    for start in 0..words.len() {
        if !words[start].starts_with(char::is_uppercase) {
            continue;
        }
        let after_locative = start > 0 && LOCATIVE.contains(&words[start - 1]);
        if located && !after_locative {
            continue;
        }
        for len in (1..=LONGEST.min(words.len() - start)).rev() {
            if let Some(zone) = zone_of(&words[start..start + len].join(" ")) {
                return Some(zone);
            }
        }
    }
    None
}

/// Where an article's event happened, as a zone: its dateline's place, else the first
/// place its opening paragraph says something happened in. The flag says the dateline
/// was the source.
pub fn article_zone(dateline: Option<&str>, lead: &str) -> Option<(Tz, bool)> {
    dateline
        .and_then(|d| first_zone(d, false))
        .map(|z| (z, true))
        .or_else(|| first_zone(lead, true).map(|z| (z, false)))
}

/// The zone of a story's event from its articles' zones: the one most datelines name,
/// else the one most openings name (ties to the first named).
pub fn story_zone(articles: &[Option<(Tz, bool)>]) -> Option<Tz> {
    for from_dateline in [true, false] {
        let mut counts: Vec<(Tz, usize)> = Vec::new();
        for &(zone, d) in articles.iter().flatten() {
            if d != from_dateline {
                continue;
            }
            match counts.iter_mut().find(|(z, _)| *z == zone) {
                Some((_, n)) => *n += 1,
                None => counts.push((zone, 1)),
            }
        }
        // The first of the most named: `max_by_key` keeps the last of equals.
        if let Some(&(zone, _)) = counts.iter().rev().max_by_key(|(_, n)| *n) {
            return Some(zone);
        }
    }
    None
}

/// The day a moment falls on where the event happened, or in the moment's own offset
/// when the place is not known.
pub fn local_day(t: DateTime<FixedOffset>, zone: Option<Tz>) -> NaiveDate {
    match zone {
        Some(z) => t.with_timezone(&z).date_naive(),
        None => t.date_naive(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_every_zone_is_known() {
        assert!(
            PLACES.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no repeats"
        );
        for (place, zone) in PLACES {
            assert!(zone.parse::<Tz>().is_ok(), "{place}: {zone}");
            assert!(place.split(' ').count() <= LONGEST, "{place}");
        }
    }

    #[test]
    fn places_are_found_in_datelines_and_openings() {
        for (text, zone) in [
            ("KYIV, Ukraine (AP) —", Some("Europe/Kyiv")),
            ("Washington, Aug 17", Some("America/New_York")),
            ("SÃO PAULO, Brazil", Some("America/Sao_Paulo")),
            ("Sao Paulo", Some("America/Sao_Paulo")),
            ("NEW YORK, March 3 (Reuters) -", Some("America/New_York")),
            ("OSTVIK, Norland, Oct 15 (NWA)", None),
        ] {
            let zone = zone.map(|z| z.parse().unwrap());
            assert_eq!(first_zone(text, false), zone, "{text}");
            assert_eq!(
                article_zone(Some(text), ""),
                zone.map(|z| (z, true)),
                "{text}"
            );
        }
        for (lead, zone) in [
            ("Talks in New Delhi ended on Friday.", Some("Asia/Kolkata")),
            ("Officials in St. Petersburg said", Some("Europe/Moscow")),
            (
                "Witkoff said Washington and Moscow agreed at the summit in Alaska.",
                Some("America/Anchorage"),
            ),
            ("The Ukraine peace talks resume.", None),
            ("Fog closed the york minster.", None),
            ("A bridge fell in Ostvik.", None),
        ] {
            let zone = zone.map(|z| z.parse().unwrap());
            assert_eq!(article_zone(None, lead), zone.map(|z| (z, false)), "{lead}");
        }
    }

    #[test]
    fn a_story_takes_the_zone_most_datelines_name() {
        let kyiv: Tz = "Europe/Kyiv".parse().unwrap();
        let ny: Tz = "America/New_York".parse().unwrap();
        for (articles, zone) in [
            (vec![Some((ny, false)), Some((kyiv, true))], Some(kyiv)),
            (vec![Some((ny, false)), Some((kyiv, false))], Some(ny)),
            (
                vec![Some((kyiv, true)), Some((ny, true)), Some((ny, true))],
                Some(ny),
            ),
            (vec![None, None], None),
        ] {
            assert_eq!(story_zone(&articles), zone, "{articles:?}");
        }
    }

    #[test]
    fn a_moment_falls_on_the_day_of_the_place() {
        let late = DateTime::parse_from_rfc3339("2026-03-02T23:30:00-05:00").unwrap();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        for (zone, expected) in [
            (Some("Europe/Kyiv"), "2026-03-03"),
            (Some("America/Los_Angeles"), "2026-03-02"),
            (Some("Asia/Tokyo"), "2026-03-03"),
            (None, "2026-03-02"),
        ] {
            let zone = zone.map(|z| z.parse().unwrap());
            assert_eq!(local_day(late, zone), day(expected), "{zone:?}");
        }
        // Summer time: Kyiv is UTC+3 in August, so 21:30 UTC is already the next day.
        let summer = DateTime::parse_from_rfc3339("2025-08-17T21:30:00+00:00").unwrap();
        assert_eq!(
            local_day(summer, "Europe/Kyiv".parse().ok()),
            day("2025-08-18")
        );
    }
}
