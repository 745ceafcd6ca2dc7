//! Writes the man pages and shell completions of a clap command into a folder.
//!
//! `build.rs` runs it on the command line's definitions (`src/cli/args.rs`),
//! and `tests/help.rs` runs it on `byline::cli::Cli`, so what a build ships is
//! what the test reads. It depends on clap, clap_mangen, clap_complete and std.

use std::io;
use std::path::Path;

use clap_complete::Shell;

/// Writes `byline.1`, one `byline-COMMAND.1` per subcommand, and the
/// completions for bash (`byline.bash`), zsh (`_byline`) and fish
/// (`byline.fish`) into `dir`, which must exist.
pub fn write_all(cmd: clap::Command, dir: &Path) -> io::Result<()> {
    let name = cmd.get_name().to_owned();
    clap_mangen::generate_to(cmd.clone(), dir)?;
    let mut cmd = cmd;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        clap_complete::generate_to(shell, &mut cmd, &name, dir)?;
    }
    Ok(())
}
