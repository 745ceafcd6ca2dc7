//! `Retry-After`: a number of seconds or an HTTP date.

use chrono::{DateTime, TimeDelta, Utc};

/// Returns when the server wants the next attempt, from a `Retry-After`
/// value received at `now`; `None` when the value is neither form.
///
/// A date in the past means "now".
pub(crate) fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        // Cap absurd values at a year instead of overflowing.
        let secs = i64::try_from(secs).unwrap_or(i64::MAX).min(365 * 24 * 3600);
        return Some(now + TimeDelta::seconds(secs));
    }
    let date = DateTime::parse_from_rfc2822(value)
        .ok()?
        .with_timezone(&Utc);
    Some(date.max(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2025-03-10T12:00:00Z")
            .expect("a valid test date")
            .with_timezone(&Utc)
    }

    #[test]
    fn reads_seconds_and_http_dates() {
        assert_eq!(
            parse_retry_after("120", now()),
            Some(now() + TimeDelta::seconds(120))
        );
        assert_eq!(
            parse_retry_after("Mon, 10 Mar 2025 13:00:00 GMT", now()),
            Some(now() + TimeDelta::hours(1))
        );
        assert_eq!(
            parse_retry_after("Mon, 10 Mar 2025 11:00:00 GMT", now()),
            Some(now())
        );
        assert_eq!(parse_retry_after("soon", now()), None);
        assert_eq!(parse_retry_after("-5", now()), None);
    }
}
