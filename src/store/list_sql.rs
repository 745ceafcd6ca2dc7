//! The SQL of story lists: plain (newest first, from the `published`
//! index) or filtered by people, countries and organisations (ranked by
//! salience from the entity index), with the same conditions for counts
//! and bulk marks.

use rusqlite::types::Value;

use super::ListQuery;
use super::pages::clamp;

/// The displayed title of feed `f`: configured, else its own, else its URL.
pub(super) const FEED_TITLE: &str =
    "COALESCE(NULLIF(f.config_title, ''), NULLIF(f.own_title, ''), f.url)";

/// The columns of a list row after the story's own (`rs` is the story's
/// `relate_stories` row, left-joined): the event when another story shares
/// it, the first copy, and the size of the copy group (a copy's own row
/// counts its group too).
const RELATED_COLUMNS: &str =
    "(SELECT e.id FROM relate_events e WHERE e.id = rs.event AND e.size > 1),
     rs.duplicate_of,
     1 + (SELECT COUNT(*) FROM relate_stories c
          WHERE c.duplicate_of = COALESCE(rs.duplicate_of, s.id))";

/// Builds the list query and its arguments; `ordered` selects the row
/// columns and adds the ORDER BY and LIMIT, otherwise only ids are selected
/// (for counts and bulk marks).
///
/// Without an entity filter, `CROSS JOIN` keeps `stories` as the outer
/// table, so SQLite walks the `published` index backwards and stops at the
/// limit instead of sorting. With person, country or organisation filters,
/// the stories come from the entity index (`story_entities` by entity),
/// most central first: by the sum of their saliences, then newest first
/// (see [`entity_sql`]).
pub(super) fn list_sql(query: &ListQuery, ordered: bool) -> (String, Vec<Value>) {
    let mut args = Vec::new();
    // Person and organisation first: the first filter drives (see entity_sql).
    let mut tables: Vec<String> = Vec::new();
    if let Some(person) = &query.person {
        let name = Value::Text(person.trim().to_owned());
        tables.push(entity_set(
            tables.len(),
            "e.kind = 'person' AND (e.name = ? COLLATE NOCASE OR e.name LIKE '% ' || ?)",
        ));
        args.extend([name.clone(), name]);
    }
    if let Some(org) = &query.org {
        tables.push(entity_set(
            tables.len(),
            "e.kind = 'org' AND e.name = ? COLLATE NOCASE",
        ));
        args.push(Value::Text(org.trim().to_owned()));
    }
    if let Some(country) = &query.country {
        let code = Value::Text(country.trim().to_owned());
        tables.push(entity_set(
            tables.len(),
            "e.country <> '' AND (e.country = upper(?) OR e.country IN
                 (SELECT country FROM entities WHERE kind = 'country' AND name = ? COLLATE NOCASE))",
        ));
        args.extend([code.clone(), code]);
    }
    if tables.is_empty() {
        plain_sql(query, ordered)
    } else {
        entity_sql(query, tables, args, ordered)
    }
}

/// The list without entity filters: stories newest first, read straight
/// from the `published` index (or the partial unread and starred ones).
fn plain_sql(query: &ListQuery, ordered: bool) -> (String, Vec<Value>) {
    let mut args = Vec::new();
    // Counts and bulk marks need only the ids: no feed join, no columns
    // that sit after the stories' long text.
    let mut sql = if ordered {
        format!(
            "SELECT s.id, s.title, {FEED_TITLE}, s.url, s.published, s.read, s.starred,
                    {RELATED_COLUMNS}
             FROM stories s CROSS JOIN feeds f ON f.id = s.feed_id
                  LEFT JOIN relate_stories rs ON rs.story_id = s.id
             WHERE 1"
        )
    } else {
        "SELECT s.id FROM stories s WHERE 1".to_owned()
    };
    if query.unread_only {
        sql.push_str(" AND s.read = 0");
    }
    if query.starred_only {
        sql.push_str(" AND s.starred = 1");
    }
    sql.push_str(&id_conditions("s.id", query, &mut args));
    if ordered {
        sql.push_str(" ORDER BY s.published DESC, s.id DESC");
        if let Some(limit) = query.limit {
            sql.push_str(" LIMIT ?");
            args.push(Value::Integer(clamp(limit)));
        }
    }
    (sql, args)
}

/// The list with entity filters (`sets` names each filter's entities:
/// `e0`, `e1`…): the stories' ranks (the sum of their saliences) come from
/// the entity index alone. The first filter (a person or organisation when
/// there is one, usually the fewest stories) yields the candidates, grouped
/// per story; each other filter is a lookup of that story's entities by
/// primary key, and every other condition an indexed `IN` set. Only the
/// stories that make the page are read. With a limit, the cut keeps every
/// story ranked at least as high as the page's last, so ties still go
/// newest first.
fn entity_sql(
    query: &ListQuery,
    mut sets: Vec<String>,
    mut args: Vec<Value>,
    ordered: bool,
) -> (String, Vec<Value>) {
    let others = sets.len() - 1;
    sets.push(
        "m0(sid, sal) AS (SELECT story_id, MAX(salience) FROM story_entities
         WHERE entity_id IN e0 GROUP BY story_id)"
            .to_owned(),
    );
    let mut columns = String::from("m0.sid AS sid, m0.sal AS s0");
    for i in 1..=others {
        columns.push_str(&format!(
            ", (SELECT MAX(se.salience) FROM story_entities se
                WHERE se.story_id = m0.sid AND se.entity_id IN e{i}) AS s{i}"
        ));
    }
    let mut candidates = format!("SELECT {columns} FROM m0 WHERE 1");
    if query.unread_only {
        candidates.push_str(" AND m0.sid IN (SELECT id FROM stories WHERE read = 0)");
    }
    if query.starred_only {
        candidates.push_str(" AND m0.sid IN (SELECT id FROM stories WHERE starred = 1)");
    }
    candidates.push_str(&id_conditions("m0.sid", query, &mut args));
    let rank: Vec<String> = (0..=others).map(|i| format!("s{i}")).collect();
    let present: String = (1..=others)
        .map(|i| format!(" AND s{i} IS NOT NULL"))
        .collect();
    // Materialised, so each lookup runs once, not again for the IS NOT NULL.
    sets.push(format!("c AS MATERIALIZED ({candidates})"));
    sets.push(format!(
        "r(sid, rank) AS MATERIALIZED (SELECT sid, {} FROM c WHERE 1{present})",
        rank.join(" + ")
    ));
    if !ordered {
        return (
            format!("WITH {} SELECT sid AS id FROM r", sets.join(", ")),
            args,
        );
    }
    let source = match query.limit {
        Some(limit) => {
            sets.push(
                "cut(sid, rank) AS (SELECT sid, rank FROM r WHERE rank >= COALESCE(
                     (SELECT rank FROM r ORDER BY rank DESC LIMIT 1 OFFSET ?), -1e308))"
                    .to_owned(),
            );
            args.push(Value::Integer(clamp(limit.max(1) - 1)));
            "cut"
        }
        None => "r",
    };
    let mut sql = format!(
        "WITH {} SELECT s.id, s.title, {FEED_TITLE}, s.url, s.published, s.read, s.starred,
                {RELATED_COLUMNS}
         FROM {source} r CROSS JOIN stories s ON s.id = r.sid
         CROSS JOIN feeds f ON f.id = s.feed_id
         LEFT JOIN relate_stories rs ON rs.story_id = s.id
         ORDER BY r.rank DESC, s.published DESC, s.id DESC",
        sets.join(", ")
    );
    if let Some(limit) = query.limit {
        sql.push_str(" LIMIT ?");
        args.push(Value::Integer(clamp(limit)));
    }
    (sql, args)
}

/// Returns the copy, feed and full-text conditions on the story id `id`,
/// each an indexed `IN` set, and pushes their arguments.
fn id_conditions(id: &str, query: &ListQuery, args: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    if query.collapse_copies {
        // One row per copy group: the first copy stands for the others.
        sql.push_str(&format!(
            " AND {id} NOT IN (SELECT story_id FROM relate_stories WHERE duplicate_of IS NOT NULL)"
        ));
    }
    if let Some(feed) = query.feed {
        sql.push_str(&format!(
            " AND {id} IN (SELECT story_id FROM story_feeds WHERE feed_id = ?)"
        ));
        args.push(Value::Integer(feed.0));
    }
    if let Some(fts) = query.search.as_deref().and_then(fts_query) {
        sql.push_str(&format!(
            " AND {id} IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?)"
        ));
        args.push(Value::Text(fts));
    }
    sql
}

/// Returns the common table `e{index}(id)`: the ids of the entities that
/// meet `condition` (a handful of rows; materialised once per query).
fn entity_set(index: usize, condition: &str) -> String {
    format!("e{index}(id) AS MATERIALIZED (SELECT e.id FROM entities e WHERE {condition})")
}

/// Turns what the user typed into an FTS5 query that matches every word.
///
/// Each word becomes a quoted string, so FTS5 operators (`"`, `*`, `-`, `:`,
/// `AND`, `NEAR`, parentheses) are searched as text instead of parsed.
/// Words without a letter or digit cannot match anything the tokenizer
/// indexes and are dropped; `None` means no word is left to search.
fn fts_query(typed: &str) -> Option<String> {
    let terms: Vec<String> = typed
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_words_become_quoted_terms() {
        assert_eq!(
            fts_query("Kim  Seoul").as_deref(),
            Some("\"Kim\" \"Seoul\"")
        );
        assert_eq!(
            fts_query("say \"hi\"").as_deref(),
            Some("\"say\" \"\"\"hi\"\"\"")
        );
        assert_eq!(fts_query("a:b -c*").as_deref(), Some("\"a:b\" \"-c*\""));
        assert_eq!(fts_query(" - : * \" "), None);
    }
}
