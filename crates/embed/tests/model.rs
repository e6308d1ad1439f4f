//! The encoder and tokenizer against reference outputs of all-MiniLM-L6-v2 (token ids and
//! vector components computed with the Hugging Face tokenizer and candle's own BERT on the
//! same weights). Runs when the model has been fetched (`scripts/fetch-model`) and says
//! it skipped otherwise.

use parallax_embed::{cosine, locate, Embedder, MiniLm};

const TEXTS: [&str; 4] = [
    "The mayor of Lisk closed the bridge.",
    "Floodwater closed the Lisk bridge on Monday, the mayor said.",
    "Harbour United beat Kessa Rovers 3-1 in the cup final.",
    "Zelenskyy met Müller in Đorđević’s café — “naïve” résumé 東京 😀 don't U.S. $5.2m",
];

fn model() -> Option<MiniLm> {
    match locate(None) {
        Some(dir) => Some(MiniLm::load(&dir, 256).expect("the fetched model loads")),
        None => {
            eprintln!("no embedding model (scripts/fetch-model): skipped");
            None
        }
    }
}

#[test]
fn tokens_match_the_reference_tokenizer() {
    let Some(m) = model() else { return };
    let expected: [&[u32]; 4] = [
        &[
            101, 1996, 3664, 1997, 5622, 6711, 2701, 1996, 2958, 1012, 102,
        ],
        &[
            101, 7186, 5880, 2701, 1996, 5622, 6711, 2958, 2006, 6928, 1010, 1996, 3664, 2056,
            1012, 102,
        ],
        &[
            101, 7440, 2142, 3786, 17710, 11488, 9819, 1017, 1011, 1015, 1999, 1996, 2452, 2345,
            1012, 102,
        ],
        &[
            101, 27838, 7770, 5874, 2100, 2777, 12304, 1999, 1102, 2953, 29671, 17726, 1521, 1055,
            7668, 1517, 1523, 15743, 1524, 13746, 1879, 1755, 100, 2123, 1005, 1056, 1057, 1012,
            1055, 1012, 1002, 1019, 1012, 1016, 2213, 102,
        ],
    ];
    for (text, ids) in TEXTS.iter().zip(expected) {
        assert_eq!(m.tokens(text), ids, "{text}");
    }
}

#[test]
fn vectors_match_the_reference_encoder() {
    let Some(m) = model() else { return };
    let v = m.embed(&TEXTS).unwrap();
    let first_components = [
        [0.0071, 0.14328, 0.08415, 0.05291],
        [-0.01776, 0.09987, 0.10274, 0.00693],
        [0.00201, 0.04778, -0.09376, -0.03414],
        [0.06712, 0.08513, 0.00339, 0.00014],
    ];
    for (got, want) in v.iter().zip(first_components) {
        assert_eq!(got.len(), 384);
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-4, "{g} vs {w}");
        }
    }
    let pairs = [
        ((0, 1), 0.81355),
        ((0, 2), 0.12358),
        ((1, 2), 0.07847),
        ((0, 3), 0.12957),
    ];
    for ((a, b), want) in pairs {
        let got = cosine(&v[a], &v[b]);
        assert!((got - want).abs() < 1e-4, "cosine {a},{b}: {got} vs {want}");
    }
}

#[test]
fn a_batch_gives_each_passage_its_own_vector() {
    let Some(m) = model() else { return };
    let together = m.embed(&TEXTS).unwrap();
    for (i, text) in TEXTS.iter().enumerate() {
        let alone = m.embed(&[text]).unwrap();
        assert!(cosine(&alone[0], &together[i]) > 0.9999, "{text}");
    }
}
