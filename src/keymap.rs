//! The data-driven keymap: key sequences (`j`, `g g`, `ctrl-r`) to [`Action`]s.
//!
//! The defaults live in one table; the `[keys]` table of the config replaces
//! an action's keys by name, and the help overlay is generated from the map.

mod chord;

use std::collections::BTreeMap;

pub use chord::KeyChord;

use crate::action::Action;

/// Errors building a keymap from the `[keys]` table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    /// A key name could not be parsed.
    #[error("the key \"{chord}\" cannot be used because {reason}")]
    BadChord {
        /// The key as written.
        chord: String,
        /// Why it cannot be used, as the end of a sentence.
        reason: String,
    },
    /// The `[keys]` table names an action that does not exist.
    #[error("[keys] names an unknown action \"{0}\"; use a name such as move_down or toggle_star")]
    UnknownAction(String),
}

/// The outcome of looking up the keys typed so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// The keys form a whole binding.
    Action(Action),
    /// The keys start a longer binding: wait for the next key.
    Pending,
    /// No binding starts with these keys.
    Unbound,
}

/// One binding: a key sequence and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The keys, in order; most bindings have one.
    pub keys: Vec<KeyChord>,
    /// The action the keys trigger.
    pub action: Action,
}

/// Maps key sequences to actions; the first whole match wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

const DEFAULTS: &[(&str, Action)] = &[
    ("j", Action::MoveDown),
    ("down", Action::MoveDown),
    ("k", Action::MoveUp),
    ("up", Action::MoveUp),
    ("pagedown", Action::PageDown),
    ("space", Action::PageDown),
    ("pageup", Action::PageUp),
    ("g g", Action::GoTop),
    ("home", Action::GoTop),
    ("G", Action::GoBottom),
    ("end", Action::GoBottom),
    ("enter", Action::Open),
    ("q", Action::Back),
    ("esc", Action::Back),
    ("ctrl-c", Action::Quit),
    ("tab", Action::SwitchPane),
    ("/", Action::Search),
    ("u", Action::ToggleUnreadOnly),
    ("s", Action::ToggleStar),
    ("r", Action::ToggleRead),
    ("A", Action::MarkAllRead),
    ("n", Action::NextUnread),
    ("R", Action::Refresh),
    ("o", Action::OpenInBrowser),
    ("l", Action::NextLink),
    ("]", Action::NextQuote),
    ("[", Action::PrevQuote),
    ("}", Action::NextEntity),
    ("{", Action::PrevEntity),
    ("f p", Action::PickPerson),
    ("f c", Action::PickCountry),
    ("f o", Action::PickOrg),
    ("x", Action::ClearFilters),
    ("?", Action::ToggleHelp),
];

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(keys, action)| {
                // The table above is fixed and covered by a test, so every
                // entry parses; filter_map only avoids an unwrap.
                KeyChord::parse_sequence(keys).ok().map(|keys| Binding {
                    keys,
                    action: *action,
                })
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// Returns the default keymap with the `[keys]` table applied: each entry
    /// (action name → key sequence) replaces every default key of that action.
    ///
    /// A sequence may list alternatives separated by commas (`"j, down"`).
    pub fn with_overrides(overrides: &BTreeMap<String, String>) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let action =
                Action::from_name(name).ok_or_else(|| KeymapError::UnknownAction(name.clone()))?;
            let mut parsed = Vec::new();
            for alternative in keys.split(',').filter(|k| !k.trim().is_empty()) {
                parsed.push(KeyChord::parse_sequence(alternative)?);
            }
            if parsed.is_empty() {
                parsed.push(KeyChord::parse_sequence(keys)?);
            }
            let new_keys: Vec<&Vec<KeyChord>> = parsed.iter().collect();
            // A key moved to this action no longer triggers its old one.
            map.bindings
                .retain(|b| b.action != action && !new_keys.contains(&&b.keys));
            for keys in parsed.into_iter().rev() {
                map.bindings.insert(0, Binding { keys, action });
            }
        }
        Ok(map)
    }

    /// Looks up the keys typed so far.
    pub fn resolve(&self, keys: &[KeyChord]) -> Resolved {
        if keys.is_empty() {
            return Resolved::Unbound;
        }
        if let Some(b) = self.bindings.iter().find(|b| b.keys == keys) {
            return Resolved::Action(b.action);
        }
        if self.bindings.iter().any(|b| b.keys.starts_with(keys)) {
            Resolved::Pending
        } else {
            Resolved::Unbound
        }
    }

    /// Returns the keys bound to `action`, as text ("j, down").
    pub fn keys_for(&self, action: Action) -> String {
        let found: Vec<&Binding> = self
            .bindings
            .iter()
            .filter(|b| b.action == action)
            .collect();
        found
            .iter()
            .map(|b| {
                b.keys
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Returns (keys, description) for every bound action, in help order.
    pub fn help_entries(&self) -> Vec<(String, &'static str)> {
        Action::ALL
            .into_iter()
            .map(|a| (self.keys_for(a), a.describe()))
            .filter(|(keys, _)| !keys.is_empty())
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    fn seq(text: &str) -> Vec<KeyChord> {
        KeyChord::parse_sequence(text).unwrap()
    }

    #[test]
    fn every_default_parses() {
        assert_eq!(Keymap::default().bindings.len(), DEFAULTS.len());
    }

    #[test]
    fn resolves_single_keys_and_sequences() {
        let map = Keymap::default();
        assert_eq!(map.resolve(&seq("j")), Resolved::Action(Action::MoveDown));
        assert_eq!(map.resolve(&seq("g")), Resolved::Pending);
        assert_eq!(map.resolve(&seq("g g")), Resolved::Action(Action::GoTop));
        assert_eq!(map.resolve(&seq("g x")), Resolved::Unbound);
        assert_eq!(
            map.resolve(&[KeyChord::plain(KeyCode::F(9))]),
            Resolved::Unbound
        );
    }

    #[test]
    fn overrides_replace_an_actions_keys() {
        let mut table = BTreeMap::new();
        table.insert("toggle_star".to_owned(), "f, ctrl-s".to_owned());
        table.insert("move_down".to_owned(), "s".to_owned());
        let map = Keymap::with_overrides(&table).unwrap();
        assert_eq!(map.resolve(&seq("f")), Resolved::Action(Action::ToggleStar));
        assert_eq!(
            map.resolve(&seq("ctrl-s")),
            Resolved::Action(Action::ToggleStar)
        );
        assert_eq!(map.resolve(&seq("s")), Resolved::Action(Action::MoveDown));
        assert_eq!(map.resolve(&seq("j")), Resolved::Unbound);
        assert_eq!(map.keys_for(Action::ToggleStar), "f, ctrl-s");
    }

    #[test]
    fn override_errors_are_sentences() {
        let mut table = BTreeMap::new();
        table.insert("fly".to_owned(), "f".to_owned());
        let err = Keymap::with_overrides(&table).unwrap_err();
        assert_eq!(
            err.to_string(),
            "[keys] names an unknown action \"fly\"; use a name such as move_down or toggle_star"
        );
        let mut table = BTreeMap::new();
        table.insert("quit".to_owned(), "ctrl-".to_owned());
        let err = Keymap::with_overrides(&table).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the key \"ctrl-\" cannot be used because a modifier needs a key after it"
        );
    }
}
