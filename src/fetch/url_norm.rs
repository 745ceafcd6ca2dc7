//! Canonical story URLs: tracking parameters and fragments removed.

/// Returns the canonical form of a story URL, or `None` when it is not http(s).
pub fn canonical_url(url: &str) -> Option<String> {
    todo!("{url}")
}
