//! Gzip-compressed input through the readers. The first byte picks the reader (text, JSON
//! lines, WARC, feed) and whether the rest is compressed here (so the reader sees a valid
//! stream of fuzzed content) or passed as it is after the gzip magic number (a broken or
//! truncated stream, several members, a bomb).
#![no_main]
use std::io::Write;

use libfuzzer_sys::fuzz_target;
use parallax_ingest::Format;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let (format, name) = match choice & 3 {
        0 => (Format::Text, "article.txt.gz"),
        1 => (Format::JsonLines, "articles.jsonl.gz"),
        2 => (Format::Warc, "crawl.warc.gz"),
        _ => (Format::Feed, "feed.xml.gz"),
    };
    let bytes = if choice & 4 == 0 {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(rest).expect("in memory");
        gz.finish().expect("in memory")
    } else {
        [&[0x1f, 0x8b][..], rest].concat()
    };
    parallax_fuzz::read_as(format, name, &bytes);
});
