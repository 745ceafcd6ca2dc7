//! The `byline` binary end to end: first run, config errors, exit codes,
//! import/export and JSON output. Fetching against a loopback server is in
//! `tests/pipeline.rs`.

use std::path::PathBuf;
use std::process::{Command, Output};

/// A private home for one test: data, config and XDG folders in a temp dir.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `byline` with this home's data folder and XDG folders, no proxy.
    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("byline runs")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
        cmd.args(args)
            .env("BYLINE_DATA_DIR", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("xdg-config"))
            .env("XDG_DATA_HOME", self.path("xdg-data"))
            .env("HOME", self.dir.path())
            .env_remove("BYLINE_CONFIG")
            .env("NO_PROXY", "*")
            .env_remove("HTTP_PROXY")
            .env_remove("HTTPS_PROXY")
            .env_remove("http_proxy")
            .env_remove("https_proxy");
        cmd
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write file");
        path
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn first_run_offline_fills_the_cache_with_demo_stories() {
    let home = Home::new();
    let out = home.run(&[]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let stories: usize = byline::demo::demo_set()
        .iter()
        .map(|o| o.stories.len())
        .sum();
    assert!(stories >= 20, "the demo set has {stories} stories");
    // One row per copy group, and as many unread: all of them are new.
    let (listed, _) = text.split_once("\n\n").expect("rows, then the count");
    let rows = listed.lines().count();
    assert!(
        rows < stories,
        "the demo's republished copies are collapsed"
    );
    assert!(text.contains(&format!("\n{rows} unread")), "{text}");
    let first_outlet = &byline::demo::demo_set()[0];
    let (item, _) = &first_outlet.stories[0];
    assert!(
        text.contains(&item.title),
        "missing {:?} in\n{text}",
        item.title
    );

    // A second run finds the stories already there and loads nothing again.
    let again = stdout(&home.run(&[]));
    assert!(again.contains(&format!("\n{rows} unread")), "{again}");
    assert!(!again.contains("Loaded"), "{again}");
}

#[test]
fn demo_story_shows_its_article_as_contract_json() {
    let home = Home::new();
    assert!(home.run(&[]).status.success());
    let list = home.run(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).expect("list JSON");
    let first = &rows.as_array().expect("array")[0];
    for field in [
        "id",
        "title",
        "feed",
        "url",
        "published",
        "read",
        "starred",
        "persons",
        "countries",
        "event",
        "duplicate_of",
    ] {
        assert!(
            first.get(field).is_some(),
            "list --json lacks {field}: {first}"
        );
    }
    let id = first["id"].as_i64().expect("id").to_string();
    let show = home.run(&["show", &id, "--json"]);
    assert!(show.status.success(), "{}", stderr(&show));
    let story: serde_json::Value = serde_json::from_slice(&show.stdout).expect("show JSON");
    for field in [
        "id",
        "feed",
        "url",
        "title",
        "author",
        "published",
        "dateline",
        "text",
        "captions",
        "entities",
        "quotes",
        "links",
        "related",
        "event",
        "duplicate_of",
    ] {
        assert!(story.get(field).is_some(), "show --json lacks {field}");
    }
    let text = story["text"].as_str().expect("text");
    assert!(
        text.contains("\n\n"),
        "paragraphs are joined by a blank line"
    );
    let published = story["published"].as_str().expect("published");
    assert!(
        published.ends_with('Z') && published.len() == 20,
        "{published}"
    );
}

#[test]
fn a_bad_config_names_the_file_and_line_and_exits_1() {
    let home = Home::new();
    let config = home.write("bad.toml", "[fetch]\nconcurrency = \"lots\"\n");
    let out = home.run(&["--config", config.to_str().expect("utf-8"), "feeds"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("bad.toml") && err.contains("line 2"), "{err}");
    assert_eq!(err.lines().count(), 1, "one sentence: {err}");
}

#[test]
fn a_missing_named_config_is_an_error_but_a_missing_default_is_not() {
    let home = Home::new();
    let out = home.run(&["--config", "/nonexistent/byline.toml", "feeds"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/byline.toml"));

    // No config at the default place: the bundled default feeds apply.
    let out = home.run(&["feeds", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let feeds: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let defaults = byline::demo::default_feeds();
    assert_eq!(feeds.as_array().map(Vec::len), Some(defaults.len()));
}

#[test]
fn usage_errors_exit_2_and_unknown_stories_exit_1() {
    let home = Home::new();
    assert_eq!(
        home.run(&["list", "--limit", "many"]).status.code(),
        Some(2)
    );
    assert_eq!(home.run(&["no-such-command"]).status.code(), Some(2));
    let out = home.run(&["show", "999999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no story 999999"), "{}", stderr(&out));
}

/// An empty list prints nothing on stdout (a script reads no rows) and
/// says why on stderr: no stories yet, or none that match.
#[test]
fn an_empty_list_says_why_on_stderr() {
    let home = Home::new();
    let fresh = home.run(&["list"]);
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    assert!(fresh.stdout.is_empty());
    assert!(
        stderr(&fresh).contains("no stories yet") && stderr(&fresh).contains("byline fetch"),
        "{}",
        stderr(&fresh)
    );
    // Plain `byline` without a terminal fills the empty cache with the demo.
    assert!(home.run(&[]).status.success());
    let all = home.run(&["list"]);
    assert!(
        !all.stdout.is_empty() && all.stderr.is_empty(),
        "{}",
        stderr(&all)
    );
    let none = home.run(&["list", "--person", "Nobody Of Nowhere"]);
    assert!(none.status.success(), "{}", stderr(&none));
    assert!(none.stdout.is_empty());
    assert!(
        stderr(&none).contains("no story matches"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn data_dir_comes_from_the_flag_or_the_environment() {
    let home = Home::new();
    let elsewhere = home.path("elsewhere");
    let out = home.run(&["--data-dir", elsewhere.to_str().expect("utf-8"), "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(elsewhere.join("cache.db").exists());
    assert!(!home.path("data").join("cache.db").exists());
    assert!(home.run(&["list"]).status.success());
    assert!(home.path("data").join("cache.db").exists());
}

#[test]
fn screen_replays_keys_on_the_real_reader_over_the_cache() {
    let home = Home::new();
    let out = home.run(&["screen", "--size", "100x30", "--keys", "j enter"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let screen = stdout(&out);
    assert_eq!(screen.lines().count(), 30, "{screen}");
    assert!(screen.lines().all(|l| l.chars().count() <= 100), "{screen}");
    assert!(screen.contains("unread"), "{screen}");
    // The second story in the list is open: its byline is on screen.
    let rows: serde_json::Value =
        serde_json::from_slice(&home.run(&["list", "--json"]).stdout).expect("JSON");
    let id = rows[1]["id"].as_i64().expect("id").to_string();
    let story: serde_json::Value =
        serde_json::from_slice(&home.run(&["show", &id, "--json"]).stdout).expect("JSON");
    let author = story["author"].as_str().expect("author");
    assert!(screen.contains(author), "{author} not in\n{screen}");

    let bad = home.run(&["screen", "--size", "wide"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("--size"), "{}", stderr(&bad));
}

#[test]
fn import_appends_feeds_with_tags_and_export_gives_them_back() {
    let home = Home::new();
    let config = home.write(
        "config.toml",
        "# my feeds\n[[feeds]]\nurl = \"https://gazette.example/rss\"\n",
    );
    let cfg = config.to_str().expect("utf-8");
    let urls = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/opml/newsboat_urls"
    );
    let out = home.run(&["--config", cfg, "import", urls]);
    assert!(out.status.success(), "{}", stderr(&out));
    let note = stdout(&out);
    assert!(
        note.contains("Imported 3 new feeds") && note.contains("1 were already there"),
        "{note}"
    );
    let skipped = stderr(&out);
    assert!(
        skipped.contains("exec") && skipped.contains("filter"),
        "{skipped}"
    );

    let text = std::fs::read_to_string(&config).expect("config");
    assert!(
        text.starts_with("# my feeds\n"),
        "comments are kept: {text}"
    );
    assert!(
        !text.contains("make-feed.sh"),
        "an exec line never becomes a feed"
    );
    let parsed = byline::config::Config::load(&config).expect("still a valid config");
    let courier = parsed
        .feeds
        .iter()
        .find(|f| f.url == "https://courier.example/feed.xml")
        .expect("courier imported");
    assert_eq!(courier.title.as_deref(), Some("Alpine Courier (weekend)"));
    assert!(
        courier.tags.contains(&"long reads".to_owned()),
        "{:?}",
        courier.tags
    );

    // Importing again adds nothing.
    let again = home.run(&["--config", cfg, "import", urls]);
    assert!(
        stdout(&again).contains("Imported 0 new feeds"),
        "{}",
        stdout(&again)
    );

    // Export, then import the OPML into a fresh config: the same feeds.
    let opml = home.run(&["--config", cfg, "export"]);
    assert!(opml.status.success());
    let exported = home.write("out.opml", &stdout(&opml));
    let fresh = home.path("fresh.toml");
    let fresh_cfg = fresh.to_str().expect("utf-8");
    std::fs::write(&fresh, "").expect("empty config");
    let out = home.run(&[
        "--config",
        fresh_cfg,
        "import",
        exported.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // OPML groups feeds in folders by tag, so compare them in URL order.
    let sorted = |mut feeds: Vec<byline::config::FeedConfig>| {
        feeds.sort_by(|a, b| a.url.cmp(&b.url));
        feeds
    };
    let round = byline::config::Config::load(&fresh).expect("valid");
    assert_eq!(sorted(round.feeds), sorted(parsed.feeds));
}
