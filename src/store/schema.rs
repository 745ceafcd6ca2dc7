//! The schema and its migrations, keyed by `PRAGMA user_version`.
//!
//! Each step is applied once, in order, inside one `BEGIN IMMEDIATE`
//! transaction together with the new `user_version`, so two processes that
//! open an old cache at once cannot both migrate it. Steps are additive only
//! (new tables, columns and indexes): later stages (analysis, related
//! stories) append their own steps here.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// Migration steps; step `i` takes the cache from version `i` to `i + 1`.
///
/// Times are Unix microseconds (UTC); lists (tags, captions, links) are JSON.
const MIGRATIONS: &[&str] = &[
    // 1: feeds, stories, the story-feed link table, full-text search.
    r#"
    CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        config_title  TEXT,
        own_title     TEXT,
        tags          TEXT NOT NULL DEFAULT '[]',
        site_url      TEXT,
        etag          TEXT,
        last_modified TEXT,
        last_fetch    INTEGER,
        last_success  INTEGER,
        last_error    TEXT,
        moved_to      TEXT,
        retry_at      INTEGER
    );

    CREATE TABLE stories (
        id             INTEGER PRIMARY KEY,
        feed_id        INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        url            TEXT,
        canonical_url  TEXT,
        title          TEXT NOT NULL,
        author         TEXT,
        published      INTEGER NOT NULL,
        -- where `published` came from: 'feed', 'page' or 'first_seen'
        published_from TEXT NOT NULL,
        first_seen     INTEGER NOT NULL,
        dateline       TEXT,
        text           TEXT NOT NULL DEFAULT '',
        feed_html      TEXT,
        captions       TEXT NOT NULL DEFAULT '[]',
        links          TEXT NOT NULL DEFAULT '[]',
        text_source    TEXT NOT NULL DEFAULT 'feed',
        page_done      INTEGER NOT NULL DEFAULT 0,
        page_attempts  INTEGER NOT NULL DEFAULT 0,
        page_error     TEXT,
        read           INTEGER NOT NULL DEFAULT 0,
        starred        INTEGER NOT NULL DEFAULT 0
    );

    -- One story per canonical URL, whichever feed brought it.
    CREATE UNIQUE INDEX stories_canonical_url ON stories(canonical_url)
        WHERE canonical_url IS NOT NULL;
    -- Newest first: scanned backwards, it yields (published DESC, id DESC).
    CREATE INDEX stories_published ON stories(published);
    -- The same order for the unread and starred views, which stay small
    -- when most of a large cache is read and little is starred.
    CREATE INDEX stories_unread ON stories(published) WHERE read = 0;
    CREATE INDEX stories_starred ON stories(published) WHERE starred = 1;
    -- Pending page fetches, oldest first.
    CREATE INDEX stories_page_jobs ON stories(published)
        WHERE page_done = 0 AND url IS NOT NULL AND page_attempts < 3;

    -- Which feeds carry a story, and under which key: (feed, key) identifies
    -- an item, and each feed's counts come from here.
    CREATE TABLE story_feeds (
        feed_id  INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        key      TEXT NOT NULL,
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        PRIMARY KEY (feed_id, key)
    ) WITHOUT ROWID;
    CREATE INDEX story_feeds_story ON story_feeds(story_id, feed_id);

    CREATE VIRTUAL TABLE stories_fts USING fts5(
        title, text, content = 'stories', content_rowid = 'id'
    );
    -- Inserts and updates are indexed by fts.rs, not by triggers (see there).
    CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
        INSERT INTO stories_fts(stories_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END;
    "#,
    // 2: the analysis: entity index, per-story entities with salience and
    // mentions, quotes, and the analyser version that made them.
    r#"
    ALTER TABLE stories ADD COLUMN analyzer_version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN quotes TEXT NOT NULL DEFAULT '[]';
    CREATE INDEX stories_analysis ON stories(analyzer_version);

    CREATE TABLE entities (
        id      INTEGER PRIMARY KEY,
        kind    TEXT NOT NULL,
        name    TEXT NOT NULL,
        -- ISO alpha-2 for countries and places, '' otherwise
        country TEXT NOT NULL DEFAULT '',
        UNIQUE (kind, name, country)
    );
    CREATE INDEX entities_country ON entities(country) WHERE country <> '';

    CREATE TABLE story_entities (
        story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        salience  REAL NOT NULL,
        mentions  TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (story_id, entity_id)
    ) WITHOUT ROWID;
    -- A person or country filter: the stories of one entity, most central first.
    CREATE INDEX story_entities_entity ON story_entities(entity_id, salience DESC);
    "#,
    // 3: the related-stories index (src/store/related.rs): per story its
    // event terms, event and first copy; term frequencies; event centroids
    // with their most frequent terms posted; MinHash bands; related links.
    r#"
    CREATE TABLE relate_stories (
        story_id     INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
        published    INTEGER NOT NULL,
        event        INTEGER NOT NULL,
        duplicate_of INTEGER,
        terms        BLOB NOT NULL
    );
    CREATE INDEX relate_stories_event ON relate_stories(event, story_id);
    CREATE INDEX relate_stories_copies ON relate_stories(duplicate_of)
        WHERE duplicate_of IS NOT NULL;

    CREATE TABLE relate_terms (
        term INTEGER PRIMARY KEY,
        df   INTEGER NOT NULL
    );

    CREATE TABLE relate_events (
        id       INTEGER PRIMARY KEY,
        first    INTEGER NOT NULL,
        last     INTEGER NOT NULL,
        size     INTEGER NOT NULL,
        centroid BLOB NOT NULL
    );
    CREATE TABLE relate_event_terms (
        term  INTEGER NOT NULL,
        event INTEGER NOT NULL,
        PRIMARY KEY (term, event)
    ) WITHOUT ROWID;

    CREATE TABLE relate_bands (
        band  INTEGER NOT NULL,
        story INTEGER NOT NULL,
        PRIMARY KEY (band, story)
    ) WITHOUT ROWID;
    CREATE INDEX relate_bands_story ON relate_bands(story);

    -- score is the cosine (or copy share) times 1000
    CREATE TABLE relate_links (
        story     INTEGER NOT NULL,
        other     INTEGER NOT NULL,
        score     INTEGER NOT NULL,
        duplicate INTEGER NOT NULL,
        PRIMARY KEY (story, other)
    ) WITHOUT ROWID;
    CREATE INDEX relate_links_other ON relate_links(other);
    "#,
    // 4: the country filter's own index: per story and country (named, or
    // through one of its places) the highest salience, with the story's
    // time, so "stories about US, most central first" is one range of an
    // index read in order and cut at the page, not a sum over every place
    // of the country (the largest country is in almost half the stories).
    r#"
    CREATE TABLE story_countries (
        story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        country   TEXT NOT NULL,
        salience  REAL NOT NULL,
        published INTEGER NOT NULL,
        PRIMARY KEY (story_id, country)
    ) WITHOUT ROWID;
    CREATE INDEX story_countries_rank
        ON story_countries(country, salience DESC, published DESC, story_id DESC);
    INSERT INTO story_countries (story_id, country, salience, published)
        SELECT se.story_id, e.country, MAX(se.salience), s.published
        FROM story_entities se
             JOIN entities e ON e.id = se.entity_id
             JOIN stories s ON s.id = se.story_id
        WHERE e.country <> ''
        GROUP BY se.story_id, e.country;
    -- A story's time can be learnt later (from its page or a feed update).
    CREATE TRIGGER story_countries_published AFTER UPDATE OF published ON stories BEGIN
        UPDATE story_countries SET published = new.published WHERE story_id = new.id;
    END;
    "#,
    // 5: the pickers' story counts, kept as stories come and go instead of
    // counted over the whole index each time a picker opens: per entity,
    // and per country (its stories about it, places included, as the
    // country filter finds them). Kept by analysis.rs (`Counts`), once per
    // transaction: triggers per row cost the writer a statement journal each.
    r#"
    ALTER TABLE entities ADD COLUMN stories INTEGER NOT NULL DEFAULT 0;
    UPDATE entities SET stories =
        (SELECT COUNT(*) FROM story_entities se WHERE se.entity_id = entities.id);
    CREATE TABLE country_stories (
        country TEXT PRIMARY KEY,
        stories INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO country_stories (country, stories)
        SELECT country, COUNT(*) FROM story_countries GROUP BY country;
    "#,
    // 6: per term, the events posted under it, in the relate_terms row
    // 2^32 + term (terms are below 2^31), for the inverse document
    // frequency (relate::idf); kept by related_index.rs as it posts.
    r#"
    INSERT OR REPLACE INTO relate_terms (term, df)
        SELECT term + 4294967296, COUNT(*) FROM relate_event_terms GROUP BY term;
    "#,
];

/// Returns the schema version this build of Byline writes.
pub fn known_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the cache up to [`known_version`], refusing a newer one.
///
/// `path` only names the cache in the error.
pub fn migrate(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    let known = known_version();
    // Fast path without a write lock: a second process opening an up-to-date
    // cache must not queue behind a long fetch transaction.
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found == known {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the lock: another process may have migrated meanwhile.
    let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > known {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found,
            known,
        });
    }
    for (index, step) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}
