//! The analysis end to end on the demo stories, through the binary:
//! `byline show --json` against `tests/fixtures/demo_expected.toml`.

use std::collections::{BTreeSet, HashMap};

mod support;

use serde_json::Value;

fn byline(data: &std::path::Path, args: &[&str]) -> Value {
    serde_json::from_slice(&support::home::run_on_data(data, args)).unwrap_or(Value::Null)
}

/// Returns each demo story's `show --json` object with its expected truth.
fn demo_stories() -> Vec<(Value, toml::Value)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    byline(&data, &[]); // the first run loads the demo set
    let list = byline(&data, &["list", "--json"]);
    let ids: HashMap<String, i64> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|s| {
            (
                s["url"].as_str().expect("url").to_owned(),
                s["id"].as_i64().expect("id"),
            )
        })
        .collect();
    let expected: toml::Value =
        toml::from_str(include_str!("fixtures/demo_expected.toml")).expect("expected file parses");
    expected["story"]
        .as_array()
        .expect("stories")
        .iter()
        .map(|truth| {
            let url = truth["url"].as_str().expect("url");
            let id = ids[url].to_string();
            (byline(&data, &["show", &id, "--json"]), truth.clone())
        })
        .collect()
}

fn codes(list: Option<&toml::Value>) -> BTreeSet<String> {
    list.and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn demo_stories_name_their_countries_and_not_the_traps() {
    let (mut found, mut expected_total, mut predicted_total, mut right) = (0, 0, 0, 0);
    for (story, truth) in demo_stories() {
        let predicted: BTreeSet<String> = story["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .filter(|e| e["kind"] == "country")
            .filter_map(|e| e["country"].as_str().map(str::to_owned))
            .collect();
        let expected = codes(truth.get("countries"));
        let optional = codes(truth.get("countries_optional"));
        for trap in codes(truth.get("not_countries")) {
            assert!(
                !predicted.contains(&trap),
                "{}: {trap} is a trap, not a country",
                truth["url"]
            );
        }
        found += expected.intersection(&predicted).count();
        expected_total += expected.len();
        predicted_total += predicted.difference(&optional).count();
        right += predicted.intersection(&expected).count();
        // Every mention's text is exactly what `text` holds at its offsets.
        let text: Vec<char> = story["text"].as_str().expect("text").chars().collect();
        for entity in story["entities"].as_array().expect("entities") {
            for m in entity["mentions"].as_array().expect("mentions") {
                let (s, e) = (
                    m["start"].as_u64().expect("start") as usize,
                    m["end"].as_u64().expect("end") as usize,
                );
                let at: String = text[s..e].iter().collect();
                assert_eq!(at, m["text"].as_str().expect("mention text"));
            }
        }
    }
    let recall = found as f64 / expected_total as f64;
    let precision = right as f64 / predicted_total.max(1) as f64;
    assert!(
        recall >= 0.9,
        "country recall {recall:.3} ({found}/{expected_total})"
    );
    assert!(
        precision >= 0.9,
        "country precision {precision:.3} ({right}/{predicted_total})"
    );
}

#[test]
fn demo_stories_quotes_are_found_with_their_speakers() {
    let (mut expected_total, mut found, mut speaker_right) = (0, 0, 0);
    for (story, truth) in demo_stories() {
        let quotes = story["quotes"].as_array().expect("quotes");
        let text: Vec<char> = story["text"].as_str().expect("text").chars().collect();
        for q in quotes {
            let (s, e) = (
                q["start"].as_u64().expect("start") as usize,
                q["end"].as_u64().expect("end") as usize,
            );
            assert!(s <= e && e <= text.len(), "quote offsets inside the text");
        }
        for want in truth["quotes"].as_array().into_iter().flatten() {
            expected_total += 1;
            let starts = want["starts"].as_str().expect("starts");
            let Some(got) = quotes.iter().find(|q| {
                q["text"]
                    .as_str()
                    .is_some_and(|t| t.trim_start().starts_with(starts))
            }) else {
                continue;
            };
            found += 1;
            let speaker = got["speaker"].as_str();
            if speaker == want.get("speaker").and_then(toml::Value::as_str) {
                speaker_right += 1;
            }
        }
    }
    let recall = found as f64 / expected_total as f64;
    let speakers = speaker_right as f64 / found.max(1) as f64;
    eprintln!("demo quotes: found {found}/{expected_total}, speaker right {speaker_right}/{found}");
    assert!(
        recall >= 0.9,
        "quotes found {recall:.3} ({found}/{expected_total})"
    );
    assert!(
        speakers >= 0.84,
        "speakers right {speakers:.3} ({speaker_right}/{found})"
    );
}

/// Returns the canonical names of the entities of `kind` in a story.
fn names_of(story: &Value, kind: &str) -> BTreeSet<String> {
    story["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter(|e| e["kind"] == kind)
        .filter_map(|e| e["name"].as_str().map(str::to_owned))
        .collect()
}

/// Recall and precision of predicted names against the truth, over all stories.
fn score(kind: &str, field: &str) -> (f64, f64, String) {
    let (mut found, mut expected_total, mut predicted_total, mut report) = (0, 0, 0, String::new());
    for (story, truth) in demo_stories() {
        let predicted = names_of(&story, kind);
        let expected = codes(truth.get(field));
        found += expected.intersection(&predicted).count();
        expected_total += expected.len();
        predicted_total += predicted.len();
        for miss in expected.difference(&predicted) {
            report.push_str(&format!("missed {miss}; "));
        }
        for extra in predicted.difference(&expected) {
            report.push_str(&format!("extra {extra}; "));
        }
    }
    let recall = found as f64 / expected_total.max(1) as f64;
    let precision = found as f64 / predicted_total.max(1) as f64;
    eprintln!("demo {kind}: recall {recall:.3}, precision {precision:.3}: {report}");
    (recall, precision, report)
}

#[test]
fn demo_stories_name_their_people_by_their_fullest_form() {
    let (recall, precision, report) = score("person", "persons");
    assert!(recall >= 0.9, "person recall {recall:.3}: {report}");
    assert!(
        precision >= 0.8,
        "person precision {precision:.3}: {report}"
    );
}

#[test]
fn demo_stories_name_their_organisations() {
    let (recall, precision, report) = score("org", "orgs");
    assert!(recall >= 0.6, "org recall {recall:.3}: {report}");
    assert!(precision >= 0.5, "org precision {precision:.3}: {report}");
}
