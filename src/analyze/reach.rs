//! Containment of one span in any of many: spans sorted by start, each with
//! the furthest end of those up to it, so that a text with many names is
//! checked in log time per span instead of against every name.

/// Spans (start, end) sorted by start, with the running furthest end.
pub(super) struct Reach {
    spans: Vec<(usize, usize)>,
    far: Vec<usize>,
}

impl Reach {
    pub(super) fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Reach {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().collect();
        spans.sort_unstable();
        let far = spans
            .iter()
            .scan(0, |far, &(_, e)| {
                *far = e.max(*far);
                Some(*far)
            })
            .collect();
        Reach { spans, far }
    }

    /// Whether a span contains `start..end`; with `longer`, a span longer
    /// than it.
    pub(super) fn contains(&self, start: usize, end: usize, longer: bool) -> bool {
        let reaches = |n: usize, to: usize| n > 0 && self.far[n - 1] >= to;
        if !longer {
            return reaches(self.spans.partition_point(|&(s, _)| s <= start), end);
        }
        // Starting before it and reaching its end, or starting with it and
        // reaching past its end.
        let before = self.spans.partition_point(|&(s, _)| s < start);
        let with = self.spans.partition_point(|&(s, _)| s <= start);
        reaches(before, end) || self.spans[before..with].iter().any(|&(_, e)| e > end)
    }
}
