//! The fetcher: HTTP with limits and conditional GET, and feed parsing.

pub mod feed;
pub mod http;
pub(crate) mod limits;
pub mod run;
pub mod url_norm;
pub mod writer;
