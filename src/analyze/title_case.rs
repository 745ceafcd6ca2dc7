//! Title-case lines: headlines and subheadings that capitalise (nearly)
//! every word ("Senator Slams Budget Plan"), where capitals no longer show
//! where a name ends. People and the quote finder both read them.

/// Returns the byte ranges of the lines that capitalise (nearly) every
/// word: at least three words with a letter, four in five of them
/// starting (at their first letter) with a capital.
pub(super) fn title_case_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for line in text.split('\n') {
        let (mut all, mut caps) = (0, 0);
        for w in line.split_whitespace() {
            let Some(c) = w.chars().find(|c| c.is_alphabetic()) else {
                continue;
            };
            all += 1;
            caps += usize::from(c.is_uppercase());
        }
        if all >= 3 && caps * 5 >= all * 4 {
            out.push((from, from + line.len()));
        }
        from += line.len() + 1;
    }
    out
}

/// Tells whether byte `pos` lies on one of `lines` (sorted byte ranges).
pub(super) fn on_line(lines: &[(usize, usize)], pos: usize) -> bool {
    let i = lines.partition_point(|l| l.0 <= pos);
    i > 0 && pos < lines[i - 1].1
}
