//! A fence around feed-rs: a panic inside the parser becomes a value.
//!
//! feed-rs 3.0 slices strings by byte offsets in places (an e-mail address
//! written right next to a non-ASCII character in an author field panics it),
//! and a feed is text written by strangers, so every call is made under
//! `catch_unwind`. While a guarded call runs on a thread, the panic hook stays
//! silent for that thread, so nothing is printed over the reader's screen;
//! panics anywhere else still reach the hooks installed before.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

static QUIET_HOOK: Once = Once::new();

/// The parser panicked; the message is kept for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Panicked {
    pub message: String,
}

/// Runs `f`, turning a panic into [`Panicked`] without printing it.
///
/// The silent hook wraps whatever hook is installed at the first call; the
/// reader installs its terminal-restoring hook at start-up, before any
/// fetch, so that hook still runs for every panic that is not caught here.
pub(super) fn run<T>(f: impl FnOnce() -> T) -> Result<T, Panicked> {
    QUIET_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    result.map_err(|payload| Panicked {
        message: payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_value_and_a_result_passes_through() {
        assert_eq!(run(|| 7), Ok(7));
        let caught = run(|| -> u8 { panic!("bad offset {}", 3) });
        assert_eq!(
            caught,
            Err(Panicked {
                message: "bad offset 3".to_owned()
            })
        );
        // The flag is cleared again, so a later call still works.
        assert_eq!(run(|| "ok"), Ok("ok"));
        assert!(!GUARDED.with(Cell::get));
    }
}
