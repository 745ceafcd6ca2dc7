//! The help texts of the real binary, and the man pages and shell
//! completions the build writes (rendered here by the same code, from the
//! same clap definitions).

use std::path::Path;
use std::process::Command;

use clap::CommandFactory;

#[path = "../build/generate.rs"]
mod generate;

/// The subcommands of DESIGN.md section 3, in its order.
const COMMANDS: &[&str] = &[
    "fetch", "feeds", "list", "show", "analyze", "entities", "import", "export", "screen",
];

/// Runs `byline ARGS` with no colours and returns its standard output.
fn help(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("BYLINE_CONFIG")
        .env_remove("BYLINE_DATA_DIR")
        .output()
        .expect("byline runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "byline {args:?} exited {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Returns the example lines after "Examples:".
fn examples(text: &str) -> Vec<&str> {
    let (_, after) = text
        .split_once("\nExamples:\n")
        .unwrap_or_else(|| panic!("no Examples: section in\n{text}"));
    after
        .lines()
        .take_while(|l| l.starts_with("  "))
        .map(str::trim)
        .collect()
}

#[test]
fn help_lists_every_command_and_each_has_examples() {
    let top = help(&["--help"]);
    for command in COMMANDS {
        assert!(
            top.lines()
                .any(|l| l.trim_start().starts_with(&format!("{command} "))),
            "`byline --help` does not list {command}:\n{top}"
        );
    }
    for flag in ["--config <PATH>", "--data-dir <DIR>", "BYLINE_CONFIG"] {
        assert!(top.contains(flag), "`byline --help` lacks {flag}:\n{top}");
    }
    assert!(!examples(&top).is_empty());

    for command in COMMANDS {
        let text = help(&[command, "--help"]);
        let shown = examples(&text);
        assert!(
            (1..=3).contains(&shown.len()),
            "`byline {command} --help` has {} examples:\n{text}",
            shown.len()
        );
        for example in shown {
            assert!(
                example.contains(&format!("byline {command}")),
                "`byline {command} --help` has an example of something else: {example}"
            );
        }
        // `-h` shows the same examples.
        assert!(
            help(&[command, "-h"]).contains("\nExamples:\n"),
            "{command} -h"
        );
    }
}

#[test]
fn every_example_parses() {
    let mut cmd = byline::cli::Cli::command();
    for name in std::iter::once(None).chain(COMMANDS.iter().map(Some)) {
        let text = match name {
            None => help(&["--help"]),
            Some(command) => help(&[command, "--help"]),
        };
        for example in examples(&text) {
            let line = example.split(" # ").next().unwrap_or(example);
            let line = line.rsplit("| ").next().unwrap_or(line);
            let line = line.split(" > ").next().unwrap_or(line);
            let words = shell_words(line);
            assert_eq!(words[0], "byline", "{example}");
            if let Err(e) = cmd.try_get_matches_from_mut(&words) {
                panic!("the example {example:?} does not parse: {e}");
            }
        }
    }
}

/// Splits a command line on spaces, keeping "double-quoted" words whole.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.trim().chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn the_build_writes_man_pages_and_completions_that_name_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate::write_all(byline::cli::Cli::command(), dir.path()).expect("generates");
    let read = |name: &str| -> String {
        let path: &Path = &dir.path().join(name);
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };

    let man = read("byline.1");
    assert!(
        man.starts_with(".ie") || man.contains(".TH byline 1"),
        "{man}"
    );
    for command in COMMANDS {
        assert!(
            man.contains(&format!("byline\\-{command}(1)")),
            "byline.1 lacks {command}"
        );
        let page = read(&format!("byline-{command}.1"));
        assert!(
            page.contains("EXTRA") && page.contains("Examples:"),
            "{page}"
        );
    }
    for flag in ["\\-\\-config", "\\-\\-data\\-dir", "BYLINE_DATA_DIR"] {
        assert!(man.contains(flag), "byline.1 lacks {flag}:\n{man}");
    }

    let bash = read("byline.bash");
    let zsh = read("_byline");
    let fish = read("byline.fish");
    for (shell, script) in [("bash", &bash), ("zsh", &zsh), ("fish", &fish)] {
        for word in COMMANDS.iter().chain(&["--config", "--data-dir"]) {
            let word = word.trim_start_matches('-');
            assert!(script.contains(word), "the {shell} completion lacks {word}");
        }
    }
    // The values of `entities --kind` complete too.
    assert!(bash.contains("person country org"), "{bash}");
}
