//! Filtering the list by person, country or organisation: the picker, the
//! chips, the saved filters of the sidebar, and `enter` on the article's
//! focus (a name filters by it, a link or related story opens it).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::article::mention_order;
use super::picker::Picker;
use super::reader::Focus;
use super::{App, Effect, Pane, Query};
use crate::model::EntityKind;
use crate::store::ListQuery;

/// A filter saved in the config, shown in the sidebar with its unread count.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedFilter {
    /// The name shown in the sidebar.
    pub name: String,
    /// The list it shows.
    pub query: ListQuery,
    /// Its unread stories; `None` until counted.
    pub unread: Option<u64>,
}

/// One active entity filter, as the chips show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    /// What kind of name it filters by.
    pub kind: EntityKind,
    /// The name (or country code) it filters by.
    pub name: String,
}

impl App {
    /// Returns the active person, country and organisation filters.
    pub fn chips(&self) -> Vec<Chip> {
        let f = &self.filter;
        [
            (EntityKind::Person, &f.person),
            (EntityKind::Country, &f.country),
            (EntityKind::Org, &f.org),
        ]
        .into_iter()
        .filter_map(|(kind, name)| {
            name.as_ref().map(|name| Chip {
                kind,
                name: name.clone(),
            })
        })
        .collect()
    }

    /// Opens the picker of `kind` and asks for its entries.
    pub(super) fn open_picker(&mut self, kind: EntityKind) -> Vec<Effect> {
        self.picker = Some(Picker::new(kind));
        let req = self.request();
        self.want_entities = Some(req);
        vec![Effect::Load(Query::Entities(kind), req)]
    }

    /// Handles a key while the picker is open: typing narrows, arrows move,
    /// `enter` chooses, `esc` closes.
    pub(super) fn on_picker_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Some(picker) = &mut self.picker else {
            return Vec::new();
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => return self.choose_picked(),
            KeyCode::Esc => self.picker = None,
            KeyCode::Char('c') if ctrl => self.picker = None,
            KeyCode::Up => picker.move_by(-1),
            KeyCode::Char('p') if ctrl => picker.move_by(-1),
            KeyCode::Down | KeyCode::Tab => picker.move_by(1),
            KeyCode::Char('n') if ctrl => picker.move_by(1),
            KeyCode::PageUp => picker.move_by(-10),
            KeyCode::PageDown => picker.move_by(10),
            KeyCode::Backspace => picker.pop(),
            KeyCode::Char(c) if !ctrl => picker.push(c),
            _ => {}
        }
        Vec::new()
    }

    fn choose_picked(&mut self) -> Vec<Effect> {
        let Some(picker) = self.picker.take() else {
            return Vec::new();
        };
        match picker.current().cloned() {
            Some(entry) => self.filter_by(entry.kind, &entry.name, entry.country.as_deref()),
            None => {
                self.message = Some(format!(
                    "No {} match “{}”; the list is unchanged.",
                    picker.noun(),
                    crate::sanitize::clean_line(&picker.input)
                ));
                Vec::new()
            }
        }
    }

    /// Adds a filter by one name (combined with the others of other kinds)
    /// and shows the list, most central stories first.
    pub(super) fn filter_by(
        &mut self,
        kind: EntityKind,
        name: &str,
        country: Option<&str>,
    ) -> Vec<Effect> {
        let name = name.trim().to_owned();
        match kind {
            EntityKind::Person => self.filter.person = Some(name.clone()),
            EntityKind::Org => self.filter.org = Some(name.clone()),
            EntityKind::Country => self.filter.country = Some(name.clone()),
            EntityKind::Place => match country {
                Some(code) => self.filter.country = Some(code.to_owned()),
                None => {
                    self.message = Some(format!(
                        "Byline does not know which country {name} is in, so it cannot filter by it."
                    ));
                    return Vec::new();
                }
            },
        }
        self.show_filtered_list()
    }

    /// Clears the person, country and organisation filters, and the saved
    /// filter if one is shown; the feed and unread toggles stay.
    pub(super) fn clear_filters(&mut self) -> Vec<Effect> {
        if self.chips().is_empty() && self.active_saved.is_none() {
            self.message = Some("No person, country or organisation filter is set.".to_owned());
            return Vec::new();
        }
        if self.active_saved.take().is_some() {
            self.filter = ListQuery {
                unread_only: self.filter.unread_only,
                ..ListQuery::default()
            };
        }
        self.filter.person = None;
        self.filter.country = None;
        self.filter.org = None;
        self.show_filtered_list()
    }

    /// Shows saved filter `index` in the list.
    pub(super) fn select_saved(&mut self, index: usize) -> Vec<Effect> {
        let Some(saved) = self.saved.get(index) else {
            return Vec::new();
        };
        self.filter = saved.query.clone();
        self.active_saved = Some(index);
        self.show_filtered_list()
    }

    /// Forgets a shown saved filter before the user picks a feed, so a feed
    /// is never silently combined with a saved filter's conditions.
    pub(super) fn leave_saved(&mut self) {
        if self.active_saved.take().is_some() {
            self.filter = ListQuery::default();
        }
    }

    fn show_filtered_list(&mut self) -> Vec<Effect> {
        self.reader = None;
        self.focus = Pane::Stories;
        self.list.selected = 0;
        self.list.offset = 0;
        vec![self.load_stories()]
    }

    /// Asks for the saved filters' unread counts; `None` without saved filters.
    pub(super) fn load_counts(&mut self) -> Option<Effect> {
        if self.saved.is_empty() {
            return None;
        }
        let queries = self
            .saved
            .iter()
            .map(|s| ListQuery {
                unread_only: true,
                limit: None,
                collapse_copies: true,
                ..s.query.clone()
            })
            .collect();
        let req = self.request();
        self.want_counts = Some(req);
        Some(Effect::Load(Query::Counts(queries), req))
    }

    /// Acts on what has the focus in the article (`enter`): a name or a
    /// quote's speaker filters the list by it, a link to a cached story or a
    /// related story opens it in the reader, another link opens the browser.
    pub(super) fn act_on_focus(&mut self) -> Vec<Effect> {
        let Some(reader) = &self.reader else {
            return Vec::new();
        };
        let Some(detail) = reader.detail.as_deref() else {
            return Vec::new();
        };
        match reader.focus {
            Focus::Mention(i) => {
                let Some(entity) = mention_order(detail)
                    .get(i)
                    .and_then(|&(e, _)| detail.entities.get(e))
                else {
                    return Vec::new();
                };
                let (kind, name, country) =
                    (entity.kind, entity.name.clone(), entity.country.clone());
                self.filter_by(kind, &name, country.as_deref())
            }
            Focus::Quote(i) => {
                let quote = detail.quotes.get(i);
                match quote.and_then(|q| Some((q.speaker.clone()?, q.speaker_kind?))) {
                    Some((speaker, kind)) => {
                        let country = detail
                            .entities
                            .iter()
                            .find(|e| e.name == speaker)
                            .and_then(|e| e.country.clone());
                        self.filter_by(kind, &speaker, country.as_deref())
                    }
                    None => {
                        self.message = Some("This quote's speaker is not known.".to_owned());
                        Vec::new()
                    }
                }
            }
            Focus::Link(i) => match detail.cached_links.get(i).copied().flatten() {
                Some(id) => self.open_story(id),
                None => self.open_in_browser(),
            },
            Focus::Related(i) => match detail.related.get(i).map(|r| r.id) {
                Some(id) => self.open_story(id),
                None => Vec::new(),
            },
            Focus::None => Vec::new(),
        }
    }
}
