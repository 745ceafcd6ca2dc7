//! What the user can ask the reader to do: the vocabulary of the keymap.
//!
//! Actions are named by intent, not by key, so the `[keys]` table of the
//! config remaps them by their snake_case name.

use serde::{Deserialize, Serialize};

/// A user intent, produced by the keymap and applied by `App::apply`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Moves the cursor down one row, or scrolls the article down one line.
    MoveDown,
    /// Moves the cursor up one row, or scrolls the article up one line.
    MoveUp,
    /// Scrolls or moves one page down.
    PageDown,
    /// Scrolls or moves one page up.
    PageUp,
    /// Jumps to the first row or the top of the article.
    GoTop,
    /// Jumps to the last row or the end of the article.
    GoBottom,
    /// Opens the story under the cursor, or selects the feed under it.
    Open,
    /// Closes the article or overlay; quits from the story list.
    Back,
    /// Quits the reader from anywhere.
    Quit,
    /// Moves the focus to the next visible pane.
    SwitchPane,
    /// Starts typing a full-text search.
    Search,
    /// Shows only unread stories, or everything again.
    ToggleUnreadOnly,
    /// Stars or unstars the current story.
    ToggleStar,
    /// Marks the current story read or unread.
    ToggleRead,
    /// Marks every story in the list read.
    MarkAllRead,
    /// Moves to the next unread story.
    NextUnread,
    /// Fetches every feed in the background.
    Refresh,
    /// Opens the focused link, or else the story, in the browser.
    OpenInBrowser,
    /// Focuses the next link of the article.
    NextLink,
    /// Focuses the next quotation of the article.
    NextQuote,
    /// Focuses the previous quotation of the article.
    PrevQuote,
    /// Focuses the next entity mention of the article.
    NextEntity,
    /// Focuses the previous entity mention of the article.
    PrevEntity,
    /// Opens the picker of people, to filter the list by one.
    PickPerson,
    /// Opens the picker of countries, to filter the list by one.
    PickCountry,
    /// Opens the picker of organisations, to filter the list by one.
    PickOrg,
    /// Clears the person, country and organisation filters (and a saved filter).
    ClearFilters,
    /// Shows or hides the list of keys.
    ToggleHelp,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 28] = [
        Action::MoveDown,
        Action::MoveUp,
        Action::PageDown,
        Action::PageUp,
        Action::GoTop,
        Action::GoBottom,
        Action::Open,
        Action::Back,
        Action::Quit,
        Action::SwitchPane,
        Action::Search,
        Action::ToggleUnreadOnly,
        Action::ToggleStar,
        Action::ToggleRead,
        Action::MarkAllRead,
        Action::NextUnread,
        Action::Refresh,
        Action::OpenInBrowser,
        Action::NextLink,
        Action::NextQuote,
        Action::PrevQuote,
        Action::NextEntity,
        Action::PrevEntity,
        Action::PickPerson,
        Action::PickCountry,
        Action::PickOrg,
        Action::ClearFilters,
        Action::ToggleHelp,
    ];

    /// Returns the snake_case name the `[keys]` table uses.
    pub fn name(self) -> &'static str {
        match self {
            Action::MoveDown => "move_down",
            Action::MoveUp => "move_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::GoTop => "go_top",
            Action::GoBottom => "go_bottom",
            Action::Open => "open",
            Action::Back => "back",
            Action::Quit => "quit",
            Action::SwitchPane => "switch_pane",
            Action::Search => "search",
            Action::ToggleUnreadOnly => "toggle_unread_only",
            Action::ToggleStar => "toggle_star",
            Action::ToggleRead => "toggle_read",
            Action::MarkAllRead => "mark_all_read",
            Action::NextUnread => "next_unread",
            Action::Refresh => "refresh",
            Action::OpenInBrowser => "open_in_browser",
            Action::NextLink => "next_link",
            Action::NextQuote => "next_quote",
            Action::PrevQuote => "prev_quote",
            Action::NextEntity => "next_entity",
            Action::PrevEntity => "prev_entity",
            Action::PickPerson => "pick_person",
            Action::PickCountry => "pick_country",
            Action::PickOrg => "pick_org",
            Action::ClearFilters => "clear_filters",
            Action::ToggleHelp => "toggle_help",
        }
    }

    /// Returns the action with this snake_case name.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Returns the short description the help overlay shows.
    pub fn describe(self) -> &'static str {
        match self {
            Action::MoveDown => "move down / scroll down",
            Action::MoveUp => "move up / scroll up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::GoTop => "go to the top",
            Action::GoBottom => "go to the bottom",
            Action::Open => "open; on a focused name: filter",
            Action::Back => "back (quit from the list)",
            Action::Quit => "quit",
            Action::SwitchPane => "switch pane",
            Action::Search => "search stories",
            Action::ToggleUnreadOnly => "unread only on/off",
            Action::ToggleStar => "star / unstar",
            Action::ToggleRead => "mark read / unread",
            Action::MarkAllRead => "mark all read",
            Action::NextUnread => "next unread story",
            Action::Refresh => "refresh all feeds",
            Action::OpenInBrowser => "open link or story in browser",
            Action::NextLink => "next link or related story",
            Action::NextQuote => "next quote (shows speaker)",
            Action::PrevQuote => "previous quote",
            Action::NextEntity => "next person/place/org",
            Action::PrevEntity => "previous person/place/org",
            Action::PickPerson => "filter by a person (picker)",
            Action::PickCountry => "filter by a country (picker)",
            Action::PickOrg => "filter by organisation (picker)",
            Action::ClearFilters => "clear person/country/org filter",
            Action::ToggleHelp => "this help",
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde_and_round_trip() {
        for action in Action::ALL {
            let json = serde_json::to_string(&action).unwrap();
            assert_eq!(json, format!("\"{}\"", action.name()));
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
    }
}
