//! A JSON-lines file through `parallax_ingest::read`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_ingest::Format;

fuzz_target!(|data: &[u8]| {
    parallax_fuzz::read_as(Format::JsonLines, "articles.jsonl", data);
});
