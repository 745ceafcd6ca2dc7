//! Writes the man pages and shell completions from the command line's clap
//! definitions into `OUT_DIR`, and also into `$BYLINE_GEN_DIR` when it is set
//! (a relative path starts at the package root). README.md, "Install", says
//! where they go.

use std::io;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

// The build only renders the definitions; it never reads parsed values.
#[allow(dead_code)]
#[path = "src/cli/args.rs"]
mod args;
#[path = "build/generate.rs"]
mod generate;

fn main() -> io::Result<()> {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/generate.rs");
    println!("cargo:rerun-if-changed=src/cli/args.rs");
    println!("cargo:rerun-if-env-changed=BYLINE_GEN_DIR");
    let out = std::env::var_os("OUT_DIR")
        .ok_or_else(|| io::Error::other("OUT_DIR is not set; run the build through cargo"))?;
    write_into(&PathBuf::from(out))?;
    if let Some(dir) = std::env::var_os("BYLINE_GEN_DIR").filter(|d| !d.is_empty()) {
        write_into(&PathBuf::from(dir))?;
    }
    Ok(())
}

/// Creates `dir` if needed and writes the pages and completions into it.
fn write_into(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)
        .and_then(|()| generate::write_all(args::Cli::command(), dir))
        .map_err(|e| {
            io::Error::other(format!(
                "cannot write the man pages and completions into {}: {e}",
                dir.display()
            ))
        })
}
