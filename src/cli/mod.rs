//! The command line: dispatch and exit codes; the clap definitions are in
//! `args.rs`.
//!
//! Exit codes: 0 ok, 1 error, 2 usage, 3 when `fetch` had failing feeds.
//! Errors are printed as one sentence (the whole `anyhow` chain) on stderr.

mod analyze;
mod args;
mod context;
mod feeds;
mod fetch;
mod json;
mod list;
mod output;
mod reader;

use std::process::ExitCode;

use clap::Parser;

pub use args::*;
pub use context::Context;

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
