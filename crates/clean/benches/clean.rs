//! Cleaning throughput on the example corpus: every article, one after another, on one core.
//!
//! `cargo bench -p parallax-clean` — figures go into BENCHMARKS.md.

use parallax_clean::{clean, Settings};
use parallax_model::RawArticle;

fn main() {
    divan::main();
}

fn corpus() -> Vec<RawArticle> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| parallax_ingest::read_text(p, Default::default()).unwrap())
        .collect()
}

#[divan::bench]
fn example_corpus(bencher: divan::Bencher) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let settings = Settings::default();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            let cleaned: Vec<_> = articles.iter().map(|a| clean(a, &settings)).collect();
            // The answer is checked, not just produced: every article keeps a body.
            assert_eq!(
                cleaned.iter().filter(|a| !a.body.is_empty()).count(),
                articles.len()
            );
            cleaned
        });
}
