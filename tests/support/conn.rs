//! One HTTP/1.1 connection: read a request, answer it, close.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::reply::{BodyKind, Reply, reason};
use super::{Recorded, State};

/// Request headers with lower-cased names.
pub type Headers = BTreeMap<String, String>;

/// Serves one request on `stream` and closes it (`Connection: close`).
pub(crate) fn serve(stream: TcpStream, state: &State) {
    // A client that connects and never sends must not pin the thread.
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let Some((target, headers)) = read_request(BufReader::new(read_half)) else {
        return;
    };
    let reply = state.record_and_pick(Recorded {
        target: target.clone(),
        headers: headers.clone(),
    });
    let now = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    state.max_in_flight.fetch_max(now, Ordering::SeqCst);
    if !reply.delay.is_zero() {
        std::thread::sleep(reply.delay);
    }
    // Counted down before answering, so a client that has read the answer
    // and sent its next request never sees this one still counted.
    state.in_flight.fetch_sub(1, Ordering::SeqCst);
    let _ = answer(stream, &reply, &headers, state);
}

/// Reads the request line and headers; the body (GETs have none) is ignored.
fn read_request(mut reader: BufReader<TcpStream>) -> Option<(String, Headers)> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let target = line.split_whitespace().nth(1)?.to_owned();
    let mut headers = Headers::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            return Some((target, headers));
        }
        if let Some((name, value)) = trimmed.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
}

fn answer(
    mut stream: TcpStream,
    reply: &Reply,
    request: &Headers,
    state: &State,
) -> std::io::Result<()> {
    let not_modified = reply
        .etag
        .as_ref()
        .is_some_and(|tag| request.get("if-none-match") == Some(tag))
        || reply
            .last_modified
            .as_ref()
            .is_some_and(|date| request.get("if-modified-since") == Some(date));
    let status = if not_modified { 304 } else { reply.status };
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nConnection: close\r\n",
        reason(status)
    );
    for (name, value) in &reply.headers {
        let is_body_header = name.eq_ignore_ascii_case("content-encoding")
            || name.eq_ignore_ascii_case("content-type");
        if !(not_modified && is_body_header) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    if not_modified {
        head.push_str("\r\n");
        return stream.write_all(head.as_bytes());
    }
    match &reply.body {
        BodyKind::Bytes(bytes) => {
            head.push_str(&format!("Content-Length: {}\r\n\r\n", bytes.len()));
            stream.write_all(head.as_bytes())?;
            stream.write_all(bytes)?;
        }
        BodyKind::Trickle => {
            head.push_str("\r\n");
            stream.write_all(head.as_bytes())?;
            stream.write_all(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n")?;
            // Ends when a write fails (the client hung up) or the server stops.
            while !state.stopping() {
                stream.write_all(b"<!-- still here -->\n")?;
                stream.flush()?;
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        BodyKind::Huge(len) => {
            head.push_str("\r\n");
            stream.write_all(head.as_bytes())?;
            let block = [b' '; 64 * 1024];
            let mut left = *len;
            while left > 0 && !state.stopping() {
                let n = left.min(block.len() as u64);
                stream.write_all(&block[..n as usize])?;
                left -= n;
            }
        }
    }
    stream.flush()
}
