//! An outlet's wording of a quotation against the fullest one, word by word: words it
//! leaves out struck (`<del>`), words it adds or changes marked (`<ins>`).
//!
//! The words the two share at the start and at the end are matched first; what is left
//! is matched by a longest-common-subsequence table, whose size is bounded by
//! [`MAX_DIFF_CELLS`]. Past that bound (two long, different versions) the version is
//! shown whole, without a word diff, with a note saying so: the table grows with the
//! product of the two lengths, and 20,000 words against 20,000 took 1.6 GB and seconds.

use parallax_report::escape_html as esc;

/// Largest word-by-word table (words of one version times words of the other, after the
/// shared start and end are taken off): 4,000,000 cells of 4 bytes, 16 MB, a few
/// milliseconds; quotations run to tens of words. Past it, no word diff.
pub(crate) const MAX_DIFF_CELLS: usize = 4_000_000;

/// `version` against `fullest` as escaped HTML.
pub(crate) fn word_diff(version: &str, fullest: &str) -> String {
    let norm = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            .replace('’', "'")
    };
    let a: Vec<&str> = version.split_whitespace().collect();
    let b: Vec<&str> = fullest.split_whitespace().collect();
    let (na, nb): (Vec<String>, Vec<String>) = (
        a.iter().map(|w| norm(w)).collect(),
        b.iter().map(|w| norm(w)).collect(),
    );
    let start = na.iter().zip(&nb).take_while(|(x, y)| x == y).count();
    let end = na[start..]
        .iter()
        .rev()
        .zip(nb[start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (na.len() - start - end, nb.len() - start - end);
    if ma.saturating_mul(mb) > MAX_DIFF_CELLS {
        return format!(
            "<span class=meta>(not compared word by word: {} words against {}, too long)</span> {}",
            a.len(),
            b.len(),
            esc(version)
        );
    }
    let steps = matched(&na[start..start + ma], &nb[start..start + mb]);
    let mut out: Vec<String> = a[..start].iter().map(|w| esc(w)).collect();
    let (mut i, mut j) = (start, start);
    let mut left_out: Vec<&str> = Vec::new();
    let flush = |left_out: &mut Vec<&str>, out: &mut Vec<String>| {
        if !left_out.is_empty() {
            out.push(format!("<del>{}</del>", esc(&left_out.join(" "))));
            left_out.clear();
        }
    };
    for step in steps {
        match step {
            Step::Same => {
                flush(&mut left_out, &mut out);
                out.push(esc(a[i]));
                i += 1;
                j += 1;
            }
            Step::LeftOut => {
                left_out.push(b[j]);
                j += 1;
            }
            Step::Added => {
                flush(&mut left_out, &mut out);
                out.push(format!("<ins>{}</ins>", esc(a[i])));
                i += 1;
            }
        }
    }
    flush(&mut left_out, &mut out);
    out.extend(a[i..].iter().map(|w| esc(w)));
    out.join(" ")
}

/// One step through the two versions.
enum Step {
    /// A word both have.
    Same,
    /// A word of the fullest the version leaves out.
    LeftOut,
    /// A word the version adds.
    Added,
}

/// The steps of a longest common subsequence of `a` (the version) and `b` (the fullest),
/// words left out before words added where both could come next.
fn matched(a: &[String], b: &[String]) -> Vec<Step> {
    let width = b.len() + 1;
    let mut t = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            t[i * width + j] = if a[i] == b[j] {
                t[(i + 1) * width + j + 1] + 1
            } else {
                t[(i + 1) * width + j].max(t[i * width + j + 1])
            };
        }
    }
    let mut steps = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            steps.push(Step::Same);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || t[i * width + j + 1] >= t[(i + 1) * width + j]) {
            steps.push(Step::LeftOut);
            j += 1;
        } else {
            steps.push(Step::Added);
            i += 1;
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_left_out_and_added() {
        let full = "The crew did everything right. Within forty minutes every passenger was safe,";
        assert_eq!(
            word_diff("Within forty minutes every passenger was safe,", full),
            "<del>The crew did everything right.</del> Within forty minutes every passenger was safe,"
        );
        assert_eq!(
            word_diff("The crew did right. Within forty minutes all were safe,", full),
            "The crew did <del>everything</del> right. Within forty minutes <del>every passenger was</del> <ins>all</ins> <ins>were</ins> safe,"
        );
        assert_eq!(word_diff("<b>", "x"), "<del>x</del> <ins>&lt;b&gt;</ins>");
        assert_eq!(word_diff("a b c", "a b c"), "a b c");
        assert_eq!(word_diff("", "a"), "<del>a</del>");
        assert_eq!(word_diff("a", ""), "<ins>a</ins>");
    }

    /// 20,000 words against themselves, and against a version with every seventh word
    /// left out: the first is matched by its shared start, the second is past the bound
    /// and shown whole, saying so (the table alone took 1.6 GB).
    #[test]
    fn long_quotations_are_bounded() {
        let words: Vec<String> = (0..20_000).map(|k| format!("w{}", k % 97)).collect();
        let full = words.join(" ");
        assert_eq!(word_diff(&full, &full), esc(&full));
        let trimmed: Vec<&str> = words
            .iter()
            .enumerate()
            .filter(|(k, _)| k % 7 != 3)
            .map(|(_, w)| w.as_str())
            .collect();
        let shown = word_diff(&trimmed.join(" "), &full);
        assert!(
            shown.starts_with(
                "<span class=meta>(not compared word by word: 17143 words against 20000"
            ),
            "{}",
            &shown[..200]
        );
        assert!(!shown.contains("<del>"));
    }
}
