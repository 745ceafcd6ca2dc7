//! The article: the laid-out lines with entities, quotes and links styled,
//! and a focus line that names the focused quote's speaker or entity.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, pane_block, truncate};
use crate::app::article::{self, Mark};
use crate::app::reader::{Focus, Reader};
use crate::app::{App, Pane, StoryDetail, layout};
use crate::model::EntityKind;
use crate::sanitize::{clean_line, safe_http_url};

/// Draws the open article in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(reader) = &app.reader else {
        return;
    };
    let focused = app.focus == Pane::Reader;
    let Some(detail) = reader.detail.as_deref() else {
        let block = pane_block("Story".to_owned(), focused, theme);
        frame.render_widget(
            Paragraph::new(" Loading…").style(theme.dim()).block(block),
            area,
        );
        return;
    };
    let lines = app.article_lines();
    let (_, height) = app.reader_size();
    let position = if lines.len() > height {
        let shown = (reader.scroll + height).min(lines.len());
        format!(" · {shown}/{}", lines.len())
    } else {
        String::new()
    };
    let title = format!(
        "{}{position}",
        truncate(&clean_line(&detail.story.feed_title), 30)
    );
    frame.render_widget(pane_block(title, focused, theme), area);

    let inner = layout::inner(area);
    let text_area = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height.saturating_sub(1),
    );
    let shown: Vec<Line> = lines
        .iter()
        .skip(reader.scroll)
        .take(usize::from(text_area.height))
        .map(|line| {
            Line::from(
                line.iter()
                    .map(|(text, mark)| {
                        Span::styled(
                            text.clone(),
                            theme.mark(mark, is_focused(mark, reader.focus)),
                        )
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), text_area);

    let focus_area = Rect::new(
        inner.x + 1,
        inner.y + inner.height.saturating_sub(1),
        inner.width.saturating_sub(2),
        inner.height.min(1),
    );
    let width = usize::from(focus_area.width);
    frame.render_widget(
        Paragraph::new(focus_line(reader, detail, width, theme)),
        focus_area,
    );
}

fn is_focused(mark: &Mark, focus: Focus) -> bool {
    match focus {
        Focus::None => false,
        Focus::Quote(i) => mark.quote == Some(i),
        Focus::Mention(i) => mark.entity.is_some_and(|(_, m)| m == i),
        Focus::Link(i) => mark.link == Some(i),
        Focus::Related(i) => mark.related == Some(i),
    }
}

/// Returns the line under the article: what has the focus, or a key hint.
fn focus_line<'a>(reader: &Reader, detail: &StoryDetail, width: usize, theme: &Theme) -> Line<'a> {
    match reader.focus {
        Focus::Quote(i) => {
            let Some(quote) = detail.quotes.get(i) else {
                return Line::default();
            };
            let speaker = quote
                .speaker
                .as_deref()
                .map(clean_line)
                .unwrap_or_else(|| "speaker unknown".to_owned());
            let head = format!("Quote {}/{} — said by ", i + 1, detail.quotes.len());
            let kind_style = quote
                .speaker_kind
                .map(|k| theme.entity(k))
                .unwrap_or_default();
            Line::from(vec![
                Span::styled(head, theme.dim()),
                Span::styled(truncate(&speaker, width.saturating_sub(24)), kind_style),
            ])
        }
        Focus::Mention(i) => {
            let order = article::mention_order(detail);
            let Some(entity) = order.get(i).and_then(|&(e, _)| detail.entities.get(e)) else {
                return Line::default();
            };
            let kind = match entity.kind {
                EntityKind::Person => "Person",
                EntityKind::Country => "Country",
                EntityKind::Place => "Place",
                EntityKind::Org => "Organisation",
            };
            let code = entity
                .country
                .as_deref()
                .map(|c| format!(" ({})", clean_line(c)))
                .unwrap_or_default();
            let count = entity.mentions.len();
            let times = if count == 1 { "mention" } else { "mentions" };
            Line::from(vec![
                Span::styled(format!("{kind} (enter filters): "), theme.dim()),
                Span::styled(
                    truncate(
                        &format!("{}{code}", clean_line(&entity.name)),
                        width.saturating_sub(30),
                    ),
                    theme.entity(entity.kind),
                ),
                Span::styled(format!(" · {count} {times}"), theme.dim()),
            ])
        }
        Focus::Link(i) => {
            let Some(link) = detail.story.links.get(i) else {
                return Line::default();
            };
            let text = if detail.cached_links.get(i).copied().flatten().is_some() {
                format!("Link [{}] to a cached story · enter opens it", i + 1)
            } else {
                let target = safe_http_url(&link.url)
                    .unwrap_or_else(|| "not a web link; o will not open it".to_owned());
                format!("Link [{}] {target}", i + 1)
            };
            Line::from(Span::styled(truncate(&text, width), theme.dim()))
        }
        Focus::Related(i) => {
            let Some(related) = detail.related.get(i) else {
                return Line::default();
            };
            let text = format!(
                "Related {}/{}: {} · enter opens it",
                i + 1,
                detail.related.len(),
                clean_line(&related.title)
            );
            Line::from(Span::styled(truncate(&text, width), theme.dim()))
        }
        Focus::None => Line::from(Span::styled(
            truncate(
                "j/k scroll · ] quote · } name · l link · enter · q back",
                width,
            ),
            theme.dim(),
        )),
    }
}
