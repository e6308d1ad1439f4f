//! Arbitrary text through `parallax_facts::numbers`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for n in parallax_facts::numbers(text) {
        assert!(
            text.get(n.range.0..n.range.1).is_some(),
            "a number lies in the text"
        );
    }
});
