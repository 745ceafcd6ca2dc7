//! OSC 8 hyperlinks over the article's links, so a terminal that supports
//! them lets the user click a link (or copy its address).
//!
//! Ratatui draws cells, not hyperlinks (an escape sequence inside a span
//! would be counted as text and shift the line), so the runtime writes them
//! after each draw: it moves to each link's cells and prints them again,
//! in their drawn style, between an OSC 8 opener and closer. Only http(s)
//! addresses, re-serialised by the URL parser (so they hold no control
//! character or `ESC \`), ever get one.

use std::io::Write as _;

use crossterm::cursor::MoveTo;
use crossterm::style::{Attribute, Print, SetAttribute, SetStyle};
use ratatui::backend::IntoCrossterm as _;
use ratatui::buffer::Buffer;

use crate::app::App;
use crate::app::wrap::str_width;
use crate::sanitize::safe_http_url;

/// A run of screen cells that is one link's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hyperlink {
    /// Column of the first cell.
    pub x: u16,
    /// Row of the cells.
    pub y: u16,
    /// Number of cells.
    pub width: u16,
    /// The sanitised http(s) address.
    pub url: String,
}

/// Returns the article's visible links with their screen cells: the anchor
/// texts, their numbers and the entries of the link list.
pub fn hyperlinks(app: &App) -> Vec<Hyperlink> {
    let (Some(reader), Some(area)) = (&app.reader, app.panes().reader) else {
        return Vec::new();
    };
    let Some(detail) = reader.detail.as_deref() else {
        return Vec::new();
    };
    if app.help || app.picker.is_some() {
        // An overlay covers the article; its cells are not the links'.
        return Vec::new();
    }
    let urls: Vec<Option<String>> = detail
        .story
        .links
        .iter()
        .map(|l| safe_http_url(&l.url))
        .collect();
    // The same text area as `reader::draw`: inside the border, one column
    // of margin each side, the last line kept for the focus line.
    let inner = crate::app::layout::inner(area);
    let (left, top) = (inner.x + 1, inner.y);
    let height = usize::from(inner.height.saturating_sub(1));
    let right = left + inner.width.saturating_sub(2);
    let mut out: Vec<Hyperlink> = Vec::new();
    let lines = app.article_lines();
    for (row, line) in lines.iter().skip(reader.scroll).take(height).enumerate() {
        let y = top + u16::try_from(row).unwrap_or(u16::MAX);
        let mut x = left;
        for (text, mark) in line {
            let width = u16::try_from(str_width(text)).unwrap_or(u16::MAX);
            let url = mark.link.and_then(|i| urls.get(i).cloned().flatten());
            if let Some(url) = url {
                let width = width.min(right.saturating_sub(x));
                match out.last_mut() {
                    Some(last) if last.y == y && last.x + last.width == x && last.url == url => {
                        last.width += width;
                    }
                    _ if width > 0 => out.push(Hyperlink { x, y, width, url }),
                    _ => {}
                }
            }
            x = x.saturating_add(width);
        }
    }
    out
}

/// Returns the bytes that turn the drawn cells of `links` into OSC 8
/// hyperlinks: for each, a cursor move, the opener, the cells again in
/// their drawn style, the closer, and a style reset.
///
/// The cells of `previous` links that are gone are printed again first,
/// without a link: ratatui skips cells whose content did not change, so
/// a terminal would otherwise keep an old link on them.
pub fn osc8_bytes(previous: &[Hyperlink], links: &[Hyperlink], buffer: &Buffer) -> Vec<u8> {
    let mut out = Vec::new();
    for gone in previous.iter().filter(|p| !links.contains(p)) {
        reprint(&mut out, gone, buffer);
    }
    for link in links {
        let _ = crossterm::queue!(
            out,
            MoveTo(link.x, link.y),
            Print(format!("\u{1b}]8;;{}\u{1b}\\", link.url))
        );
        reprint(&mut out, link, buffer);
        let _ = crossterm::queue!(out, Print("\u{1b}]8;;\u{1b}\\"));
    }
    let _ = out.flush();
    out
}

/// Prints a link's cells again, in their drawn style, from its first cell.
fn reprint(out: &mut Vec<u8>, link: &Hyperlink, buffer: &Buffer) {
    let _ = crossterm::queue!(out, MoveTo(link.x, link.y));
    let mut x = link.x;
    while x < link.x + link.width {
        let Some(cell) = buffer.cell((x, link.y)) else {
            break;
        };
        let symbol = cell.symbol();
        let _ = crossterm::queue!(out, SetStyle(cell.style().into_crossterm()), Print(symbol));
        // A wide character covers the next cell too.
        x += u16::try_from(str_width(symbol).max(1)).unwrap_or(1);
    }
    let _ = crossterm::queue!(out, SetAttribute(Attribute::Reset));
}
