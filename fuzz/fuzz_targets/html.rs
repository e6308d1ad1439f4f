//! An HTML page through `parallax_ingest::html::page_article` (main text and metadata).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let _ = parallax_ingest::html::page_article("page".into(), "page.html".into(), &page);
});
