//! Text → analysis: entities, quotes, signatures. Pure functions, no I/O.
//! (Filled in by issue 3.)
