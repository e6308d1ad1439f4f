//! An RSS or Atom feed through `parallax_ingest::read`: its entries and their HTML.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_ingest::Format;

fuzz_target!(|data: &[u8]| {
    parallax_fuzz::read_as(Format::Feed, "feed.xml", data);
});
