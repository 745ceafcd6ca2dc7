//! The command line (stub; filled in by the integration step).

use std::process::ExitCode;

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
