//! Arbitrary paragraphs through the reading (`parallax_read::read`) and quotation
//! extraction (`parallax_quotes::said`, `unmarked`, `in_headline`), with every part that
//! has a position checked to be the input's characters there.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (paragraphs, starts) = parallax_fuzz::paragraphs(text);
    let reading = parallax_read::read(&paragraphs);
    let mut found = parallax_quotes::said(&reading, &starts);
    found.extend(parallax_quotes::unmarked(&reading, &starts));
    parallax_quotes::in_headline(&mut found);
    for f in &found {
        for part in &f.parts {
            assert!(
                paragraphs.iter().any(|p| p.contains(part.as_str())),
                "a part is printed"
            );
        }
    }
});
