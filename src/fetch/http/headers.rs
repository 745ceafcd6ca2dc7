//! Request and response headers: validators out, text and status words in.

use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap, HeaderValue};

use super::FetchError;
use crate::model::Validators;
use crate::sanitize::clean_line;

/// Returns `If-None-Match` / `If-Modified-Since` for the validators.
pub(super) fn conditional_headers(v: &Validators) -> HeaderMap {
    let mut headers = HeaderMap::new();
    // Validators came from a server; one that is not a valid header value
    // is skipped rather than failing the fetch.
    if let Some(value) = v
        .etag
        .as_deref()
        .and_then(|e| HeaderValue::from_str(e).ok())
    {
        headers.insert(header::IF_NONE_MATCH, value);
    }
    if let Some(value) = v
        .last_modified
        .as_deref()
        .and_then(|e| HeaderValue::from_str(e).ok())
    {
        headers.insert(header::IF_MODIFIED_SINCE, value);
    }
    headers
}

/// Returns a header as clean one-line text, if present and readable.
pub(super) fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?;
    let value = clean_line(value);
    (!value.is_empty()).then_some(value)
}

/// Returns "404 Not Found", or just the number for an unnamed status.
pub(super) fn status_words(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// Returns the error for a status that is not a success.
pub(super) fn status_error(status: StatusCode) -> FetchError {
    FetchError::Status {
        code: status.as_u16(),
        status: status_words(status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_named_in_words() {
        assert_eq!(
            status_error(StatusCode::NOT_FOUND).to_string(),
            "the server answered 404 Not Found"
        );
        assert_eq!(
            status_error(StatusCode::GONE).to_string(),
            "the server answered 410 Gone"
        );
    }

    #[test]
    fn validators_become_conditional_headers() {
        let v = Validators {
            etag: Some("\"abc\"".into()),
            last_modified: Some("Mon, 10 Mar 2025 12:00:00 GMT".into()),
        };
        let h = conditional_headers(&v);
        assert_eq!(h[header::IF_NONE_MATCH], "\"abc\"");
        assert_eq!(
            h[header::IF_MODIFIED_SINCE],
            "Mon, 10 Mar 2025 12:00:00 GMT"
        );
        assert!(conditional_headers(&Validators::default()).is_empty());
    }
}
