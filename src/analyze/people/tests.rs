//! Unit tests of person resolution.
