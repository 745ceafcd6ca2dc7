//! Token masks: which tokens of a text some span already covers, so that
//! an overlap test costs the length of the span tested, not the number of
//! spans found.

use std::ops::Deref;

/// One flag per token: whether a marked span covers it.
#[derive(Debug, Clone, Default)]
pub(super) struct Cover(Vec<bool>);

impl Cover {
    /// A mask over `len` tokens, none covered.
    #[inline]
    pub(super) fn new(len: usize) -> Cover {
        Cover(vec![false; len])
    }

    /// Marks the tokens `start..end` (clipped to the text) as covered.
    #[inline]
    pub(super) fn mark(&mut self, start: usize, end: usize) {
        let end = end.min(self.0.len());
        self.0[start.min(end)..end]
            .iter_mut()
            .for_each(|m| *m = true);
    }

    /// Whether a marked span covers any token of `start..end`.
    #[inline]
    pub(super) fn any(&self, start: usize, end: usize) -> bool {
        let end = end.min(self.0.len());
        self.0[start.min(end)..end].iter().any(|&m| m)
    }
}

/// The mask as one flag per token, for the stages that read it.
impl Deref for Cover {
    type Target = [bool];

    #[inline]
    fn deref(&self) -> &[bool] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Cover;

    #[test]
    fn marks_and_tests_ranges_clipped_to_the_text() {
        let mut c = Cover::new(5);
        c.mark(1, 3);
        assert!(c.any(2, 4) && !c.any(3, 5) && !c.any(0, 1));
        c.mark(4, 9);
        assert!(c.any(4, 5) && c.any(3, 9));
        assert_eq!(&c[..], &[false, true, true, false, true]);
    }
}
