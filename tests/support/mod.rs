//! A loopback HTTP/1.1 server for the integration tests.
//!
//! It runs on plain `std::net` threads, so it serves sync tests (that spawn
//! the `byline` binary) and async tests (that use the library) alike. It
//! binds `127.0.0.1:0`; nothing leaves the machine.
//!
//! ```ignore
//! mod support;
//! use support::{Reply, TestServer};
//!
//! let srv = TestServer::start();
//! srv.route("/feed.xml", Reply::ok("application/rss+xml", body).etag("\"v1\""));
//! let url = srv.url("/feed.xml");
//! // ... run `byline fetch` with a config naming `url`, or call HttpClient ...
//! assert_eq!(srv.hits("/feed.xml"), 1);
//! assert!(srv.last_request_headers("/feed.xml").expect("a request")["user-agent"].starts_with("Byline/"));
//! ```
//!
//! Each connection gets one answer and is closed (`Connection: close`), so
//! every request is a fresh connection. Unknown paths get a 404. Dropping
//! the server stops its accept thread and ends any never-ending reply.

#![allow(dead_code)] // Each test crate uses a different part of it.

mod conn;
pub mod farm;
pub mod home;
pub mod hostile;
pub mod pty;
mod reply;
pub mod whole;

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

pub use conn::Headers;
#[allow(unused_imports)]
pub use reply::{BOMB_INFLATED, Reply, gzip_bytes};

/// A running loopback server; stops when dropped.
pub struct TestServer {
    addr: SocketAddr,
    state: Arc<State>,
    accept: Option<JoinHandle<()>>,
}

/// What the server knows: routes, the request log and counters.
pub(crate) struct State {
    stopping: AtomicBool,
    routes: Mutex<HashMap<String, Route>>,
    log: Mutex<Vec<Recorded>>,
    pub(crate) in_flight: AtomicUsize,
    pub(crate) max_in_flight: AtomicUsize,
    /// Connections whose thread is still running, and its change signal.
    open: Mutex<usize>,
    open_changed: Condvar,
}

/// The replies of one path; each hit takes the next, the last one repeats.
struct Route {
    replies: Vec<Reply>,
    next: usize,
}

/// One request as received.
#[derive(Debug, Clone)]
pub(crate) struct Recorded {
    /// The request target: path and query.
    pub(crate) target: String,
    pub(crate) headers: Headers,
}

impl TestServer {
    /// Starts a server on `127.0.0.1` at a free port.
    pub fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener
            .local_addr()
            .expect("a bound listener has an address");
        let state = Arc::new(State {
            stopping: AtomicBool::new(false),
            routes: Mutex::new(HashMap::new()),
            log: Mutex::new(Vec::new()),
            in_flight: AtomicUsize::new(0),
            max_in_flight: AtomicUsize::new(0),
            open: Mutex::new(0),
            open_changed: Condvar::new(),
        });
        let accept_state = Arc::clone(&state);
        let accept = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if accept_state.stopping() {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let conn_state = Arc::clone(&accept_state);
                conn_state.connection_opened();
                std::thread::spawn(move || {
                    conn::serve(stream, &conn_state);
                    conn_state.connection_closed();
                });
            }
        });
        TestServer {
            addr,
            state,
            accept: Some(accept),
        }
    }

    /// Answers every request for `path` with `reply` (replacing any earlier
    /// route). `path` may include a query; a request is matched on its full
    /// target first, then on its path alone.
    pub fn route(&self, path: &str, reply: Reply) {
        self.route_sequence(path, vec![reply]);
    }

    /// Answers successive requests for `path` with successive replies; once
    /// they run out the last one repeats. E.g. a 429 then a 200.
    pub fn route_sequence(&self, path: &str, replies: Vec<Reply>) {
        assert!(!replies.is_empty(), "a route needs at least one reply");
        self.state
            .routes
            .lock()
            .expect("routes lock")
            .insert(path.to_owned(), Route { replies, next: 0 });
    }

    /// Returns the absolute URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Returns `host:port` of the server.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Returns how many requests arrived for `path` (matched as in `route`).
    pub fn hits(&self, path: &str) -> usize {
        self.requests(path).len()
    }

    /// Returns the headers (names lower-cased) of the last request for
    /// `path`, or `None` when none arrived.
    pub fn last_request_headers(&self, path: &str) -> Option<Headers> {
        self.requests(path).pop().map(|r| r.headers)
    }

    /// Returns the most requests the server was answering at the same time,
    /// over all paths. A request counts from when it was read until its
    /// answer starts, so the figure never exceeds what the client had in
    /// flight; give replies a [`Reply::delay`] to make requests overlap.
    pub fn max_in_flight(&self) -> usize {
        self.state.max_in_flight.load(Ordering::SeqCst)
    }

    /// Blocks until no connection is being served (every answer sent, every
    /// never-ending reply stopped because its client hung up), or `limit`
    /// passes; returns whether the server went idle. It waits on a condition
    /// variable, not by polling.
    pub fn wait_until_idle(&self, limit: Duration) -> bool {
        let open = self.state.open.lock().expect("open lock");
        let (open, _) = self
            .state
            .open_changed
            .wait_timeout_while(open, limit, |n| *n > 0)
            .expect("open lock");
        *open == 0
    }

    fn requests(&self, path: &str) -> Vec<Recorded> {
        let log = self.state.log.lock().expect("log lock");
        log.iter()
            .filter(|r| r.target == path || strip_query(&r.target) == path)
            .cloned()
            .collect()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.state.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop, which then sees the flag and returns.
        let _ = TcpStream::connect(self.addr);
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

impl State {
    pub(crate) fn stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    fn connection_opened(&self) {
        *self.open.lock().expect("open lock") += 1;
    }

    fn connection_closed(&self) {
        *self.open.lock().expect("open lock") -= 1;
        self.open_changed.notify_all();
    }

    /// Logs the request and returns the reply its route has next.
    pub(crate) fn record_and_pick(&self, request: Recorded) -> Reply {
        let target = request.target.clone();
        self.log.lock().expect("log lock").push(request);
        let mut routes = self.routes.lock().expect("routes lock");
        let route = match routes.contains_key(&target) {
            true => routes.get_mut(&target),
            false => routes.get_mut(strip_query(&target)),
        };
        match route {
            Some(route) => {
                let i = route.next.min(route.replies.len() - 1);
                route.next += 1;
                route.replies[i].clone()
            }
            None => Reply::status(404),
        }
    }
}

fn strip_query(target: &str) -> &str {
    target.split('?').next().unwrap_or(target)
}
