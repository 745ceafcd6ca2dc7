//! How keys, fetch events and loaded data change the app (called from
//! `App::update`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Effect, Loaded, Pane, RequestId};
use crate::fetch::run::FetchEvent;
use crate::keymap::{KeyChord, Resolved};

impl App {
    pub(super) fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.picker.is_some() {
            return self.on_picker_key(key);
        }
        if let Some(input) = &mut self.search_input {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Enter => {
                    let text = crate::sanitize::clean_line(input);
                    self.search_input = None;
                    self.filter.search = (!text.is_empty()).then_some(text);
                    self.focus = Pane::Stories;
                    self.reader = None;
                    return vec![self.load_stories()];
                }
                KeyCode::Esc => self.search_input = None,
                KeyCode::Char('c') if ctrl => self.search_input = None,
                KeyCode::Backspace => {
                    input.pop();
                }
                KeyCode::Char(c) if !ctrl => input.push(c),
                _ => {}
            }
            return Vec::new();
        }
        self.pending_keys.push(KeyChord::from_event(key));
        match self.keymap.resolve(&self.pending_keys) {
            Resolved::Action(action) => {
                self.pending_keys.clear();
                self.apply(action)
            }
            Resolved::Pending => Vec::new(),
            Resolved::Unbound if self.pending_keys.len() > 1 => {
                // An unfinished sequence followed by another key: try the key alone.
                self.pending_keys.clear();
                self.on_key(key)
            }
            Resolved::Unbound => {
                self.pending_keys.clear();
                Vec::new()
            }
        }
    }

    pub(super) fn on_fetch(&mut self, event: &FetchEvent) -> Vec<Effect> {
        if !self.refresh.running {
            self.refresh.start(self.feeds.len());
        }
        self.refresh.on(event);
        match event {
            FetchEvent::FeedStored { new, .. } if *new > 0 => self.reload_after_store(),
            FetchEvent::PageStored { story }
                if self.reader.as_ref().is_some_and(|r| r.id == *story) =>
            {
                vec![self.load_story(*story)]
            }
            _ => Vec::new(),
        }
    }

    /// Reloads what another process's write may have changed. While the
    /// reader's own refresh runs, its commits would make this fire every
    /// poll, and it already reloads for each feed that brought stories: the
    /// change is noted and the list reloaded once when the refresh ends.
    pub(super) fn on_cache_changed(&mut self) -> Vec<Effect> {
        if self.refresh.running {
            self.changed_during_refresh = true;
            return Vec::new();
        }
        self.reload_after_store()
    }

    /// Reloads once if the cache changed while the refresh ran.
    pub(super) fn on_refresh_ended(&mut self) -> Vec<Effect> {
        if std::mem::take(&mut self.changed_during_refresh) {
            return self.reload_after_store();
        }
        Vec::new()
    }

    /// Reloads the list, the feeds' unread counts and the saved filters'
    /// counts after new stories were stored; the list keeps the cursor on
    /// the same story at the same screen row (`StoryList::replace`).
    fn reload_after_store(&mut self) -> Vec<Effect> {
        let mut effects = vec![self.load_feeds(), self.load_stories()];
        effects.extend(self.load_counts());
        effects
    }

    pub(super) fn on_loaded(&mut self, req: RequestId, data: Loaded) -> Vec<Effect> {
        let wanted = |want: &mut Option<RequestId>| {
            let ok = *want == Some(req);
            if ok {
                *want = None;
            }
            ok
        };
        match data {
            Loaded::Feeds(feeds) if wanted(&mut self.want_feeds) => {
                self.feeds = feeds;
                self.feed_cursor = self.feed_cursor.min(self.feeds.len());
            }
            Loaded::Stories(rows) if wanted(&mut self.want_stories) => {
                let height = self.list_height();
                self.list_complete = rows.len() < self.list_limit;
                self.list.replace(rows, height);
                if !self.list_complete {
                    self.dirty = true;
                    return vec![self.load_unread_total()];
                }
            }
            Loaded::Story(detail) if wanted(&mut self.want_story) => match detail {
                Some(detail) => {
                    if let Some(reader) = self.reader.as_mut().filter(|r| r.id == detail.story.id) {
                        reader.detail = Some(detail);
                    }
                }
                None => {
                    self.message = Some("That story is no longer in the cache.".to_owned());
                    self.reader = None;
                    self.focus = Pane::Stories;
                }
            },
            Loaded::Entities(entries) if wanted(&mut self.want_entities) => {
                if let Some(picker) = &mut self.picker {
                    picker.entries = Some(entries);
                    picker.selected = 0;
                }
            }
            Loaded::Counts(counts) if wanted(&mut self.want_unread) => {
                self.unread_total = counts.first().copied();
            }
            Loaded::Counts(counts) if wanted(&mut self.want_counts) => {
                for (saved, count) in self.saved.iter_mut().zip(counts) {
                    saved.unread = Some(count);
                }
            }
            Loaded::Failed(error) => {
                let mut current = false;
                for want in [
                    &mut self.want_feeds,
                    &mut self.want_stories,
                    &mut self.want_story,
                    &mut self.want_entities,
                    &mut self.want_counts,
                    &mut self.want_unread,
                ] {
                    current |= wanted(want);
                }
                if !current {
                    return Vec::new();
                }
                self.message = Some(crate::sanitize::clean_line(&error));
            }
            _ => return Vec::new(),
        }
        self.dirty = true;
        Vec::new()
    }
}
