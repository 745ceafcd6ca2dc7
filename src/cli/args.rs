//! The clap definitions of the command line (DESIGN.md section 3), with the
//! help texts and examples.
//!
//! This file depends on clap and std only: `build.rs` compiles it too, to
//! write the man pages and shell completions from the same definitions.

use std::path::PathBuf;

use clap::builder::{StyledStr, Styles};
use clap::{Args, Parser, Subcommand};

/// Byline: the whole story, offline, understood.
#[derive(Debug, Parser)]
#[command(name = "byline", version, about, long_about = None)]
#[command(after_help = help(TOP_NOTE, TOP_EXAMPLES))]
pub struct Cli {
    /// The config file [default: $XDG_CONFIG_HOME/byline/config.toml]
    #[arg(long, global = true, env = "BYLINE_CONFIG", value_name = "PATH", help_heading = GLOBAL)]
    pub config: Option<PathBuf>,
    /// The folder that holds the cache [default: $XDG_DATA_HOME/byline]
    #[arg(long, global = true, env = "BYLINE_DATA_DIR", value_name = "DIR", help_heading = GLOBAL)]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands of DESIGN.md section 3.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fetch every configured feed once, and each new story's page
    #[command(after_help = help(FETCH_NOTE, &["byline fetch", "byline fetch --feeds-only"]))]
    Fetch {
        /// Fetch the feeds only, not the stories' pages
        #[arg(long)]
        feeds_only: bool,
    },
    /// Show the configured feeds with their state: last fetch, last error, story counts
    #[command(after_help = help("", &["byline feeds", "byline feeds --json"]))]
    Feeds {
        /// Print the feeds as JSON
        #[arg(long)]
        json: bool,
    },
    /// List stories, newest first
    #[command(after_help = help(LIST_NOTE, LIST_EXAMPLES))]
    List(ListArgs),
    /// Show one story with its analysis
    #[command(after_help = help("", &["byline show 42", "byline show 42 --json"]))]
    Show {
        /// The story's id, as `list` shows it
        id: i64,
        /// Print the story, its analysis and related stories as JSON
        #[arg(long)]
        json: bool,
    },
    /// Analyse a text or HTML page without the cache
    #[command(after_help = help(ANALYZE_NOTE, ANALYZE_EXAMPLES))]
    Analyze {
        /// The file to read; `-` or nothing reads standard input
        file: Option<PathBuf>,
        /// The input is a whole web page: extract its article first
        #[arg(long)]
        html: bool,
        /// The page's address, to resolve its relative links
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// Print the text with its entities and quotes as JSON
        #[arg(long)]
        json: bool,
    },
    /// Show the entity index with story counts
    #[command(after_help = help(
        "",
        &["byline entities --kind person", "byline entities --kind country --json"],
    ))]
    Entities {
        /// Only entities of this kind
        #[arg(long, value_parser = ["person", "country", "org"])]
        kind: Option<String>,
        /// Print the index as JSON
        #[arg(long)]
        json: bool,
    },
    /// Add the feeds of an OPML file or a newsboat `urls` file to the config
    #[command(after_help = help(IMPORT_NOTE, &["byline import feeds.opml", "byline import ~/.newsboat/urls"]))]
    Import {
        /// The OPML or urls file
        file: PathBuf,
    },
    /// Print the configured feeds as OPML
    #[command(after_help = help("", &["byline export > feeds.opml"]))]
    Export,
    /// Run the reader on a test backend, replay keys, print the final screen
    #[command(after_help = help(SCREEN_NOTE, SCREEN_EXAMPLES))]
    Screen {
        /// The screen's width and height in cells
        #[arg(long, default_value = "100x30", value_name = "WxH")]
        size: String,
        /// The keys to replay, separated by spaces
        #[arg(long, default_value = "")]
        keys: String,
        /// Print the screen after every key, not only the last one
        #[arg(long)]
        every_frame: bool,
    },
}

/// The filters of `byline list`.
#[derive(Debug, Args, Default, Clone)]
pub struct ListArgs {
    /// Stories naming this person
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Stories about this country (ISO code or name)
    #[arg(long, value_name = "CODE|NAME")]
    pub country: Option<String>,
    /// Stories naming this organisation, by name or known short form (NATO, U.N.)
    #[arg(long, value_name = "NAME")]
    pub org: Option<String>,
    /// Full-text search over titles and text
    #[arg(long, value_name = "Q")]
    pub search: Option<String>,
    /// Unread stories only
    #[arg(long)]
    pub unread: bool,
    /// At most N stories
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print every matching story as JSON, copies included
    #[arg(long)]
    pub json: bool,
}

/// The heading of the options every command takes, so a command's own
/// options stay together above them.
const GLOBAL: &str = "Global options";

const TOP_NOTE: &str = "\
With no command, Byline opens the reader on the cache and refreshes the feeds \
in the background; when its output is not a terminal, it prints the story list \
instead. Exit codes: 0 ok, 1 error, 2 usage error, 3 some feeds failed (fetch).";

const TOP_EXAMPLES: &[&str] = &[
    "byline                     # the reader; press ? for its keys",
    "byline fetch --feeds-only",
    "byline list --person \"Kim Jong Un\" --country KP",
];

const FETCH_NOTE: &str = "\
Exits 3 when some feeds failed; what worked is stored, and `byline feeds` \
shows each failure.";

const LIST_NOTE: &str = "\
Filters combine. The plain list shows at most 50 stories, one row per set of \
copies; --json lists every story unless --limit is given.";

const LIST_EXAMPLES: &[&str] = &[
    "byline list --unread --limit 20",
    "byline list --person \"Kim Jong Un\" --country KP",
    "byline list --search \"grain deal\" --json",
];

const ANALYZE_NOTE: &str = "\
Without --json, it prints the title and the text only.";

const ANALYZE_EXAMPLES: &[&str] = &[
    "byline analyze speech.txt --json",
    "byline analyze --html page.html --url https://example.com/a --json",
    "curl -s https://example.com/a | byline analyze --html --url https://example.com/a",
];

const IMPORT_NOTE: &str = "\
Feeds the config already has are skipped; the config file is created if missing.";

const SCREEN_NOTE: &str = "\
Keys are named as in the config's [keys] table (\"j\", \"enter\", \"ctrl-r\"). \
Effects that need the network are printed, not performed; marking stories \
read or starred changes the cache.";

const SCREEN_EXAMPLES: &[&str] = &[
    "byline screen --size 100x30 --keys \"f p\"",
    "byline screen --keys \"j j enter\" --every-frame",
];

/// Returns the text after a command's options: a note (may be empty), then
/// an "Examples:" section styled like clap's own headings.
fn help(note: &str, examples: &[&str]) -> StyledStr {
    let header = *Styles::default().get_header();
    let mut out = String::new();
    if !note.is_empty() {
        out.push_str(note);
        out.push_str("\n\n");
    }
    out.push_str(&format!("{header}Examples:{header:#}"));
    for example in examples {
        out.push_str("\n  ");
        out.push_str(example);
    }
    StyledStr::from(out)
}
