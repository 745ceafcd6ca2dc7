//! Recognises the short lines of page furniture that slip into article
//! boxes: bylines, "Advertisement", "Follow us on ...", sign-up pitches.

/// True for a line like "By Jane Doe, Associated Press".
pub fn is_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    (lower.starts_with("by ") || lower.starts_with("von ") || lower.starts_with("por "))
        && text.split_whitespace().count() <= 8
}

/// True for the short lines of page furniture that slip into article boxes.
pub fn is_boilerplate(text: &str) -> bool {
    let len = text.chars().count();
    if len > 200 {
        return false;
    }
    let lower = text.to_lowercase();
    if is_follow_or_signup(&lower) || is_wire_credit(&lower) || lower.contains("appeared first on")
    {
        return true;
    }
    if len > 90 {
        return false;
    }
    let t = lower.trim_end_matches([':', '.', '…', ' ']);
    const EXACT: &[&str] = &[
        "advertisement",
        "ad",
        "sponsored",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading",
        "continue reading below",
        "read more",
        "see more",
        "show more",
        "load more",
        "share",
        "share this",
        "share this article",
        "share this story",
        "related",
        "related stories",
        "related articles",
        "most popular",
        "most read",
        "comments",
        "loading",
        "skip to content",
        "print",
        "email",
        "tweet",
    ];
    if EXACT.contains(&t) {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "sign up for",
        "sign up to",
        "subscribe to our",
        "click here to",
        "follow us on",
        "share on ",
        "copyright ©",
        "© ",
        "all rights reserved",
    ];
    if PREFIXES.iter().any(|p| t.starts_with(p)) {
        return true;
    }
    false
}

/// True for "Follow her on Twitter" and "Subscribe to our newsletter" lines.
fn is_follow_or_signup(lower: &str) -> bool {
    const SOCIAL: &[&str] = &["twitter", "facebook", "instagram", "linkedin", "bluesky"];
    let follow = [
        "follow ",
        "follow us",
        "follow him",
        "follow her",
        "follow them",
    ]
    .iter()
    .any(|f| lower.starts_with(f) || lower.contains(&format!(". {f}")))
        && SOCIAL.iter().any(|s| lower.contains(s));
    let signup = lower.contains("newsletter")
        && ["subscribe", "sign up", "signup"]
            .iter()
            .any(|s| lower.contains(s));
    follow || signup
}

/// True for the line that introduces a list of links ("You may also like").
pub fn is_list_intro(text: &str) -> bool {
    let lower = text.to_lowercase();
    let t = lower.trim_end_matches([':', '.', '…', ' ']);
    t.chars().count() < 40
        && [
            "you may also like",
            "you might also like",
            "see also",
            "also read",
            "read more",
            "read next",
            "more from",
            "more on this",
            "related",
            "recommended",
        ]
        .iter()
        .any(|p| t.starts_with(p))
}

/// True for the credit lines that close wire copy ("Reporting by ...;
/// Editing by ...", "Associated Press writers ... contributed").
fn is_wire_credit(lower: &str) -> bool {
    let t = lower.trim_start_matches(['(', '[']);
    [
        "reporting by",
        "additional reporting by",
        "editing by",
        "writing by",
        "reach the reporter",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        || (t.starts_with("associated press writer") && t.contains("contributed"))
}
