//! A private home for tests that run the `byline` binary: a config file
//! following some feeds and a data folder, in a temporary directory.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// A temporary config and data folder; removed when dropped.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    /// Returns a home whose config follows `feeds` with short time-outs.
    pub fn with_feeds(feeds: &[String]) -> Home {
        let home = Home {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        home.follow(feeds, "");
        home
    }

    /// Rewrites the config to follow `feeds`; `fetch_extra` is appended to
    /// the `[fetch]` table (e.g. `"max_items = 5\n"`), whose request
    /// time-out is 5 s unless `fetch_extra` sets one.
    pub fn follow(&self, feeds: &[String], fetch_extra: &str) {
        let sets_timeout = fetch_extra
            .lines()
            .any(|l| l.trim_start().starts_with("timeout"));
        let timeout = if sets_timeout { "" } else { "timeout = 5.0\n" };
        let mut text = format!(
            "[fetch]\nconcurrency = 8\nper_host = 8\nmax_retry_wait = 0.0\n{timeout}{fetch_extra}"
        );
        for url in feeds {
            text.push_str(&format!("\n[[feeds]]\nurl = \"{url}\"\n"));
        }
        std::fs::write(self.config(), text).expect("write config");
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The cache file `byline` writes.
    pub fn cache(&self) -> PathBuf {
        self.data().join("cache.db")
    }

    /// `byline ARGS` on this home, with no proxy and a private `$HOME`.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
        cmd.arg("--config")
            .arg(self.config())
            .arg("--data-dir")
            .arg(self.data())
            .args(args)
            .env("HOME", self.dir.path())
            .env("NO_PROXY", "*")
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .env_remove("BYLINE_CONFIG")
            .env_remove("BYLINE_DATA_DIR");
        cmd
    }

    /// Starts `byline fetch` and SIGKILLs it once `ready` says so (polled
    /// every millisecond, at most 5000 times); returns whether it was still
    /// running when killed.
    pub fn fetch_killed_when(&self, mut ready: impl FnMut() -> bool) -> bool {
        let mut child = self
            .command(&["fetch"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn byline fetch");
        for _ in 0..5000 {
            if ready() {
                break;
            }
            if child.try_wait().expect("wait").is_some() {
                return false;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let running = child.try_wait().expect("wait").is_none();
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        running
    }

    /// Runs `byline fetch`, which must exit 0 (a page that fails is no
    /// feed that fails), and checks that its summary holds `summary` ("0
    /// pages extracted, 1 failed").
    pub fn fetch_with_pages(&self, summary: &str) {
        let out = self.run(&["fetch"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "a page is not a feed: {}",
            text(&out.stderr)
        );
        assert!(text(&out.stdout).contains(summary), "{}", text(&out.stdout));
    }

    /// Runs `byline ARGS` to the end.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("byline runs")
    }

    /// Runs `byline ARGS`, which must succeed, and parses its stdout as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("valid JSON")
    }
}

/// Bytes shown as text, for assertion messages.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `byline ARGS` on the cache folder `data` with no config file (the
/// default feeds) and a private `$HOME`, and returns its stdout; panics
/// with its stderr when it fails.
pub fn run_on_data(data: &std::path::Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env("BYLINE_DATA_DIR", data)
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env("HOME", data)
        .env_remove("BYLINE_CONFIG")
        .output()
        .expect("byline runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
