//! The story page of the example corpus in a real browser: Debian's Chromium driven by
//! Playwright (`tests/browser/story.mjs`). `scripts/setup-browser-tests` installs both;
//! without them this test says so and skips, unless `PARALLAX_BROWSER_TESTS=required`.
//! Screenshots go to `target/browser/`.

mod common;

use std::process::Command;

use common::{root, start, store_of_the_example_corpus};

#[test]
fn the_story_page_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let playwright = root().join("tests/browser/node_modules/playwright-core");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let missing: Vec<&str> = [
        (!node).then_some("node"),
        (!std::path::Path::new(&chromium).exists()).then_some("chromium"),
        (!playwright.is_dir()).then_some("playwright-core"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !missing.is_empty() {
        let required = std::env::var("PARALLAX_BROWSER_TESTS").is_ok_and(|v| v == "required");
        assert!(!required, "browser tests required, but {missing:?} missing");
        println!("browser tests skipped: {missing:?} missing (scripts/setup-browser-tests installs them)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);
    let shots = root().join("target/browser");
    let out = Command::new("node")
        .arg(root().join("tests/browser/story.mjs"))
        .current_dir(root().join("tests/browser"))
        .env("PARALLAX_URL", format!("http://{}", server.addr))
        .env("SCREENSHOTS", &shots)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    println!("{said}");
    assert!(shots.join("story.png").is_file());
    assert!(shots.join("story-phone.png").is_file());
}
