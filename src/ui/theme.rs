//! Styles for every kind of text: in colours for a dark or a light
//! terminal, or (the `mono` palette, and always under `NO_COLOR`) with
//! modifiers only.

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Serialize};

use crate::app::article::{Mark, Role};
use crate::model::EntityKind;

/// The palettes a user can choose (`[ui] theme` in the config).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Palette {
    /// Bright colours for a dark background.
    #[default]
    Dark,
    /// Deep colours for a light background.
    Light,
    /// No colours: bold, underline, italic and reverse only.
    Mono,
}

/// The styles the panels draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    colour: bool,
    light: bool,
}

impl Theme {
    /// Returns the theme of a palette.
    pub fn new(palette: Palette) -> Theme {
        Theme {
            colour: palette != Palette::Mono,
            light: palette == Palette::Light,
        }
    }

    /// Returns a colour of the dark palette as the current palette draws it:
    /// on a light background the bright colours become their deep ones.
    fn tone(&self, colour: Color) -> Color {
        if !self.light {
            return colour;
        }
        match colour {
            Color::LightBlue => Color::Blue,
            Color::LightCyan => Color::Cyan,
            Color::LightGreen => Color::Green,
            Color::LightMagenta => Color::Magenta,
            Color::LightRed => Color::Red,
            Color::LightYellow | Color::Yellow => Color::Rgb(150, 90, 0),
            Color::Gray => Color::Black,
            Color::Black => Color::Gray,
            other => other,
        }
    }

    fn fg(&self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(self.tone(colour))
        } else {
            Style::new()
        }
    }

    /// Returns the border style of a pane, brighter when it has the focus.
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.colour) {
            (true, true) => self.fg(Color::LightBlue),
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
            Style::new()
                .bg(self.tone(Color::Black))
                .fg(self.tone(Color::Gray))
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
            (EntityKind::Person, true) => self.fg(Color::LightCyan),
            (EntityKind::Country | EntityKind::Place, true) => self.fg(Color::LightGreen),
            (EntityKind::Org, true) => self.fg(Color::LightMagenta),
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
