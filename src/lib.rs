//! Byline: a terminal news reader that fetches feeds into an offline SQLite
//! cache, extracts each story's article and understands it.
//!
//! Data flows one way: `fetch` → `extract` → `analyze` → `store` → `cli`/ui.

pub mod action;
pub mod analyze;
pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod extract;
pub mod fetch;
pub mod headless;
pub mod keymap;
pub mod model;
pub mod opml;
pub mod relate;
pub mod runtime;
pub mod sanitize;
pub mod store;
pub mod ui;
