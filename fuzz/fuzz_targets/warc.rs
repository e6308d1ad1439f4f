//! A WARC file through `parallax_ingest::read`: its records, HTTP responses and pages.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_ingest::Format;

fuzz_target!(|data: &[u8]| {
    parallax_fuzz::read_as(Format::Warc, "crawl.warc", data);
});
