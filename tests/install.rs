//! `cargo install --path .` works: the installed binary, run from another
//! folder with no checkout beside it, has everything it needs built in
//! (the gazetteer, the default feeds, the demo stories).
//!
//! The install builds the debug profile into this build's target folder,
//! so it reuses what `cargo test` compiled; README's `cargo install
//! --locked --path .` differs only in building the release profile.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The target folder this test binary was built in (`…/target`).
fn target_dir() -> PathBuf {
    let bin = Path::new(env!("CARGO_BIN_EXE_byline"));
    // …/target/debug/byline → …/target
    bin.ancestors()
        .nth(2)
        .expect("the binary sits in target/PROFILE")
        .to_path_buf()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Whether an environment variable of this test came from the user's
/// shell rather than from cargo running the test.
fn set_by_the_user(key: &str) -> bool {
    let kept = [
        "CARGO_HOME",
        "CARGO_BUILD_",
        "CARGO_NET_",
        "CARGO_REGISTR",
        "CARGO_TERM_",
    ];
    match key {
        "CARGO" | "LD_LIBRARY_PATH" | "OUT_DIR" => false,
        _ if key.starts_with("CARGO_") => kept.iter().any(|k| key.starts_with(k)),
        _ => !key.starts_with("RUST_TEST_"),
    }
}

#[test]
fn cargo_install_gives_a_binary_that_runs_on_its_own() {
    let root = tempfile::tempdir().expect("install root");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let install = Command::new(cargo)
        .args([
            "install",
            "--locked",
            "--offline",
            "--debug",
            "--quiet",
            "--path",
        ])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg("--root")
        .arg(root.path())
        .arg("--target-dir")
        .arg(target_dir())
        // Without what cargo set for this test (CARGO_MANIFEST_DIR,
        // CARGO_PKG_*, LD_LIBRARY_PATH…): seeing them, the install would
        // rebuild shared dependencies, and the next `cargo test` rebuild
        // them back.
        .env_clear()
        .envs(std::env::vars().filter(|(k, _)| set_by_the_user(k)))
        .output()
        .expect("cargo runs");
    assert!(install.status.success(), "{}", text(&install));
    let byline = root.path().join("bin").join("byline");
    assert!(byline.is_file(), "installed at {}", byline.display());

    // Run from an empty folder, with a fresh home: nothing of the checkout
    // is reachable.
    let home = tempfile::tempdir().expect("home");
    let run = |args: &[&str]| {
        Command::new(&byline)
            .args(args)
            .current_dir(home.path())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_STATE_HOME", home.path().join("state"))
            .env_remove("BYLINE_CONFIG")
            .env_remove("BYLINE_DATA_DIR")
            .output()
            .expect("the installed byline runs")
    };
    let version = run(&["--version"]);
    assert!(version.status.success(), "{}", text(&version));
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("byline {}", env!("CARGO_PKG_VERSION"))
    );
    let help = run(&["list", "--help"]);
    assert!(text(&help).contains("--person"), "{}", text(&help));
    // The reader's first screen without a terminal: the demo stories, the
    // default feeds.
    let screen = run(&["screen", "--size", "100x20"]);
    assert!(screen.status.success(), "{}", text(&screen));
    let shown = text(&screen);
    assert!(
        shown.contains("All stories") && shown.contains("unread"),
        "{shown}"
    );
    let feeds = run(&["feeds"]);
    assert!(feeds.status.success(), "{}", text(&feeds));
    // The bundled gazetteer: a capital gives its country.
    let analyze = Command::new(&byline)
        .args(["analyze", "--json", "-"])
        .current_dir(home.path())
        .env("HOME", home.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(b"Officials in Pyongyang said the talks would resume.")?;
            child.wait_with_output()
        })
        .expect("analyze runs");
    let answer: serde_json::Value = serde_json::from_slice(&analyze.stdout).expect("JSON");
    let countries: Vec<&str> = answer["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["country"].as_str())
        .collect();
    assert!(countries.contains(&"KP"), "{answer}");
}
