//! The report contract's fields and types, checked.

use serde_json::Value;

#[derive(Clone, Copy)]
enum T {
    Str,
    OptStr,
    Int,
    Array,
    OptObject,
    Number,
    Bool,
}

fn check(v: &Value, t: T) -> bool {
    match t {
        T::Str => v.is_string(),
        T::OptStr => v.is_string() || v.is_null(),
        T::Int => v.is_u64(),
        T::Array => v.is_array(),
        T::OptObject => v.is_object() || v.is_null(),
        T::Number => v.is_number(),
        T::Bool => v.is_boolean(),
    }
}

fn fields(v: &Value, at: &str, spec: &[(&str, T)], problems: &mut Vec<String>) {
    let Some(obj) = v.as_object() else {
        problems.push(format!("{at}: not an object"));
        return;
    };
    for &(name, t) in spec {
        match obj.get(name) {
            None => problems.push(format!("{at}: no field `{name}`")),
            Some(x) if !check(x, t) => problems.push(format!("{at}.{name}: wrong type ({x})")),
            Some(_) => {}
        }
    }
}

fn one_of(v: &Value, at: &str, allowed: &[&str], nullable: bool, problems: &mut Vec<String>) {
    match v.as_str() {
        Some(s) if allowed.contains(&s) => {}
        None if nullable && v.is_null() => {}
        _ => problems.push(format!("{at}: {v} is not one of {allowed:?}")),
    }
}

fn each(v: &Value, at: &str, spec: &[(&str, T)], problems: &mut Vec<String>) {
    for (k, x) in v.as_array().into_iter().flatten().enumerate() {
        fields(x, &format!("{at}[{k}]"), spec, problems);
    }
}

/// Every way `report` departs from the contract: a missing field, a wrong type, a value
/// outside its set, a story that names an unknown article. Empty when it conforms.
pub fn validate(report: &Value) -> Vec<String> {
    let mut p = Vec::new();
    fields(
        report,
        "report",
        &[
            ("parallax_report", T::Int),
            ("articles", T::Array),
            ("stories", T::Array),
        ],
        &mut p,
    );
    if report["parallax_report"] != 1 && report.get("parallax_report").is_some() {
        p.push(format!(
            "report.parallax_report: {} is not 1",
            report["parallax_report"]
        ));
    }
    let mut ids = std::collections::HashSet::new();
    let story_ids: std::collections::HashSet<&str> = report["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["id"].as_str())
        .collect();
    for (k, a) in report["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let at = format!("articles[{k}]");
        fields(
            a,
            &at,
            &[
                ("id", T::Str),
                ("source", T::Str),
                ("title", T::OptStr),
                ("outlet", T::OptStr),
                ("url", T::OptStr),
                ("published", T::OptStr),
                ("published_source", T::OptStr),
                ("kind", T::Str),
                ("dateline", T::OptStr),
                ("body", T::Str),
                ("removed", T::Array),
                ("appended", T::Array),
                ("story", T::Str),
                ("copy_of", T::OptObject),
            ],
            &mut p,
        );
        one_of(
            &a["kind"],
            &format!("{at}.kind"),
            &["news", "opinion", "other"],
            false,
            &mut p,
        );
        one_of(
            &a["published_source"],
            &format!("{at}.published_source"),
            &["header", "text", "inferred"],
            true,
            &mut p,
        );
        if let Some(t) = a["published"].as_str() {
            if !looks_rfc3339(t) {
                p.push(format!("{at}.published: {t} is not RFC 3339"));
            }
        }
        each(
            &a["removed"],
            &format!("{at}.removed"),
            &[("text", T::Str), ("reason", T::Str)],
            &mut p,
        );
        each(
            &a["appended"],
            &format!("{at}.appended"),
            &[("text", T::Str), ("kind", T::Str)],
            &mut p,
        );
        if a["copy_of"].is_object() {
            fields(
                &a["copy_of"],
                &format!("{at}.copy_of"),
                &[("article", T::Str), ("similarity", T::Number)],
                &mut p,
            );
        }
        if let Some(s) = a["story"].as_str() {
            if !story_ids.contains(s) {
                p.push(format!("{at}.story: no story {s}"));
            }
        }
        if let Some(id) = a["id"].as_str() {
            if !ids.insert(id.to_string()) {
                p.push(format!("{at}.id: {id} appears twice"));
            }
        }
    }
    for (k, s) in report["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let at = format!("stories[{k}]");
        fields(
            s,
            &at,
            &[
                ("id", T::Str),
                ("headline", T::Str),
                ("articles", T::Array),
                ("origin", T::OptStr),
                ("entities", T::Array),
                ("quotes", T::Array),
                ("facts", T::Array),
                ("timeline", T::Array),
            ],
            &mut p,
        );
        for a in s["articles"].as_array().into_iter().flatten() {
            if !a.as_str().is_some_and(|id| ids.contains(id)) {
                p.push(format!("{at}.articles: unknown article {a}"));
            }
        }
        each(
            &s["entities"],
            &format!("{at}.entities"),
            &[
                ("id", T::Str),
                ("name", T::Str),
                ("type", T::Str),
                ("mentions", T::Array),
            ],
            &mut p,
        );
        each(
            &s["quotes"],
            &format!("{at}.quotes"),
            &[
                ("id", T::Str),
                ("speaker", T::OptStr),
                ("speaker_entity", T::OptStr),
                ("text", T::Str),
                ("occurrences", T::Array),
            ],
            &mut p,
        );
        for (q, quote) in s["quotes"].as_array().into_iter().flatten().enumerate() {
            each(
                &quote["occurrences"],
                &format!("{at}.quotes[{q}].occurrences"),
                &[
                    ("article", T::Str),
                    ("parts", T::Array),
                    ("direct", T::Bool),
                    ("fidelity", T::Str),
                    ("attribution", T::OptStr),
                ],
                &mut p,
            );
        }
        each(
            &s["facts"],
            &format!("{at}.facts"),
            &[
                ("id", T::Str),
                ("topic", T::Str),
                ("status", T::Str),
                ("values", T::Array),
            ],
            &mut p,
        );
        each(
            &s["timeline"],
            &format!("{at}.timeline"),
            &[("date", T::Str), ("event", T::Str), ("mentions", T::Array)],
            &mut p,
        );
    }
    p
}

fn looks_rfc3339(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 20
        && b[4] == b'-'
        && b[7] == b'-'
        && (b[10] == b'T' || b[10] == b't')
        && (t.ends_with('Z') || t[19..].contains(['+', '-']))
}
