//! A text file with a `Key: value` header (or an HTML page, told apart by content) through
//! `parallax_ingest::read`, and its header through `parse_header`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_ingest::Format;

fuzz_target!(|data: &[u8]| {
    parallax_fuzz::read_as(Format::Text, "article.txt", data);
    if let Ok(text) = std::str::from_utf8(data) {
        let (_, start) = parallax_ingest::parse_header(text);
        assert!(text.is_char_boundary(start));
    }
});
