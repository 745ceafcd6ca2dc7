//! An article laid out as wrapped lines of marked text, for a given width.
//!
//! The layout is pure view-model: it says what each piece of text *is*
//! (headline, quote 2, person mention, link 3…) and `ui::reader` turns marks
//! into styles. The app uses the same layout to scroll to a quote or entity.

use chrono::{DateTime, Utc};

use super::StoryDetail;
use super::wrap::{str_width, wrap};
use crate::model::{EntityKind, TextSource};
use crate::sanitize::{clean_line, clean_text, is_unsafe, safe_http_url};

/// What a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// The headline.
    Headline,
    /// Byline, outlet, dateline and time.
    Meta,
    /// Body text.
    #[default]
    Body,
    /// A photo caption.
    Caption,
    /// A block heading ("Links", "Related").
    Heading,
    /// A link number after its anchor text ("[2]").
    LinkNumber,
    /// An entry of the link list or the related list.
    Listing,
    /// A note from Byline itself (e.g. the text is only the feed's summary).
    Notice,
}

/// The meaning of a piece of text: its role and what it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mark {
    /// What kind of text it is.
    pub role: Role,
    /// The quote (index into `StoryDetail::quotes`) it is part of.
    pub quote: Option<usize>,
    /// The entity kind and the mention's index in [`mention_order`].
    pub entity: Option<(EntityKind, usize)>,
    /// The link (index into `Story::links`) it belongs to.
    pub link: Option<usize>,
    /// The related story (index into `StoryDetail::related`) it names.
    pub related: Option<usize>,
}

impl Mark {
    fn role(role: Role) -> Mark {
        Mark {
            role,
            ..Mark::default()
        }
    }
}

/// One screen line: runs of text with the same mark.
pub type Line = Vec<(String, Mark)>;

/// Returns every entity mention as (entity index, mention index), in text order.
pub fn mention_order(detail: &StoryDetail) -> Vec<(usize, usize)> {
    let mut order: Vec<(usize, usize, usize)> = detail
        .entities
        .iter()
        .enumerate()
        .flat_map(|(e, entity)| {
            entity
                .mentions
                .iter()
                .enumerate()
                .map(move |(m, mention)| (mention.start, e, m))
        })
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, e, m)| (e, m)).collect()
}

/// Returns the age of `t` at `now` in the list's short form: "now", "5m", "3h", "2d", "1y".
pub fn age(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - t).num_minutes().max(0);
    match minutes {
        0 => "now".to_owned(),
        m if m < 60 => format!("{m}m"),
        m if m < 60 * 24 => format!("{}h", m / 60),
        m if m < 60 * 24 * 365 => format!("{}d", m / (60 * 24)),
        m => format!("{}y", m / (60 * 24 * 365)),
    }
}

/// Lays the article out for `width` columns.
pub fn layout(detail: &StoryDetail, width: usize, now: DateTime<Utc>) -> Vec<Line> {
    let story = &detail.story;
    let mut out: Vec<Line> = Vec::new();
    push_wrapped(
        &mut out,
        &clean_line(&story.title),
        Mark::role(Role::Headline),
        width,
    );
    if let Some(author) = story
        .author
        .as_deref()
        .map(clean_line)
        .filter(|a| !a.is_empty())
    {
        push_wrapped(
            &mut out,
            &format!("By {author}"),
            Mark::role(Role::Meta),
            width,
        );
    }
    let mut meta = Vec::new();
    if let Some(dateline) = story
        .dateline
        .as_deref()
        .map(clean_line)
        .filter(|d| !d.is_empty())
    {
        meta.push(dateline);
    }
    let ago = match age(story.published, now) {
        a if a == "now" => "just now".to_owned(),
        a => format!("{a} ago"),
    };
    meta.push(format!(
        "{} ({ago})",
        story.published.format("%-d %b %Y %H:%M UTC")
    ));
    meta.push(clean_line(&story.feed_title));
    push_wrapped(&mut out, &meta.join(" · "), Mark::role(Role::Meta), width);
    out.push(Vec::new());

    for caption in &story.captions {
        let text = format!("Photo: {}", clean_line(caption));
        push_wrapped(&mut out, &text, Mark::role(Role::Caption), width);
    }
    if !story.captions.is_empty() {
        out.push(Vec::new());
    }
    if story.text_source == TextSource::Feed {
        let note = "Only the feed's summary is cached; the full story has not been fetched yet.";
        push_wrapped(&mut out, note, Mark::role(Role::Notice), width);
        out.push(Vec::new());
    }

    let marks = MarkIndex::new(detail);
    let chars: Vec<char> = story.text.chars().collect();
    let mut start = 0;
    while start < chars.len() {
        let end = paragraph_end(&chars, start);
        let marked = marks.paragraph(&chars, start, end);
        if !marked.is_empty() {
            for line in wrap(&marked, width) {
                out.push(runs(line));
            }
            out.push(Vec::new());
        }
        start = end + 2;
    }

    if !story.links.is_empty() {
        out.push(vec![("Links".to_owned(), Mark::role(Role::Heading))]);
        for (i, link) in story.links.iter().enumerate() {
            let target = safe_http_url(&link.url).unwrap_or_else(|| "(not a web link)".to_owned());
            let cached = if detail.cached_links.get(i).copied().flatten().is_some() {
                " · in the cache, enter opens it"
            } else {
                ""
            };
            let text = format!("[{}] {} — {target}{cached}", i + 1, clean_line(&link.text));
            let mark = Mark {
                link: Some(i),
                ..Mark::role(Role::Listing)
            };
            push_wrapped(&mut out, &text, mark, width);
        }
        out.push(Vec::new());
    }
    if !detail.related.is_empty() {
        out.push(vec![("Related".to_owned(), Mark::role(Role::Heading))]);
        for (i, related) in detail.related.iter().enumerate() {
            let relation = match related.relation {
                crate::model::Relation::Duplicate => "same story",
                crate::model::Relation::Related => "related",
            };
            let text = format!("• {} ({relation})", clean_line(&related.title));
            let mark = Mark {
                related: Some(i),
                ..Mark::role(Role::Listing)
            };
            push_wrapped(&mut out, &text, mark, width);
        }
    }
    while out.last().is_some_and(Vec::is_empty) {
        out.pop();
    }
    out
}

/// Returns the index of the first line holding a piece with this property.
pub fn find_line(lines: &[Line], wanted: impl Fn(&Mark) -> bool) -> Option<usize> {
    lines
        .iter()
        .position(|line| line.iter().any(|(_, mark)| wanted(mark)))
}

/// Returns the display width of a laid-out line.
pub fn line_width(line: &Line) -> usize {
    line.iter().map(|(s, _)| str_width(s)).sum()
}

fn push_wrapped(out: &mut Vec<Line>, text: &str, mark: Mark, width: usize) {
    let chars: Vec<(char, Mark)> = text.chars().map(|c| (c, mark)).collect();
    out.extend(wrap(&chars, width).into_iter().map(runs));
}

/// Groups consecutive characters with the same mark.
fn runs(line: Vec<(char, Mark)>) -> Line {
    let mut out: Line = Vec::new();
    for (c, mark) in line {
        match out.last_mut() {
            Some((text, last)) if *last == mark => text.push(c),
            _ => out.push((c.to_string(), mark)),
        }
    }
    out
}

/// Returns where the paragraph starting at `start` ends (a blank line or the end).
fn paragraph_end(chars: &[char], start: usize) -> usize {
    (start..chars.len())
        .find(|&i| chars[i] == '\n' && chars.get(i + 1) == Some(&'\n'))
        .unwrap_or(chars.len())
}

/// The spans of quotes, mentions and links, looked up by character offset.
struct MarkIndex {
    quotes: Vec<(usize, usize)>,
    mentions: Vec<(usize, usize, EntityKind)>,
    links: Vec<(usize, usize)>,
}

impl MarkIndex {
    fn new(detail: &StoryDetail) -> MarkIndex {
        let mentions = mention_order(detail)
            .into_iter()
            .filter_map(|(e, m)| {
                let entity = detail.entities.get(e)?;
                let mention = entity.mentions.get(m)?;
                Some((mention.start, mention.end, entity.kind))
            })
            .collect();
        MarkIndex {
            quotes: detail.quotes.iter().map(|q| (q.start, q.end)).collect(),
            mentions,
            links: detail
                .story
                .links
                .iter()
                .map(|l| (l.start, l.end))
                .collect(),
        }
    }

    fn mark_at(&self, at: usize) -> Mark {
        let inside = |&(s, e): &(usize, usize)| s <= at && at < e;
        Mark {
            role: Role::Body,
            quote: self.quotes.iter().position(inside),
            entity: self
                .mentions
                .iter()
                .position(|&(s, e, _)| s <= at && at < e)
                .map(|i| (self.mentions[i].2, i)),
            link: self.links.iter().position(inside),
            related: None,
        }
    }

    /// Returns the paragraph's characters with their marks: cleaned run by
    /// run (a run being text between two span edges), line breaks folded to
    /// spaces, and each link's number after its anchor text.
    fn paragraph(&self, chars: &[char], start: usize, end: usize) -> Vec<(char, Mark)> {
        let mut edges: Vec<usize> = vec![start, end];
        let spans = self
            .quotes
            .iter()
            .chain(self.links.iter())
            .copied()
            .chain(self.mentions.iter().map(|&(s, e, _)| (s, e)));
        for (s, e) in spans {
            edges.extend([s, e].into_iter().filter(|&x| x > start && x < end));
        }
        edges.sort_unstable();
        edges.dedup();
        let mut out = Vec::new();
        for pair in edges.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let mark = self.mark_at(a);
            let run: String = chars[a..b].iter().collect();
            for c in clean_text(&run).chars().filter(|c| !is_unsafe(*c)) {
                let c = if c.is_whitespace() { ' ' } else { c };
                out.push((c, mark));
            }
            for (i, _) in self.links.iter().enumerate().filter(|(_, l)| l.1 == b) {
                let number = Mark {
                    link: Some(i),
                    ..Mark::role(Role::LinkNumber)
                };
                out.extend(format!("[{}]", i + 1).chars().map(|c| (c, number)));
            }
        }
        while out.first().is_some_and(|(c, _)| *c == ' ') {
            out.remove(0);
        }
        out
    }
}
