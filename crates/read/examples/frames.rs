//! Prints the attribution frames of article files: `cargo run -p parallax-read --example
//! frames -- FILE...`. A header block (`Key: value` lines and a blank line) is skipped; every
//! non-blank line is a paragraph.

fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let header = text.lines().next().is_some_and(|l| {
            l.split_once(": ")
                .is_some_and(|(k, _)| k.chars().all(char::is_alphabetic))
        });
        let body = match text.split_once("\n\n") {
            Some((_, b)) if header => b,
            _ => &text,
        };
        let paragraphs: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
        let reading = parallax_read::read(&paragraphs);
        println!("# {path}");
        for f in &reading.frames {
            let parts: Vec<&str> = f.content.iter().map(|c| reading.text(*c)).collect();
            println!(
                "{}{} [{}] <{}> {}",
                if f.direct { "Q" } else { "R" },
                f.paragraph,
                f.speaker.as_deref().unwrap_or("-"),
                f.attribution.map_or("", |a| reading.text(a)),
                parts.join(" | ")
            );
        }
    }
}
