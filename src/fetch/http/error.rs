//! Request failures, each one sentence a user can act on.

use chrono::{DateTime, Utc};

/// Why a request failed; `Display` is one sentence a user can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// The address is not an absolute http(s) URL.
    #[error("the address {url} is not an http or https URL; check the address")]
    NotHttp { url: String },
    /// No connection could be made (refused, DNS, TLS, connect time-out).
    #[error("could not connect: {reason}")]
    Connect { reason: String },
    /// The request took longer than the configured limit.
    #[error("timed out after {secs} s")]
    Timeout { secs: f64 },
    /// One feed or page took longer than `total_timeout` over all its
    /// redirects and a Retry-After wait.
    #[error("took more than {secs} s in all (over its redirects and retries)")]
    TotalTimeout { secs: f64 },
    /// The body grew past the size cap (counted after decompression).
    #[error("the {what} is larger than the {limit} limit")]
    TooLarge { what: &'static str, limit: String },
    /// More redirects than `max_redirects`.
    #[error("redirected more than {max} times")]
    TooManyRedirects { max: usize },
    /// A redirect pointed back to an address already visited.
    #[error("the redirects loop back to {url}")]
    RedirectLoop { url: String },
    /// A redirect without a usable `Location`, or to a non-http(s) address.
    #[error("the server redirected to {location:?}, which is not an http or https address")]
    BadRedirect { location: String },
    /// The server answered 429 or 503 and asked to come back later.
    #[error("the server answered {status} and asks to retry after {}", retry_at.format("%Y-%m-%d %H:%M:%S UTC"))]
    RetryLater {
        status: String,
        retry_at: DateTime<Utc>,
    },
    /// Any other status that is not a success, e.g. "404 Not Found".
    #[error("the server answered {status}")]
    Status { code: u16, status: String },
    /// The connection broke or the answer could not be read.
    #[error("the request failed: {reason}")]
    Network { reason: String },
    /// The HTTP client could not be built from the settings.
    #[error("cannot set up the HTTP client: {reason}")]
    Client { reason: String },
}

impl FetchError {
    /// Returns when the server said to try again, for a 429/503 whose wait
    /// was too long to honour within this run.
    ///
    /// The caller stores it and skips the feed until then.
    pub fn retry_at(&self) -> Option<DateTime<Utc>> {
        match self {
            FetchError::RetryLater { retry_at, .. } => Some(*retry_at),
            _ => None,
        }
    }

    /// Returns the HTTP status code when the failure is a status answer.
    pub fn status_code(&self) -> Option<u16> {
        match self {
            FetchError::Status { code, .. } => Some(*code),
            FetchError::RetryLater { status, .. } => status.split(' ').next()?.parse().ok(),
            _ => None,
        }
    }

    /// Turns a reqwest error into the closest variant, naming the root cause.
    pub(crate) fn from_reqwest(err: &reqwest::Error, secs: TimeLimits) -> FetchError {
        let reason = root_cause(err);
        if err.is_connect() && err.is_timeout() {
            FetchError::Connect {
                reason: format!("no answer within {} s", secs.connect),
            }
        } else if err.is_connect() {
            FetchError::Connect { reason }
        } else if err.is_timeout() {
            FetchError::Timeout { secs: secs.total }
        } else {
            FetchError::Network { reason }
        }
    }
}

/// The two time limits, in seconds, for wording time-out errors.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TimeLimits {
    /// The connect time-out.
    pub(crate) connect: f64,
    /// The whole-request time-out.
    pub(crate) total: f64,
}

/// Returns the innermost error message, which is the one that says what
/// happened ("connection refused") rather than where.
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = err;
    while let Some(next) = cur.source() {
        cur = next;
    }
    let text = cur.to_string();
    // io::Error adds " (os error 111)"; users do not need the number.
    match text.find(" (os error") {
        Some(i) => text[..i].to_lowercase(),
        None => text,
    }
}

/// Formats a byte count the way the limits are configured ("10 MiB").
pub(crate) fn human_bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= KIB && n.is_multiple_of(KIB) {
        format!("{} KiB", n / KIB)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_readable_sentences() {
        let e = FetchError::TooLarge {
            what: "feed",
            limit: human_bytes(10 * 1024 * 1024),
        };
        assert_eq!(e.to_string(), "the feed is larger than the 10 MiB limit");
        assert_eq!(
            FetchError::Timeout { secs: 30.0 }.to_string(),
            "timed out after 30 s"
        );
        assert_eq!(
            FetchError::Timeout { secs: 1.5 }.to_string(),
            "timed out after 1.5 s"
        );
        assert_eq!(
            FetchError::TooManyRedirects { max: 5 }.to_string(),
            "redirected more than 5 times"
        );
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(64 * 1024), "64 KiB");
    }
}
