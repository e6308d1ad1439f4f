//! A text article (header block and body) through `parallax_clean::clean`, with the
//! cleaning's promise checked: the body's paragraphs, every removed line and the appended
//! text are the input's characters at the positions the article gives them.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(contents) = std::str::from_utf8(data) else {
        return;
    };
    let raw = parallax_ingest::text_article("a".into(), "a.txt".into(), contents);
    for settings in [
        parallax_clean::Settings::default(),
        parallax_clean::Settings {
            split_appended: false,
            drop_repeated_lines: false,
        },
    ] {
        let article = parallax_clean::clean(&raw, &settings);
        parallax_fuzz::check_clean(&raw.text, &article);
    }
});
