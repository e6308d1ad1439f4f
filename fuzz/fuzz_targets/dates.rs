//! Arbitrary text through `parallax_facts::resolve_dates` and `timeline`, against a
//! reference day anywhere in the calendar the date library holds (the first four bytes).
#![no_main]
use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let days = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let span = NaiveDate::MAX.num_days_from_ce() - NaiveDate::MIN.num_days_from_ce();
    let days = NaiveDate::MIN.num_days_from_ce() + days.rem_euclid(span + 1);
    let Some(reference) = NaiveDate::from_num_days_from_ce_opt(days) else {
        return;
    };
    let Ok(text) = std::str::from_utf8(&data[4..]) else {
        return;
    };
    let _ = parallax_facts::resolve_dates(text, reference);
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let _ = parallax_facts::timeline(&[("a".to_string(), paragraphs, reference)]);
});
