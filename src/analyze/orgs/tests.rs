//! Unit tests of organisation resolution.
