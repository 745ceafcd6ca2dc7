//! The command line: clap definitions, dispatch and exit codes.
//!
//! Exit codes: 0 ok, 1 error, 2 usage, 3 when `fetch` had failing feeds.
//! Errors are printed as one sentence (the whole `anyhow` chain) on stderr.

mod analyze;
mod context;
mod feeds;
mod fetch;
mod json;
mod list;
mod output;
mod reader;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

pub use context::Context;

/// Byline: the whole story, offline, understood.
#[derive(Debug, Parser)]
#[command(name = "byline", version, about, long_about = None)]
pub struct Cli {
    /// The config file [default: $XDG_CONFIG_HOME/byline/config.toml]
    #[arg(long, global = true, env = "BYLINE_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The folder that holds the cache [default: $XDG_DATA_HOME/byline]
    #[arg(long, global = true, env = "BYLINE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands of DESIGN.md section 3.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fetch every configured feed once, and each new story's page
    Fetch {
        /// Fetch the feeds only, not the stories' pages
        #[arg(long)]
        feeds_only: bool,
    },
    /// Show the configured feeds with their state
    Feeds {
        #[arg(long)]
        json: bool,
    },
    /// List stories, newest first
    List(ListArgs),
    /// Show one story with its analysis
    Show {
        /// The story's id, as `list` shows it
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Analyse a text or HTML page without the cache
    Analyze {
        /// The file to read; `-` or nothing reads standard input
        file: Option<PathBuf>,
        /// The input is a whole web page: extract its article first
        #[arg(long)]
        html: bool,
        /// The page's address, to resolve its relative links
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show the entity index with story counts
    Entities {
        #[arg(long, value_parser = ["person", "country", "org"])]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add the feeds of an OPML file or a newsboat `urls` file to the config
    Import {
        /// The OPML or urls file
        file: PathBuf,
    },
    /// Print the configured feeds as OPML
    Export,
    /// Run the reader on a test backend, replay keys, print the final screen
    Screen {
        #[arg(long, default_value = "100x30", value_name = "WxH")]
        size: String,
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
    /// Stories naming this organisation
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
    #[arg(long)]
    pub json: bool,
}

/// What a command asks `main` to exit with, besides errors.
pub enum Outcome {
    Ok,
    /// `fetch` stored what worked but some feeds failed.
    SomeFeedsFailed,
}

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFeedsFailed) => ExitCode::from(3),
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", crate::sanitize::clean_line(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let ctx = Context::new(cli.config, cli.data_dir)?;
    init_log(&ctx);
    match cli.command {
        None => reader::run(&ctx),
        Some(Command::Fetch { feeds_only }) => fetch::run(&ctx, feeds_only),
        Some(Command::Feeds { json }) => feeds::show(&ctx, json),
        Some(Command::List(args)) => list::list(&ctx, &args),
        Some(Command::Show { id, json }) => list::show(&ctx, id, json),
        Some(Command::Analyze {
            file,
            html,
            url,
            json,
        }) => analyze::run(file.as_deref(), html, url.as_deref(), json),
        Some(Command::Entities { kind, json }) => list::entities(&ctx, kind.as_deref(), json),
        Some(Command::Import { file }) => feeds::import(&ctx, &file),
        Some(Command::Export) => feeds::export(&ctx),
        Some(Command::Screen {
            size,
            keys,
            every_frame,
        }) => reader::screen(&ctx, &size, &keys, every_frame),
    }
}

/// Sends `tracing` records to `byline.log` in the data folder (never to the
/// terminal). A log that cannot be opened is not worth failing a command for.
fn init_log(ctx: &Context) {
    let path = ctx.paths.log();
    if std::fs::create_dir_all(&ctx.paths.data_dir).is_err() {
        return;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .try_init();
}
