//! How many requests may be in flight: over all hosts, and to one host.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::FetchError;

/// A global semaphore plus one semaphore per `host:port`, shared by every
/// clone of the client.
#[derive(Debug)]
pub(crate) struct Limits {
    global: Arc<Semaphore>,
    per_host: usize,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
}

/// Both permits for one request; dropping it frees the slots.
#[derive(Debug)]
pub(crate) struct Permit {
    _host: OwnedSemaphorePermit,
    _global: OwnedSemaphorePermit,
}

impl Limits {
    /// Creates the limits; a zero is read as one so nothing deadlocks.
    pub(crate) fn new(global: usize, per_host: usize) -> Limits {
        Limits {
            global: Arc::new(Semaphore::new(global.max(1))),
            per_host: per_host.max(1),
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// Waits for a slot for `host_key` and then a global one.
    ///
    /// The host slot comes first so a busy host does not sit on global slots
    /// that requests to other hosts could use.
    pub(crate) async fn acquire(&self, host_key: &str) -> Result<Permit, FetchError> {
        let host = self.host_semaphore(host_key);
        let closed = |_| FetchError::Client {
            reason: "the request limiter was shut down".to_owned(),
        };
        let host = host.acquire_owned().await.map_err(closed)?;
        let global = Arc::clone(&self.global)
            .acquire_owned()
            .await
            .map_err(closed)?;
        Ok(Permit {
            _host: host,
            _global: global,
        })
    }

    fn host_semaphore(&self, host_key: &str) -> Arc<Semaphore> {
        // A poisoned lock only means another task panicked while inserting;
        // the map itself is still usable.
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(
            hosts
                .entry(host_key.to_owned())
                .or_insert_with(|| Arc::new(Semaphore::new(self.per_host))),
        )
    }
}

/// Returns the key requests are limited by: `host:port`.
pub(crate) fn host_key(url: &url::Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}
