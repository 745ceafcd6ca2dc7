//! HTTP: one client with global and per-host limits, time-outs, size caps,
//! decompression, conditional GET, Retry-After and redirects.

mod error;
mod headers;
mod limits;
mod retry;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use reqwest::StatusCode;
use reqwest::header;

pub use error::FetchError;
use error::{TimeLimits, human_bytes};
use headers::{conditional_headers, header_text, status_error, status_words};
use limits::{Limits, host_key};

use crate::config::FetchConfig;
use crate::model::Validators;
use crate::sanitize::clean_line;

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
    /// The `Content-Type` header, which may name the charset.
    pub content_type: Option<String>,
    /// The URL after redirects.
    pub final_url: String,
    /// Where a permanent redirect (301/308) pointed, when one was followed.
    pub moved_to: Option<String>,
    /// Validators from this response (ETag, Last-Modified).
    pub validators: Validators,
}

/// The HTTP client shared by every fetch of a run.
///
/// Cloning is cheap (one `Arc`): every clone shares the connection pool and
/// the request limits, so the limits hold across all tasks of a run.
#[derive(Clone)]
pub struct HttpClient {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpClient")
            .field("timeout", &self.inner.timeout)
            .field("max_feed_bytes", &self.inner.max_feed_bytes)
            .field("max_page_bytes", &self.inner.max_page_bytes)
            .field("max_redirects", &self.inner.max_redirects)
            .finish_non_exhaustive()
    }
}

struct Inner {
    client: reqwest::Client,
    limits: Limits,
    timeout: Duration,
    total_timeout: Duration,
    secs: TimeLimits,
    max_feed_bytes: u64,
    max_page_bytes: u64,
    max_redirects: usize,
    max_retry_wait: Duration,
}

/// What is being fetched: it picks the size cap, the wording and `Accept`.
#[derive(Clone, Copy)]
enum Kind {
    Feed,
    Page,
}

/// The outcome of one request, before redirects and retries are handled.
enum Hop {
    Done(FeedResponse),
    Redirect {
        permanent: bool,
        location: String,
    },
    RetryAfter {
        status: String,
        at: chrono::DateTime<Utc>,
    },
}

const FEED_ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
     application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
const PAGE_ACCEPT: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

impl HttpClient {
    /// Builds a client from the `[fetch]` settings.
    pub fn new(config: &FetchConfig) -> Result<HttpClient, FetchError> {
        let defaults = FetchConfig::default();
        let connect = seconds(config.connect_timeout, defaults.connect_timeout);
        let timeout = seconds(config.timeout, defaults.timeout);
        let user_agent =
            reqwest::header::HeaderValue::from_str(&config.user_agent()).map_err(|_| {
                FetchError::Client {
                    reason: "the user_agent setting holds characters a header cannot carry"
                        .to_owned(),
                }
            })?;
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(connect)
            .build()
            .map_err(|e| FetchError::Client {
                reason: e.to_string(),
            })?;
        Ok(HttpClient {
            inner: Arc::new(Inner {
                client,
                limits: Limits::new(config.concurrency, config.per_host),
                timeout,
                total_timeout: seconds(config.total_timeout, defaults.total_timeout),
                secs: TimeLimits {
                    connect: connect.as_secs_f64(),
                    total: timeout.as_secs_f64(),
                },
                max_feed_bytes: config.max_feed_bytes,
                max_page_bytes: config.max_page_bytes,
                max_redirects: config.max_redirects,
                max_retry_wait: seconds(config.max_retry_wait, 0.0),
            }),
        })
    }

    /// Fetches a feed, sending the validators for a conditional GET.
    pub async fn get_feed(
        &self,
        url: &str,
        validators: &Validators,
    ) -> Result<FeedResponse, FetchError> {
        self.fetch(url, Some(validators), Kind::Feed).await
    }

    /// Fetches an article page.
    pub async fn get_page(&self, url: &str) -> Result<Body, FetchError> {
        match self.fetch(url, None, Kind::Page).await? {
            FeedResponse::Body(body) => Ok(body),
            // Without validators a 304 is an ordinary unexpected status.
            FeedResponse::NotModified => Err(status_error(StatusCode::NOT_MODIFIED)),
        }
    }

    /// Follows redirects and honours one short Retry-After.
    async fn fetch(
        &self,
        url: &str,
        validators: Option<&Validators>,
        kind: Kind,
    ) -> Result<FeedResponse, FetchError> {
        let mut current = http_url(url).ok_or_else(|| FetchError::NotHttp {
            url: clean_line(url),
        })?;
        let mut visited = HashSet::from([current.to_string()]);
        let mut moved_to = None;
        let mut all_permanent = true;
        let mut redirects = 0;
        let mut retried = false;
        // Time spent on this URL's requests and waits, against `total_timeout`.
        let mut spent = Duration::ZERO;
        loop {
            match self.attempt(&current, validators, kind, &mut spent).await? {
                Hop::Done(FeedResponse::Body(mut body)) => {
                    body.moved_to = moved_to;
                    return Ok(FeedResponse::Body(body));
                }
                Hop::Done(FeedResponse::NotModified) => return Ok(FeedResponse::NotModified),
                Hop::Redirect {
                    permanent,
                    location,
                } => {
                    let next = current
                        .join(&location)
                        .ok()
                        .filter(|u| matches!(u.scheme(), "http" | "https"))
                        .ok_or_else(|| FetchError::BadRedirect {
                            location: clean_line(&location),
                        })?;
                    redirects += 1;
                    if redirects > self.inner.max_redirects {
                        return Err(FetchError::TooManyRedirects {
                            max: self.inner.max_redirects,
                        });
                    }
                    if !visited.insert(next.to_string()) {
                        return Err(FetchError::RedirectLoop {
                            url: next.to_string(),
                        });
                    }
                    // The feed has moved only if every hop so far was permanent.
                    all_permanent &= permanent;
                    if all_permanent {
                        moved_to = Some(next.to_string());
                    }
                    current = next;
                }
                Hop::RetryAfter { status, at } => {
                    let wait = (at - Utc::now()).to_std().unwrap_or(Duration::ZERO);
                    let over_total = spent + wait >= self.inner.total_timeout;
                    if retried || wait > self.inner.max_retry_wait || over_total {
                        return Err(FetchError::RetryLater {
                            status,
                            retry_at: at,
                        });
                    }
                    retried = true;
                    tokio::time::sleep(wait).await;
                    spent += wait;
                }
            }
        }
    }

    /// Sends one request and reads its body, holding both limit permits and
    /// bounded by the request time-out and what is left of the total one;
    /// adds the time it took (after the permits) to `spent`.
    async fn attempt(
        &self,
        url: &url::Url,
        validators: Option<&Validators>,
        kind: Kind,
        spent: &mut Duration,
    ) -> Result<Hop, FetchError> {
        let _permit = self.inner.limits.acquire(&host_key(url)).await?;
        let left = self.inner.total_timeout.saturating_sub(*spent);
        let total_error = FetchError::TotalTimeout {
            secs: self.inner.total_timeout.as_secs_f64(),
        };
        if left.is_zero() {
            return Err(total_error);
        }
        let started = std::time::Instant::now();
        let work = self.send_and_read(url, validators, kind);
        let result = tokio::time::timeout(self.inner.timeout.min(left), work).await;
        *spent += started.elapsed();
        match result {
            Ok(result) => result,
            Err(_) if left < self.inner.timeout => Err(total_error),
            Err(_) => Err(FetchError::Timeout {
                secs: self.inner.secs.total,
            }),
        }
    }

    async fn send_and_read(
        &self,
        url: &url::Url,
        validators: Option<&Validators>,
        kind: Kind,
    ) -> Result<Hop, FetchError> {
        let inner = &self.inner;
        let accept = match kind {
            Kind::Feed => FEED_ACCEPT,
            Kind::Page => PAGE_ACCEPT,
        };
        let mut request = inner.client.get(url.clone()).header(header::ACCEPT, accept);
        if let Some(v) = validators {
            request = request.headers(conditional_headers(v));
        }
        let mut response = request
            .send()
            .await
            .map_err(|e| FetchError::from_reqwest(&e, inner.secs))?;
        let status = response.status();
        let headers = response.headers().clone();

        if status == StatusCode::NOT_MODIFIED && validators.is_some() {
            return Ok(Hop::Done(FeedResponse::NotModified));
        }
        if status.is_redirection()
            && status != StatusCode::NOT_MODIFIED
            && let Some(location) = header_text(&headers, header::LOCATION)
        {
            let permanent = matches!(
                status,
                StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT
            );
            return Ok(Hop::Redirect {
                permanent,
                location,
            });
        }
        if matches!(
            status,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
        ) && let Some(at) = header_text(&headers, header::RETRY_AFTER)
            .and_then(|v| retry::parse_retry_after(&v, Utc::now()))
        {
            return Ok(Hop::RetryAfter {
                status: status_words(status),
                at,
            });
        }
        if !status.is_success() {
            return Err(status_error(status));
        }

        let (cap, what) = match kind {
            Kind::Feed => (inner.max_feed_bytes, "feed"),
            Kind::Page => (inner.max_page_bytes, "page"),
        };
        let too_large = || FetchError::TooLarge {
            what,
            limit: human_bytes(cap),
        };
        // A declared length is the compressed size when the body is encoded,
        // so it can only prove a plain body too large up front.
        if let Some(len) = response.content_length()
            && len > cap
            && !headers.contains_key(header::CONTENT_ENCODING)
        {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| FetchError::from_reqwest(&e, inner.secs))?
        {
            if (bytes.len() + chunk.len()) as u64 > cap {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Hop::Done(FeedResponse::Body(Body {
            bytes,
            content_type: header_text(&headers, header::CONTENT_TYPE),
            final_url: url.to_string(),
            moved_to: None,
            validators: Validators {
                etag: header_text(&headers, header::ETAG),
                last_modified: header_text(&headers, header::LAST_MODIFIED),
            },
        })))
    }
}

/// Parses an absolute http(s) URL; anything else gives `None`.
fn http_url(raw: &str) -> Option<url::Url> {
    let url = url::Url::parse(raw.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some()).then_some(url)
}

/// Converts configured seconds, falling back when the value is zero,
/// negative, not a number or too large to be a duration (a zero time-out
/// would fail every request).
fn seconds(secs: f64, fallback: f64) -> Duration {
    Duration::try_from_secs_f64(secs)
        .ok()
        .filter(|d| !d.is_zero())
        .or_else(|| Duration::try_from_secs_f64(fallback).ok())
        .unwrap_or(Duration::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_agent_with_a_newline_is_refused_clearly() {
        let config = FetchConfig {
            user_agent: "Reader\nX-Evil: 1".into(),
            ..FetchConfig::default()
        };
        let err = HttpClient::new(&config).expect_err("the header is refused");
        assert!(err.to_string().contains("user_agent setting"), "{err}");
    }

    #[test]
    fn only_http_urls_are_fetched() {
        assert!(http_url("https://example.com/feed").is_some());
        assert!(http_url("file:///etc/passwd").is_none());
        assert!(http_url("ftp://example.com/feed").is_none());
        assert!(http_url("example.com/feed").is_none());
    }

    #[test]
    fn bad_durations_fall_back() {
        assert_eq!(seconds(1.5, 30.0), Duration::from_millis(1500));
        assert_eq!(seconds(-1.0, 30.0), Duration::from_secs(30));
        assert_eq!(seconds(f64::NAN, 30.0), Duration::from_secs(30));
        assert_eq!(seconds(0.0, 30.0), Duration::from_secs(30));
        assert_eq!(seconds(0.0, 0.0), Duration::ZERO);
    }
}
