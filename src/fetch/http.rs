//! HTTP: one client with global and per-host limits, time-outs, size caps,
//! decompression, conditional GET, Retry-After and redirects.

use crate::config::FetchConfig;
use crate::model::Validators;

/// Why a request failed; `Display` is one sentence a user can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("stub")]
    Stub,
}

/// A feed document, or the news that it did not change.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedResponse {
    /// 304 Not Modified.
    NotModified,
    /// A body to parse.
    Body(Body),
}

/// A response body with what is needed to decode it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Body {
    /// The bytes after decompression.
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    /// The URL after redirects.
    pub final_url: String,
    /// Where a permanent redirect (301/308) pointed, when one was followed.
    pub moved_to: Option<String>,
    /// Validators from this response (ETag, Last-Modified).
    pub validators: Validators,
}

/// The HTTP client shared by every fetch of a run.
#[derive(Clone)]
pub struct HttpClient {}

impl HttpClient {
    /// Builds a client from the `[fetch]` settings.
    pub fn new(config: &FetchConfig) -> Result<HttpClient, FetchError> {
        todo!("{config:?}")
    }

    /// Fetches a feed, sending the validators for a conditional GET.
    pub async fn get_feed(
        &self,
        url: &str,
        validators: &Validators,
    ) -> Result<FeedResponse, FetchError> {
        todo!("{url} {validators:?}")
    }

    /// Fetches an article page.
    pub async fn get_page(&self, url: &str) -> Result<Body, FetchError> {
        todo!("{url}")
    }
}
