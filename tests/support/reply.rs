//! What the test server answers on a route.

use std::io::Write;
use std::sync::OnceLock;
use std::time::Duration;

/// One canned answer: status, headers and a body (or a body generator).
///
/// Build one with a constructor ([`Reply::ok`], [`Reply::status`],
/// [`Reply::gzip`], [`Reply::trickle`], [`Reply::huge`],
/// [`Reply::gzip_bomb`], [`Reply::redirect`], [`Reply::retry_after`]) and
/// refine it with [`Reply::header`], [`Reply::etag`],
/// [`Reply::last_modified`] and [`Reply::delay`].
#[derive(Debug, Clone)]
pub struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: BodyKind,
    pub(crate) etag: Option<String>,
    pub(crate) last_modified: Option<String>,
    pub(crate) delay: Duration,
}

/// How the body is produced.
#[derive(Debug, Clone)]
pub(crate) enum BodyKind {
    /// These bytes, with a `Content-Length`.
    Bytes(Vec<u8>),
    /// Bytes trickled forever, a few every 20 ms, until the client hangs up.
    Trickle,
    /// `len` bytes generated in 64 KiB blocks, without a `Content-Length`
    /// (the end is marked by closing the connection), so a client must
    /// count what it reads instead of trusting a header.
    Huge(u64),
}

impl Reply {
    /// Returns a 200 with this content type and body.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::status(200)
            .header("Content-Type", content_type)
            .body(body)
    }

    /// Returns a bare reply with this status and a short text body naming it.
    pub fn status(code: u16) -> Reply {
        Reply {
            status: code,
            headers: Vec::new(),
            body: BodyKind::Bytes(format!("status {code}\n").into_bytes()),
            etag: None,
            last_modified: None,
            delay: Duration::ZERO,
        }
    }

    /// Returns a 200 whose body is gzip-compressed on the wire
    /// (`Content-Encoding: gzip`); a client must inflate it to read `body`.
    pub fn gzip(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        let compressed = gzip_bytes(&body.into());
        Reply::ok(content_type, compressed).header("Content-Encoding", "gzip")
    }

    /// Returns a 200 whose body never ends: it starts like an RSS document
    /// and then trickles bytes until the client disconnects (or the server
    /// is dropped). Use it to test time-outs.
    pub fn trickle(content_type: &str) -> Reply {
        let mut reply = Reply::ok(content_type, Vec::new());
        reply.body = BodyKind::Trickle;
        reply
    }

    /// Returns a 200 with a `len`-byte body that is streamed, never held in
    /// memory, and has no `Content-Length`. Use it to test size caps.
    pub fn huge(content_type: &str, len: u64) -> Reply {
        let mut reply = Reply::ok(content_type, Vec::new());
        reply.body = BodyKind::Huge(len);
        reply
    }

    /// Returns a 200 with a gzip bomb: about 64 KiB on the wire that
    /// inflates to 64 MiB of zeros (generated once per test process).
    pub fn gzip_bomb(content_type: &str) -> Reply {
        Reply::ok(content_type, bomb().to_vec()).header("Content-Encoding", "gzip")
    }

    /// Returns a redirect (301, 302, 303, 307 or 308) to `location`, which
    /// may be relative.
    pub fn redirect(code: u16, location: &str) -> Reply {
        Reply::status(code).header("Location", location)
    }

    /// Returns a 429 or 503 with `Retry-After: value` (seconds or an HTTP
    /// date).
    pub fn retry_after(code: u16, value: &str) -> Reply {
        Reply::status(code).header("Retry-After", value)
    }

    /// Adds a response header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Replaces the body with these bytes.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Reply {
        self.body = BodyKind::Bytes(body.into());
        self
    }

    /// Sends `ETag: tag` and answers 304 Not Modified to a request whose
    /// `If-None-Match` is exactly `tag` (quotes included).
    pub fn etag(mut self, tag: &str) -> Reply {
        self.etag = Some(tag.to_owned());
        self.header("ETag", tag)
    }

    /// Sends `Last-Modified: date` and answers 304 Not Modified to a request
    /// whose `If-Modified-Since` is exactly `date`.
    pub fn last_modified(mut self, date: &str) -> Reply {
        self.last_modified = Some(date.to_owned());
        self.header("Last-Modified", date)
    }

    /// Holds the answer this long after the request arrives, so concurrent
    /// requests overlap (see `TestServer::max_in_flight`). Not a way to
    /// wait for anything: tests must not depend on it for timing.
    pub fn delay(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

/// Returns `data` gzip-compressed.
pub fn gzip_bytes(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).expect("writing to a Vec cannot fail");
    enc.finish().expect("writing to a Vec cannot fail")
}

/// The inflated size of [`Reply::gzip_bomb`].
pub const BOMB_INFLATED: u64 = 64 * 1024 * 1024;

fn bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let zeros = vec![0u8; 1024 * 1024];
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        for _ in 0..(BOMB_INFLATED / zeros.len() as u64) {
            enc.write_all(&zeros).expect("writing to a Vec cannot fail");
        }
        enc.finish().expect("writing to a Vec cannot fail")
    })
}

/// Returns the reason phrase for the statuses the server uses.
pub(crate) fn reason(code: u16) -> &'static str {
    match code {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}
