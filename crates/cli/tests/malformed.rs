//! Bad input is reported, one line per file, and never costs the good articles.

mod common;

use std::process::Command;

#[test]
fn a_folder_of_bad_files_gives_a_report_for_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good-1.txt"), "Title: Lisk bridge closes\n\nThe Lisk bridge closed on Monday for repairs, the council said.").unwrap();
    std::fs::write(d.join("good-2.txt"), "Lisk bridge shut for a year\n\nEngineers found cracks in two supports of the Lisk bridge, the council said on Monday.").unwrap();
    std::fs::write(
        d.join("latin1.txt"),
        b"Caf\xe9 owners on the Lisk bridge said trade had fallen.",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("blank.txt"), "\n \n\t\n").unwrap();
    std::fs::write(
        d.join("binary.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe],
    )
    .unwrap();
    let big = std::fs::File::create(d.join("huge.txt")).unwrap();
    big.set_len(50 << 20).unwrap();
    std::os::unix::fs::symlink(d.join("missing-target.txt"), d.join("dangling.txt")).unwrap();
    std::fs::write(d.join("locked.txt"), "The council met on Monday.").unwrap();
    let locked = d.join("locked.txt");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file whatever its mode; the lock only counts for other users.
    let locked_is_unreadable = std::fs::read(&locked).is_err();
    std::fs::write(d.join("notes.json"), "{\"not\": \"an article\"}").unwrap();
    std::fs::write(d.join("feed.jsonl"), "{\"id\":\"j1\",\"title\":\"Bridge\",\"text\":\"The Lisk bridge reopened on Friday, the council said.\"}\nnot json\n{\"id\":\"j3\"}\n").unwrap();

    let out = tempfile::tempdir().unwrap();
    let (output, report) = common::analyze(&[d], out.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(3),
        "skipped inputs give exit status 3: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    let skipped_line = |needle: &str, problem: &str| {
        let lines: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("skipped ") && l.contains(needle))
            .collect();
        assert_eq!(lines.len(), 1, "one line for {needle}: {stderr}");
        assert!(lines[0].contains(problem), "{needle}: {}", lines[0]);
    };
    skipped_line("latin1.txt", "invalid UTF-8 at byte 3");
    skipped_line("empty.txt", "empty file");
    skipped_line("blank.txt", "empty file");
    skipped_line("binary.txt", "binary file");
    skipped_line("huge.txt", "over the");
    skipped_line("dangling.txt", "cannot read");
    skipped_line("feed.jsonl:2", "invalid JSON");
    skipped_line("feed.jsonl:3", "no \"text\"");
    if locked_is_unreadable {
        skipped_line("locked.txt", "cannot read");
    }
    assert!(
        !stderr.contains("notes.json"),
        "a JSON file that is not JSON lines is ignored in folders"
    );

    let ids: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    for id in ["good-1", "good-2", "j1"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert_eq!(
        report["summary"]["skipped"].as_array().unwrap().len(),
        if locked_is_unreadable { 9 } else { 8 }
    );
    assert!(parallax_eval::validate(&report).is_empty());
    assert!(
        stderr.contains("skipped ("),
        "the summary line counts skips by reason: {stderr}"
    );
}

#[test]
fn a_missing_path_is_named_and_bad_settings_stop_the_run() {
    let out = tempfile::tempdir().unwrap();
    let missing = out.path().join("no-such-folder");
    let (output, _) = common::analyze(&[&missing], out.path());
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-folder: cannot read"));

    let settings = out.path().join("settings.json");
    std::fs::write(&settings, "{\"stories\": {\"threshhold\": 0.5}}").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["analyze", "--settings"])
        .arg(&settings)
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("settings.json: not valid settings") && stderr.contains("threshhold"),
        "{stderr}"
    );
}
