//! One key with its modifiers, parsed from and shown as text ("ctrl-r", "G", "enter").

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::KeymapError;

/// A key press with its modifiers, normalised so that a typed `G` and a
/// configured `"G"` compare equal (shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift only for non-character keys).
    pub mods: KeyModifiers,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

impl KeyChord {
    /// Returns a chord for a plain key without modifiers.
    pub fn plain(code: KeyCode) -> KeyChord {
        KeyChord {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// Returns the chord a terminal key event stands for.
    pub fn from_event(event: KeyEvent) -> KeyChord {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c) => KeyCode::Char(c),
            other => {
                mods |= event.modifiers & KeyModifiers::SHIFT;
                other
            }
        };
        KeyChord { code, mods }
    }

    /// Parses one chord such as `j`, `G`, `ctrl-r`, `enter` or `?`.
    pub fn parse(text: &str) -> Result<KeyChord, KeymapError> {
        let bad = |reason: &str| KeymapError::BadChord {
            chord: text.to_owned(),
            reason: reason.to_owned(),
        };
        let mut rest = text;
        let mut mods = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, flag) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            if rest.len() == prefix.len() {
                return Err(bad("a modifier needs a key after it"));
            }
            mods |= flag;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err(bad("it is empty")),
            (Some(c), None) => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == lower) {
                    *code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    KeyCode::F(n)
                } else {
                    return Err(bad(
                        "it is not a key name (try a letter, enter, esc, tab, up, f1)",
                    ));
                }
            }
        };
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_ascii_uppercase())
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Ok(KeyChord { code, mods })
    }

    /// Parses a space-separated sequence such as `g g` or `ctrl-x o`.
    pub fn parse_sequence(text: &str) -> Result<Vec<KeyChord>, KeymapError> {
        let keys = text
            .split_whitespace()
            .map(KeyChord::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(KeymapError::BadChord {
                chord: text.to_owned(),
                reason: "it names no key".to_owned(),
            });
        }
        Ok(keys)
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => match NAMED.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code:?}"),
            },
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_letters_names_and_modifiers() {
        assert_eq!(
            KeyChord::parse("ctrl-r").unwrap(),
            KeyChord {
                code: KeyCode::Char('r'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert_eq!(
            KeyChord::parse("shift-g").unwrap(),
            KeyChord::plain(KeyCode::Char('G'))
        );
        assert_eq!(
            KeyChord::parse("Enter").unwrap(),
            KeyChord::plain(KeyCode::Enter)
        );
        assert_eq!(
            KeyChord::parse("-").unwrap(),
            KeyChord::plain(KeyCode::Char('-'))
        );
        assert!(KeyChord::parse("ctrl-").is_err());
        assert!(KeyChord::parse("bogus").is_err());
    }

    #[test]
    fn typed_shifted_letter_matches_configured_one() {
        let typed = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(KeyChord::from_event(typed), KeyChord::parse("G").unwrap());
        let backtab = KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(
            KeyChord::from_event(backtab),
            KeyChord::parse("shift-tab").unwrap()
        );
    }

    #[test]
    fn displays_what_it_parses() {
        for text in ["ctrl-r", "G", "enter", "space", "f5", "?"] {
            assert_eq!(KeyChord::parse(text).unwrap().to_string(), text);
        }
    }
}
