//! What a GET asks for: its route and the query parameters that route reads. Everything
//! else in the URL (an unknown parameter, an empty one, their order) is dropped, so that
//! it neither changes the answer nor makes a new entry in the reply cache.

use std::collections::HashMap;
use std::fmt::Write as _;

/// A GET's route with its meaningful parameters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Route {
    /// `GET /api/stories`.
    ApiStories(Filter),
    /// `GET /api/stories/{id}`.
    ApiStory(String),
    /// `GET /api/articles/{id}`.
    ApiArticle(String),
    /// `GET /`.
    Stories(Filter),
    /// `GET /stories/{id}`.
    Story(String),
    /// `GET /articles/{id}?hl=`: the article with the evidence `hl` marked.
    Article {
        /// The article.
        id: String,
        /// The evidence to mark (empty: none).
        hl: String,
    },
    /// `GET /style.css`: the pages' style sheet.
    Style,
    /// Anything else.
    NotFound {
        /// Under `/api/`: answered as JSON.
        api: bool,
    },
}

/// The story list's filters (`q`, `outlet`, `from`, `to`; empty: not given).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Filter {
    /// Full-text search.
    pub(crate) q: String,
    /// An outlet that told the story.
    pub(crate) outlet: String,
    /// Newest article on or after this ISO date.
    pub(crate) from: String,
    /// Newest article on or before this ISO date.
    pub(crate) to: String,
}

impl Route {
    /// The route of a request target (`/path?query`).
    pub(crate) fn of(target: &str) -> Route {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let query = parse_query(query);
        let get = |k: &str| {
            query
                .get(k)
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        let filter = || Filter {
            q: get("q"),
            outlet: get("outlet"),
            from: get("from"),
            to: get("to"),
        };
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            ["api", "stories"] => Route::ApiStories(filter()),
            ["api", "stories", id] => Route::ApiStory(decode(id)),
            ["api", "articles", id] => Route::ApiArticle(decode(id)),
            [""] => Route::Stories(filter()),
            ["stories", id] => Route::Story(decode(id)),
            ["articles", id] => Route::Article {
                id: decode(id),
                hl: query.get("hl").cloned().unwrap_or_default(),
            },
            ["style.css"] => Route::Style,
            ["api", ..] => Route::NotFound { api: true },
            _ => Route::NotFound { api: false },
        }
    }
}

fn parse_query(q: &str) -> HashMap<String, String> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding, with `+` as a space.
pub(crate) fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| Some(hex(bytes[i + 1])? * 16 + hex(bytes[i + 2])?))
            .flatten();
        match (bytes[i], escaped) {
            (_, Some(b)) => {
                out.push(b as u8);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding for a path segment or query value.
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_decoded() {
        let q = parse_query("q=ferry+aground&outlet=Coastline%20News");
        assert_eq!(q["q"], "ferry aground");
        assert_eq!(q["outlet"], "Coastline News");
        assert_eq!(encode("a b/é"), "a%20b%2F%C3%A9");
        assert_eq!(decode(&encode("a b/é")), "a b/é");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%e"), "%e");
    }

    #[test]
    fn unknown_parameters_do_not_change_the_route() {
        assert_eq!(
            Route::of("/stories/S6?cachebust=1"),
            Route::of("/stories/S6")
        );
        assert_eq!(Route::of("/?outlet=&q=ferry&x=1"), Route::of("/?q=ferry"));
        assert_eq!(
            Route::of("/api/stories?to=2026-03-01&q=a"),
            Route::of("/api/stories/?q=a&to=2026-03-01&utm_source=x")
        );
        assert_ne!(Route::of("/?q=ferry"), Route::of("/?q=fire"));
        assert_eq!(
            Route::of("/articles/a%20b?hl=x&y=2"),
            Route::Article {
                id: "a b".into(),
                hl: "x".into()
            }
        );
        assert_eq!(Route::of("/api/nothing"), Route::NotFound { api: true });
    }
}
