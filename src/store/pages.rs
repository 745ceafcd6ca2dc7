//! Story pages: which pages to fetch, and storing what was extracted.

use rusqlite::{Connection, OptionalExtension, params};

use super::fts::FtsWrites;
use super::term_counts::TermCounts;
use super::{PageJob, Store, StoreError, StoryText, to_micros};
use crate::model::{Article, StoryId, TextSource};
use crate::sanitize::clean_line;

/// A page that failed this many times is not offered again.
pub const MAX_PAGE_ATTEMPTS: i64 = 3;

impl Store {
    /// Returns stories that have a URL and no extracted page yet, and whose
    /// page has not failed too often ([`MAX_PAGE_ATTEMPTS`]), oldest first.
    pub fn page_jobs(&self, limit: usize) -> Result<Vec<PageJob>, StoreError> {
        // The WHERE clause repeats the partial index's so SQLite can use it;
        // its 3 is MAX_PAGE_ATTEMPTS, a literal because an index needs one.
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, url FROM stories INDEXED BY stories_page_jobs
             WHERE page_done = 0 AND url IS NOT NULL AND page_attempts < 3
             ORDER BY published, id LIMIT ?1",
        )?;
        let jobs = stmt.query_map([clamp(limit)], |r| {
            Ok(PageJob {
                id: StoryId(r.get(0)?),
                url: r.get(1)?,
            })
        })?;
        Ok(jobs.collect::<Result<_, _>>()?)
    }

    /// Stores an extracted article for a story in one transaction (text,
    /// captions, links, dateline, author when the feed gave none; FTS updated).
    ///
    /// With [`TextSource::Page`] or [`TextSource::Demo`] the page is marked
    /// done, so [`Store::page_jobs`] stops offering it. With
    /// [`TextSource::Feed`] (the first text, made from the feed's HTML) the
    /// page stays pending, and once a page was extracted feed text is ignored.
    /// An article without paragraphs keeps the text already stored. A page's
    /// publication time replaces the first-seen time when the feed gave none.
    /// An unknown story is ignored.
    pub fn store_article(
        &mut self,
        id: StoryId,
        article: &Article,
        source: TextSource,
    ) -> Result<(), StoreError> {
        self.store_articles([(id, article)], source)
    }

    /// Stores several articles like [`Store::store_article`], in one transaction.
    ///
    /// The first texts of a whole feed fetch are stored at once this way: one
    /// commit instead of one per story.
    pub fn store_articles<'a>(
        &mut self,
        articles: impl IntoIterator<Item = (StoryId, &'a Article)>,
        source: TextSource,
    ) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        let mut fts = FtsWrites::default();
        for (id, article) in articles {
            write_article(&tx, &mut fts, id, article, source)?;
        }
        fts.flush(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a story's text and its analysis in one transaction (see
    /// [`Store::store_article`]); the analysis is kept only when the text was.
    pub fn store_text(
        &mut self,
        id: StoryId,
        text: &StoryText,
        source: TextSource,
    ) -> Result<(), StoreError> {
        self.store_texts(&[(id, text)], source)
    }

    /// Stores several stories' texts and analyses in one transaction, as
    /// [`Store::store_text`] stores one: all of them or, on an error, none.
    pub fn store_texts(
        &mut self,
        texts: &[(StoryId, &StoryText)],
        source: TextSource,
    ) -> Result<(), StoreError> {
        let tx = super::begin(&mut self.conn)?;
        let mut counts = super::analysis::Counts::default();
        let mut fts = FtsWrites::default();
        let mut terms = TermCounts::default();
        for &(id, text) in texts {
            if write_article(&tx, &mut fts, id, &text.article, source)? {
                if let Some(made) = &text.shingles {
                    self.shingles.remember(id.0, made);
                }
                let (analysis, version) = (&text.analysis, text.analyzer_version);
                super::analysis::write_analysis(&tx, &mut counts, id, analysis, version)?;
            }
            // Related by the text it has now, new or not (the feed's, when
            // its page held none: see FeedUpdate::pages_follow).
            super::relating::relate(&tx, &mut self.shingles, &mut terms, id.0)?;
        }
        counts.apply(&tx)?;
        fts.flush(&tx)?;
        terms.flush(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Records that a story's page could not be fetched or extracted.
    ///
    /// Each call counts one attempt; after [`MAX_PAGE_ATTEMPTS`] the page is
    /// no longer offered by [`Store::page_jobs`] and the story keeps its feed text.
    ///
    /// The story is related by its feed text, which a fetch that expected
    /// the page did not do (see [`FeedUpdate::pages_follow`]).
    pub fn store_page_error(&mut self, id: StoryId, error: &str) -> Result<(), StoreError> {
        let tx = super::begin(&mut self.conn)?;
        tx.prepare_cached(
            "UPDATE stories SET page_attempts = page_attempts + 1, page_error = ?2
             WHERE id = ?1",
        )?
        .execute(params![id.0, clean_line(error)])?;
        let mut terms = TermCounts::default();
        super::relating::relate(&tx, &mut self.shingles, &mut terms, id.0)?;
        terms.flush(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Returns how often a story's page failed and the last error, if any.
    ///
    /// Lets `byline show` and tests explain why a story has only its feed text.
    pub fn page_attempts(&self, id: StoryId) -> Result<(u32, Option<String>), StoreError> {
        let found = self
            .conn
            .prepare_cached("SELECT page_attempts, page_error FROM stories WHERE id = ?1")?
            .query_row([id.0], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(found.unwrap_or((0, None)))
    }
}

/// Converts a row limit to SQLite's integer type, saturating.
pub(super) fn clamp(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

/// Writes one article inside the caller's transaction (see
/// [`Store::store_article`]); returns whether its text replaced the story's.
pub(super) fn write_article(
    conn: &Connection,
    fts: &mut FtsWrites,
    id: StoryId,
    article: &Article,
    source: TextSource,
) -> Result<bool, StoreError> {
    let state: Option<(bool, bool)> = conn
        .prepare_cached(
            "SELECT page_done, published_from = 'first_seen' FROM stories WHERE id = ?1",
        )?
        .query_row([id.0], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((page_done, published_unknown)) = state else {
        return Ok(false);
    };
    if page_done && source == TextSource::Feed {
        return Ok(false);
    }
    let (source_name, marks_done) = match source {
        TextSource::Feed => ("feed", false),
        TextSource::Page => ("page", true),
        TextSource::Demo => ("demo", true),
    };
    let text = article.text();
    let written = !text.trim().is_empty();
    if written {
        let captions = serde_json::to_string(&article.captions).unwrap_or_else(|_| "[]".to_owned());
        let links = serde_json::to_string(&article.links).unwrap_or_else(|_| "[]".to_owned());
        fts.rewrite(conn, id.0, None, Some(&text))?;
        conn.prepare_cached(
            "UPDATE stories SET captions = ?2, links = ?3, text_source = ?4 WHERE id = ?1",
        )?
        .execute(params![id.0, captions, links, source_name])?;
    }
    conn.prepare_cached(
        "UPDATE stories SET dateline = COALESCE(?2, dateline),
                author = COALESCE(author, ?3),
                page_done = page_done OR ?4,
                page_error = CASE WHEN ?4 THEN NULL ELSE page_error END
         WHERE id = ?1",
    )?
    .execute(params![
        id.0,
        article.dateline.as_deref().map(clean_line),
        article
            .author
            .as_deref()
            .map(clean_line)
            .filter(|a| !a.is_empty()),
        marks_done,
    ])?;
    if let (true, Some(published)) = (published_unknown, article.published) {
        conn.prepare_cached(
            "UPDATE stories SET published = ?2, published_from = 'page' WHERE id = ?1",
        )?
        .execute(params![id.0, to_micros(published)])?;
    }
    Ok(written)
}
