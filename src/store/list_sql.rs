//! The SQL of story lists: plain (newest first, from the `published`
//! index) or filtered by people, countries and organisations (ranked by
//! salience from the entity index, or for a country alone from the country
//! index), with the same conditions for counts and bulk marks.

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

/// The entities a query's person and organisation names stand for (read
/// from `entities` before the list's SQL is built, see
/// [`super::Store::named`]): `None` when the query has no such filter.
#[derive(Debug, Default)]
pub(super) struct Named {
    pub person: Option<Vec<i64>>,
    pub org: Option<Vec<i64>>,
}

/// One entity filter: the common tables it needs, where its stories come
/// from when it drives the query (`(story, salience)` rows, one per story),
/// and its salience for one candidate story `m0.sid` (NULL when the story
/// is not in it).
struct Facet {
    tables: Vec<String>,
    rows: String,
    lookup: String,
    /// When the filter alone can be read in the list's order: the table and
    /// condition to scan, and the order of the index it is scanned by.
    ranked: Option<Ranked>,
}

/// A filter read straight from an index in the list's order (see
/// [`ranked_sql`]): `source` is a table aliased `x` with `story_id` and
/// `salience`, `order` the ORDER BY that its index yields (at least its
/// leading salience).
struct Ranked {
    source: &'static str,
    condition: String,
    order: &'static str,
}

/// Builds the list query and its arguments; `ordered` selects the row
/// columns and adds the ORDER BY and LIMIT, otherwise only ids are selected
/// (for counts and bulk marks).
///
/// Without an entity filter, `CROSS JOIN` keeps `stories` as the outer
/// table, so SQLite walks the `published` index backwards and stops at the
/// limit instead of sorting. One filter alone (a country, or a person or
/// organisation that is one entity) is read from its index in salience
/// order and stops at the limit too (see [`ranked_sql`]). Otherwise the
/// stories come from the entity index, most central first: by the sum of
/// their saliences, then newest first (see [`entity_sql`]).
pub(super) fn list_sql(query: &ListQuery, named: &Named, ordered: bool) -> (String, Vec<Value>) {
    let mut args = Vec::new();
    // Person and organisation first: the first filter drives (see entity_sql).
    let mut facets: Vec<Facet> = Vec::new();
    for ids in [&named.person, &named.org].into_iter().flatten() {
        facets.push(entity_facet(ids));
    }
    if let Some(country) = &query.country {
        let typed = Value::Text(country.trim().to_owned());
        facets.push(country_facet(facets.len()));
        args.extend([typed.clone(), typed]);
    }
    if facets.is_empty() {
        return plain_sql(query, ordered);
    }
    if facets.len() == 1
        && let Some(ranked) = facets[0].ranked.take()
    {
        let tables = std::mem::take(&mut facets[0].tables);
        return ranked_sql(query, tables, ranked, args, ordered);
    }
    entity_sql(query, facets, args, ordered)
}

/// The filter on the people or organisations `ids`: their stories from the
/// entity index. One entity alone is read in the index's salience order.
fn entity_facet(ids: &[i64]) -> Facet {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    let set = format!("({})", list.join(", "));
    let ranked = match ids {
        [id] => Some(Ranked {
            source: "story_entities",
            condition: format!("x.entity_id = {id}"),
            // The index holds (entity_id, salience DESC): ties of salience
            // are sorted one group at a time, and only up to the limit.
            order: "x.salience DESC, s.published DESC, s.id DESC",
        }),
        _ => None,
    };
    Facet {
        tables: Vec::new(),
        rows: format!(
            "SELECT story_id, MAX(salience) FROM story_entities
             WHERE entity_id IN {set} GROUP BY story_id"
        ),
        lookup: format!(
            "(SELECT MAX(se.salience) FROM story_entities se
              WHERE se.story_id = m0.sid AND se.entity_id IN {set})"
        ),
        ranked,
    }
}

/// The country filter: what the user typed (two arguments, both the text)
/// is a country's canonical name or else its code, resolved once into
/// `k{index}`; its stories come from `story_countries`.
fn country_facet(index: usize) -> Facet {
    let code = format!("(SELECT code FROM k{index})");
    Facet {
        tables: vec![format!(
            "k{index}(code) AS MATERIALIZED (SELECT COALESCE(
                 (SELECT MIN(country) FROM entities
                  WHERE kind = 'country' AND name = ? COLLATE NOCASE),
                 upper(?)))"
        )],
        rows: format!("SELECT story_id, salience FROM story_countries WHERE country = {code}"),
        lookup: format!(
            "(SELECT sc.salience FROM story_countries sc
              WHERE sc.story_id = m0.sid AND sc.country = {code})"
        ),
        ranked: Some(Ranked {
            source: "story_countries",
            condition: format!("x.country = {code}"),
            // The whole order is in the index: no sort at all.
            order: "x.salience DESC, x.published DESC, x.story_id DESC",
        }),
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

/// The list filtered by one index alone: the country index, whose
/// `(country, salience DESC, published DESC, story_id DESC)` order is the
/// list's own order (rank, newest first), or the entity index of one person
/// or organisation, in salience order with ties sorted a group at a time.
/// Either way SQLite stops at the limit instead of ranking every story of
/// the filter; the other conditions are checked per row on the way.
fn ranked_sql(
    query: &ListQuery,
    tables: Vec<String>,
    ranked: Ranked,
    mut args: Vec<Value>,
    ordered: bool,
) -> (String, Vec<Value>) {
    let with = if tables.is_empty() {
        String::new()
    } else {
        format!("WITH {} ", tables.join(", "))
    };
    let (source, condition) = (ranked.source, &ranked.condition);
    let mut sql = if ordered {
        format!(
            "{with}SELECT s.id, s.title, {FEED_TITLE}, s.url, s.published, s.read, s.starred,
                    {RELATED_COLUMNS}
             FROM {source} x CROSS JOIN stories s ON s.id = x.story_id
                  CROSS JOIN feeds f ON f.id = s.feed_id
                  LEFT JOIN relate_stories rs ON rs.story_id = s.id
             WHERE {condition}"
        )
    } else {
        format!("{with}SELECT x.story_id AS id FROM {source} x WHERE {condition}")
    };
    sql.push_str(&flag_conditions("x.story_id", query));
    sql.push_str(&id_conditions("x.story_id", query, &mut args));
    if ordered {
        sql.push_str(&format!(" ORDER BY {}", ranked.order));
        if let Some(limit) = query.limit {
            sql.push_str(" LIMIT ?");
            args.push(Value::Integer(clamp(limit)));
        }
    }
    (sql, args)
}

/// The list with entity filters (`facets`, the person or organisation
/// first): the stories' ranks (the sum of their saliences) come from the
/// entity indexes alone. The first filter (usually the fewest stories)
/// yields the candidates; each other filter is a lookup of that story by
/// primary key, and every other condition an indexed `IN` set. Only the
/// stories that make the page are read. With a limit, the cut keeps every
/// story ranked at least as high as the page's last, so ties still go
/// newest first.
fn entity_sql(
    query: &ListQuery,
    facets: Vec<Facet>,
    mut args: Vec<Value>,
    ordered: bool,
) -> (String, Vec<Value>) {
    let others = facets.len() - 1;
    let mut sets: Vec<String> = Vec::new();
    let mut columns = String::from("m0.sid AS sid, m0.sal AS s0");
    let mut driver = String::new();
    for (i, facet) in facets.into_iter().enumerate() {
        sets.extend(facet.tables);
        if i == 0 {
            driver = facet.rows;
        } else {
            columns.push_str(&format!(", {} AS s{i}", facet.lookup));
        }
    }
    sets.push(format!("m0(sid, sal) AS ({driver})"));
    let mut candidates = format!("SELECT {columns} FROM m0 WHERE 1");
    candidates.push_str(&flag_conditions("m0.sid", query));
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

/// Returns the unread and starred conditions on the story id `id` (indexed
/// `IN` sets of the partial indexes), for lists that do not read `stories`
/// first.
fn flag_conditions(id: &str, query: &ListQuery) -> String {
    let mut sql = String::new();
    if query.unread_only {
        sql.push_str(&format!(
            " AND {id} IN (SELECT id FROM stories WHERE read = 0)"
        ));
    }
    if query.starred_only {
        sql.push_str(&format!(
            " AND {id} IN (SELECT id FROM stories WHERE starred = 1)"
        ));
    }
    sql
}

/// Returns the copy, feed and full-text conditions on the story id `id`,
/// each an indexed `IN` set, and pushes their arguments.
fn id_conditions(id: &str, query: &ListQuery, args: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    match (query.collapse_copies, query.feed) {
        (false, _) => {}
        // One row per copy group: the first copy stands for the others.
        (true, None) => sql.push_str(&format!(
            " AND {id} NOT IN (SELECT story_id FROM relate_stories WHERE duplicate_of IS NOT NULL)"
        )),
        // In one feed's list, only where the feed carries the first copy too:
        // a story the feed republished from another outlet is still its own.
        (true, Some(feed)) => {
            sql.push_str(&format!(
                " AND {id} NOT IN (SELECT rs.story_id FROM relate_stories rs
                     JOIN story_feeds sf ON sf.story_id = rs.duplicate_of
                     WHERE rs.duplicate_of IS NOT NULL AND sf.feed_id = ?)"
            ));
            args.push(Value::Integer(feed.0));
        }
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
