//! The analysis of each story: the entity index (one row per entity, one
//! link per story with its salience and mentions) and the quotes.
//!
//! A person or organisation filter is an indexed query on `story_entities`,
//! a country filter one on `story_countries` (kept here, beside the
//! entities it is made of); neither scans the stories.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, params};

use super::term_counts::TermCounts;
use super::{Store, StoreError};
use crate::model::{Analysis, Entity, EntityKind, Mention, Quote, StoryId};

/// One entry of the entity index: an entity and how many stories name it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityCount {
    pub kind: EntityKind,
    pub name: String,
    pub country: Option<String>,
    pub stories: u64,
}

/// A story whose analysis is missing or was made by an older analyser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleAnalysis {
    pub id: StoryId,
    pub title: String,
    pub text: String,
}

impl Store {
    /// Stores a story's analysis in one transaction, replacing any older one.
    pub fn store_analysis(
        &mut self,
        id: StoryId,
        analysis: &Analysis,
        version: i64,
    ) -> Result<(), StoreError> {
        let tx = super::begin(&mut self.conn)?;
        let mut counts = Counts::default();
        write_analysis(&tx, &mut counts, id, analysis, version)?;
        counts.apply(&tx)?;
        let mut terms = TermCounts::default();
        super::relating::relate(&tx, &mut self.shingles, &mut terms, id.0)?;
        terms.flush(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores fresh analyses of several stories in one transaction.
    pub fn store_analyses(
        &mut self,
        analyses: &[(StoryId, Analysis)],
        version: i64,
    ) -> Result<(), StoreError> {
        let tx = super::begin(&mut self.conn)?;
        let mut counts = Counts::default();
        let mut terms = TermCounts::default();
        for (id, analysis) in analyses {
            write_analysis(&tx, &mut counts, *id, analysis, version)?;
            super::relating::relate(&tx, &mut self.shingles, &mut terms, id.0)?;
        }
        counts.apply(&tx)?;
        terms.flush(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Returns a story's stored analysis and the analyser version that made
    /// it, or `None` when the story was never analysed.
    pub fn analysis(&self, id: StoryId) -> Result<Option<(Analysis, i64)>, StoreError> {
        let stored: Option<(i64, String)> = self
            .conn
            .prepare_cached("SELECT analyzer_version, quotes FROM stories WHERE id = ?1")?
            .query_row([id.0], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((version, quotes)) = stored.filter(|(v, _)| *v > 0) else {
            return Ok(None);
        };
        let quotes: Vec<Quote> = serde_json::from_str(&quotes).unwrap_or_default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.kind, e.name, e.country, se.salience, se.mentions
             FROM story_entities se JOIN entities e ON e.id = se.entity_id
             WHERE se.story_id = ?1 ORDER BY se.salience DESC, e.name",
        )?;
        let entities = stmt
            .query_map([id.0], |r| {
                let kind: String = r.get(0)?;
                let country: String = r.get(2)?;
                let mentions: String = r.get(4)?;
                Ok((
                    kind,
                    r.get::<_, String>(1)?,
                    country,
                    r.get::<_, f64>(3)?,
                    mentions,
                ))
            })?
            .filter_map(|row| {
                let (kind, name, country, salience, mentions) = row.ok()?;
                Some(Entity {
                    kind: kind_from(&kind)?,
                    name,
                    country: (!country.is_empty()).then_some(country),
                    salience: salience as f32,
                    mentions: serde_json::from_str::<Vec<Mention>>(&mentions).unwrap_or_default(),
                })
            })
            .collect();
        Ok(Some((Analysis { entities, quotes }, version)))
    }

    /// Returns up to `limit` stories with a text or a headline whose
    /// analysis is older than `version` (or missing), oldest first.
    pub fn stale_analyses(
        &self,
        version: i64,
        limit: usize,
    ) -> Result<Vec<StaleAnalysis>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, text FROM stories
             WHERE analyzer_version < ?1 AND (text <> '' OR title <> '')
             ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![version, super::pages::clamp(limit)], |r| {
            Ok(StaleAnalysis {
                id: StoryId(r.get(0)?),
                title: r.get(1)?,
                text: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Returns the entity index: every entity with the number of stories
    /// naming it (for a country, the stories about it, its places
    /// included: what `list --country` finds), most named first; `kind`
    /// narrows it.
    ///
    /// The counts are kept by the schema's triggers, so this reads one row
    /// per entity, not the index of every story.
    pub fn entity_index(&self, kind: Option<EntityKind>) -> Result<Vec<EntityCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, name, country, n FROM (
                 SELECT e.kind, e.name, e.country,
                        CASE WHEN e.kind = 'country'
                             THEN COALESCE((SELECT cs.stories FROM country_stories cs
                                            WHERE cs.country = e.country), 0)
                             ELSE e.stories END AS n
                 FROM entities e
                 WHERE ?1 IS NULL OR e.kind = ?1)
             WHERE n > 0 ORDER BY n DESC, name",
        )?;
        let rows = stmt.query_map([kind.map(kind_name)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u64>(3)?,
            ))
        })?;
        Ok(rows
            .filter_map(|row| {
                let (kind, name, country, stories) = row.ok()?;
                Some(EntityCount {
                    kind: kind_from(&kind)?,
                    name,
                    country: (!country.is_empty()).then_some(country),
                    stories,
                })
            })
            .collect())
    }
}

/// How the pickers' story counts (`entities.stories`, `country_stories`)
/// change in one transaction: gathered while its analyses are written and
/// applied once before it commits, one update per entity and country.
#[derive(Debug, Default)]
pub(super) struct Counts {
    entities: HashMap<i64, i64>,
    countries: HashMap<String, i64>,
}

impl Counts {
    /// Applies the changes; call it inside the transaction that wrote them.
    pub(super) fn apply(self, conn: &Connection) -> Result<(), StoreError> {
        for (id, delta) in self.entities.into_iter().filter(|&(_, d)| d != 0) {
            conn.prepare_cached("UPDATE entities SET stories = stories + ?2 WHERE id = ?1")?
                .execute(params![id, delta])?;
        }
        for (code, delta) in self.countries.into_iter().filter(|&(_, d)| d != 0) {
            conn.prepare_cached(
                "INSERT INTO country_stories (country, stories) VALUES (?1, ?2)
                 ON CONFLICT (country) DO UPDATE SET stories = stories + excluded.stories",
            )?
            .execute(params![code, delta])?;
        }
        Ok(())
    }
}

/// Counts every entity's and country's stories afresh, after stories were
/// deleted (their analysis rows go by cascade, past [`Counts`]).
pub(super) fn recount(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "UPDATE entities SET stories =
             (SELECT COUNT(*) FROM story_entities se WHERE se.entity_id = entities.id);
         DELETE FROM country_stories;
         INSERT INTO country_stories (country, stories)
             SELECT country, COUNT(*) FROM story_countries GROUP BY country;",
    )?;
    Ok(())
}

/// Writes a story's analysis inside the caller's transaction, replacing its
/// older one, and notes the count changes in `counts` (the caller applies
/// them before committing).
pub(super) fn write_analysis(
    conn: &Connection,
    counts: &mut Counts,
    id: StoryId,
    analysis: &Analysis,
    version: i64,
) -> Result<(), StoreError> {
    {
        let mut gone = conn
            .prepare_cached("DELETE FROM story_entities WHERE story_id = ?1 RETURNING entity_id")?;
        let mut rows = gone.query([id.0])?;
        while let Some(row) = rows.next()? {
            *counts.entities.entry(row.get(0)?).or_default() -= 1;
        }
    }
    {
        let mut gone = conn
            .prepare_cached("DELETE FROM story_countries WHERE story_id = ?1 RETURNING country")?;
        let mut rows = gone.query([id.0])?;
        while let Some(row) = rows.next()? {
            *counts.countries.entry(row.get(0)?).or_default() -= 1;
        }
    }
    // The country filter's index: each country's highest salience, whether
    // the story names the country or one of its places.
    let mut countries: BTreeMap<&str, f32> = BTreeMap::new();
    for entity in &analysis.entities {
        if let Some(code) = entity.country.as_deref().filter(|c| !c.is_empty()) {
            let top = countries.entry(code).or_insert(entity.salience);
            *top = top.max(entity.salience);
        }
    }
    for (code, salience) in countries {
        conn.prepare_cached(
            "INSERT INTO story_countries (story_id, country, salience, published)
             SELECT id, ?2, ?3, published FROM stories WHERE id = ?1",
        )?
        .execute(params![id.0, code, f64::from(salience)])?;
        *counts.countries.entry(code.to_owned()).or_default() += 1;
    }
    // The same entity twice in one analysis is one link (its saliences merge).
    let mut linked = HashSet::new();
    for entity in &analysis.entities {
        let country = entity.country.as_deref().unwrap_or("");
        let kind = kind_name(entity.kind);
        // Most entities are known already: look first, insert only the new.
        let known: Option<i64> = conn
            .prepare_cached(
                "SELECT id FROM entities WHERE kind = ?1 AND name = ?2 AND country = ?3",
            )?
            .query_row(params![kind, entity.name, country], |r| r.get(0))
            .optional()?;
        let entity_id = match known {
            Some(id) => id,
            None => {
                conn.prepare_cached(
                    "INSERT INTO entities (kind, name, country) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![kind, entity.name, country])?;
                conn.last_insert_rowid()
            }
        };
        if linked.insert(entity_id) {
            *counts.entities.entry(entity_id).or_default() += 1;
        }
        let mentions = serde_json::to_string(&entity.mentions).unwrap_or_else(|_| "[]".to_owned());
        conn.prepare_cached(
            "INSERT INTO story_entities (story_id, entity_id, salience, mentions)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (story_id, entity_id) DO UPDATE SET
                 salience = MAX(salience, excluded.salience)",
        )?
        .execute(params![
            id.0,
            entity_id,
            f64::from(entity.salience),
            mentions
        ])?;
    }
    let quotes = serde_json::to_string(&analysis.quotes).unwrap_or_else(|_| "[]".to_owned());
    conn.prepare_cached("UPDATE stories SET analyzer_version = ?2, quotes = ?3 WHERE id = ?1")?
        .execute(params![id.0, version, quotes])?;
    Ok(())
}

/// Returns the stored name of an entity kind.
pub(super) fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Country => "country",
        EntityKind::Place => "place",
        EntityKind::Org => "org",
    }
}

fn kind_from(name: &str) -> Option<EntityKind> {
    Some(match name {
        "person" => EntityKind::Person,
        "country" => EntityKind::Country,
        "place" => EntityKind::Place,
        "org" => EntityKind::Org,
        _ => return None,
    })
}
