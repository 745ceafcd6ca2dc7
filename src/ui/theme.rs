//! Styles for every kind of text, in colour or, under `NO_COLOR`, with
//! modifiers only.

use ratatui::style::{Color, Modifier, Style};

use crate::app::article::{Mark, Role};
use crate::model::EntityKind;

/// The styles the panels draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    colour: bool,
}

impl Theme {
    /// Returns the colour theme, or the modifier-only one when `no_color`.
    pub fn new(no_color: bool) -> Theme {
        Theme { colour: !no_color }
    }

    fn fg(&self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    /// Returns the border style of a pane, brighter when it has the focus.
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.colour) {
            (true, true) => Style::new().fg(Color::LightBlue),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.fg(Color::DarkGray),
        }
    }

    /// Returns the style of the row under the cursor.
    pub fn cursor(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Returns the style of an unread story title.
    pub fn unread(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Returns the style of secondary text (outlet, age, counts).
    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray).add_modifier(if self.colour {
            Modifier::empty()
        } else {
            Modifier::DIM
        })
    }

    /// Returns the style of badges and markers (unread dot, star, "+2 outlets").
    pub fn accent(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Returns the style of a warning in the status bar (offline, failures).
    pub fn warning(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    /// Returns the style of the status bar.
    pub fn status(&self) -> Style {
        if self.colour {
            Style::new().bg(Color::Black).fg(Color::Gray)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Returns the style of a piece of article text; `focused` when it is
    /// the quote, mention or link that has the focus.
    pub fn mark(&self, mark: &Mark, focused: bool) -> Style {
        let mut style = match mark.role {
            Role::Headline => Style::new().add_modifier(Modifier::BOLD),
            Role::Meta => self.dim(),
            Role::Body | Role::Listing => Style::new(),
            Role::Caption | Role::Notice => self.dim().add_modifier(Modifier::ITALIC),
            Role::Heading => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Role::LinkNumber => self.fg(Color::Blue),
        };
        if mark.quote.is_some() {
            style = style
                .patch(self.fg(Color::LightYellow))
                .add_modifier(Modifier::ITALIC);
        }
        if let Some((kind, _)) = mark.entity {
            style = style.patch(self.entity(kind));
        }
        if mark.link.is_some() && mark.role == Role::Body {
            style = style.add_modifier(Modifier::UNDERLINED);
        }
        if focused {
            style = style.add_modifier(Modifier::REVERSED);
        }
        style
    }

    /// Returns the style of an entity mention of this kind.
    pub fn entity(&self, kind: EntityKind) -> Style {
        match (kind, self.colour) {
            (EntityKind::Person, true) => Style::new().fg(Color::LightCyan),
            (EntityKind::Country | EntityKind::Place, true) => Style::new().fg(Color::LightGreen),
            (EntityKind::Org, true) => Style::new().fg(Color::LightMagenta),
            (EntityKind::Person, false) => Style::new().add_modifier(Modifier::BOLD),
            (EntityKind::Country | EntityKind::Place, false) => {
                Style::new().add_modifier(Modifier::UNDERLINED)
            }
            (EntityKind::Org, false) => {
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            }
        }
    }
}
