//! The published JSON Schema and the reader agree: on the sample file, and on a
//! set of documents that both must accept or both must refuse.

mod common;

use common::sample_text;
use serde_json::{json, Value};
use x1060_assess::model::exchange;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/x1060-assessment.schema.json"))
        .expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn base() -> Value {
    json!({"format": "x1060-assessment", "version": 1, "catalogue": "x1060-2021", "name": "T", "services": []})
}

fn with(path: &[&str], value: Value) -> Value {
    let mut doc = base();
    let mut at = &mut doc;
    for key in &path[..path.len() - 1] {
        at = &mut at[*key];
    }
    at[path[path.len() - 1]] = value;
    doc
}

#[track_caller]
fn agree(doc: &Value, valid: bool) {
    let schema_says = validator().is_valid(doc);
    let reader_says = exchange::read(doc.to_string().as_bytes()).is_ok();
    assert_eq!(schema_says, valid, "schema on {doc}");
    assert_eq!(reader_says, valid, "reader on {doc}");
}

#[test]
fn sample_file_is_valid_for_both() {
    let sample: Value = serde_json::from_str(&sample_text()).expect("sample");
    let errors: Vec<String> = validator().iter_errors(&sample).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    agree(&sample, true);
}

#[test]
fn documents_both_accept() {
    agree(&base(), true);
    agree(
        &with(
            &["services"],
            json!([{"id": "A-1", "level": "basic", "sourcing": "insource", "current": 1, "target": 5}]),
        ),
        true,
    );
    agree(
        &with(&["services"], json!([{"id": "A-1", "current": "n/a", "target": null, "level": null, "note": null}])),
        true,
    );
    agree(&with(&["organisation"], json!(null)), true);
    agree(&with(&["updated"], json!("2026-04-01T09:00:00.123+09:00")), true);
    agree(&with(&["extra"], json!({"anything": [1, 2]})), true);
    agree(&with(&["custom_services"], json!([{"id": "I-8", "category": "I", "name": {"ja": "追加"}}])), true);
    agree(&with(&["snapshots"], json!([{"label": "FY2025", "taken": "2025-04-01T09:00:00Z", "services": []}])), true);
    agree(
        &with(
            &["plan"],
            json!([{"id": "A-1", "action": "Write it down", "owner": "SOC", "due": "2026-09-30", "status": "done"}]),
        ),
        true,
    );
    agree(&with(&["plan"], json!([{"id": "A-1", "status": null, "due": null}])), true);
}

#[test]
fn documents_both_refuse() {
    agree(&with(&["format"], json!("soc-cmm")), false);
    agree(&with(&["version"], json!(2)), false);
    agree(&with(&["version"], json!("1")), false);
    agree(&with(&["catalogue"], json!("x1060-2099")), false);
    agree(&with(&["name"], json!(" ")), false);
    agree(&with(&["name"], json!("x".repeat(201))), false);
    agree(&with(&["services"], json!({})), false);
    agree(&with(&["services"], json!([{"level": "basic"}])), false);
    agree(&with(&["services"], json!([{"id": "A 1"}])), false);
    for score in [json!(0), json!(6), json!(2.5), json!("3"), json!("N/A"), json!(true)] {
        agree(&with(&["services"], json!([{"id": "A-1", "current": score}])), false);
    }
    agree(&with(&["services"], json!([{"id": "A-1", "level": "Basic"}])), false);
    agree(&with(&["services"], json!([{"id": "A-1", "sourcing": "external"}])), false);
    agree(&with(&["services"], json!([{"id": "A-1", "note": ["x"]}])), false);
    agree(&with(&["updated"], json!("yesterday")), false);
    agree(&with(&["custom_services"], json!([{"id": "I-8", "category": "J", "name": {"en": "x"}}])), false);
    agree(&with(&["custom_services"], json!([{"id": "I-8", "category": "I", "name": {"en": " "}}])), false);
    agree(&with(&["snapshots"], json!([{"label": "S", "services": []}])), false);
    agree(&with(&["plan"], json!([{"id": "A-1", "status": "doing"}])), false);
    agree(&with(&["plan"], json!([{"id": "A-1", "due": "30/09/2026"}])), false);
    agree(&with(&["plan"], json!([{"action": "no id"}])), false);
    let mut no_name = base();
    no_name.as_object_mut().expect("object").remove("name");
    agree(&no_name, false);
}

/// `quick` (the quick check): a document with this value of `quick`.
fn quick(value: Value) -> Value {
    with(&["quick"], value)
}

#[test]
fn quick_documents_both_accept() {
    agree(&quick(json!(null)), true);
    agree(&quick(json!({"categories": []})), true);
    agree(
        &quick(json!({
            "taken": "2026-12-01T10:00:00Z",
            "categories": [
                {"id": "A", "sourcing": "insource", "current": 2, "target": 4},
                {"id": "H", "current": "n/a", "target": "n/a"}
            ]
        })),
        true,
    );
    agree(&quick(json!({"taken": null, "categories": [{"id": "I"}], "later": [1]})), true);
    agree(
        &quick(json!({"categories": [{"id": "B", "sourcing": null, "current": null, "target": 5, "extra": true}]})),
        true,
    );
    let every: Vec<Value> = ["A", "B", "C", "D", "E", "F", "G", "H", "I"]
        .iter()
        .map(|id| json!({"id": id, "current": 1, "target": 5}))
        .collect();
    agree(&quick(json!({"categories": every})), true);
}

#[test]
fn quick_documents_both_refuse() {
    agree(&quick(json!([])), false);
    agree(&quick(json!("A")), false);
    agree(&quick(json!({})), false);
    agree(&quick(json!({"categories": null})), false);
    agree(&quick(json!({"categories": {"A": {}}})), false);
    agree(&quick(json!({"categories": ["A"]})), false);
    agree(&quick(json!({"categories": [{"current": 1}]})), false);
    agree(&quick(json!({"categories": [{"id": "J"}]})), false);
    agree(&quick(json!({"categories": [{"id": "A-1"}]})), false);
    agree(&quick(json!({"categories": [{"id": "a"}]})), false);
    agree(&quick(json!({"categories": [{"id": 1}]})), false);
    agree(&quick(json!({"categories": [{"id": "A", "current": 1}, {"id": "A", "target": 2}]})), false);
    agree(&quick(json!({"categories": [{"id": "A"}, {"id": "B"}, {"id": "A"}]})), false);
    for score in [json!(0), json!(6), json!(2.5), json!("3"), json!("N/A"), json!(true)] {
        agree(&quick(json!({"categories": [{"id": "A", "current": score}]})), false);
        agree(&quick(json!({"categories": [{"id": "A", "target": score}]})), false);
    }
    agree(&quick(json!({"categories": [{"id": "A", "sourcing": "external"}]})), false);
    agree(&quick(json!({"taken": "yesterday", "categories": []})), false);
    agree(&quick(json!({"taken": 1, "categories": []})), false);
}

/// `workshop` (the round an assessment belongs to): a document with this value.
fn workshop(value: Value) -> Value {
    with(&["workshop"], value)
}

#[test]
fn workshop_documents_both_accept() {
    agree(&workshop(json!(null)), true);
    agree(&workshop(json!({"round": "FY26 round 1"})), true);
    agree(&workshop(json!({"round": "R1", "started": "2026-12-01T10:00:00Z", "assessor": "Ann", "later": 1})), true);
    agree(&workshop(json!({"round": "R1", "assessor": null, "started": null, "assessors": null})), true);
    agree(&workshop(json!({"round": "R1", "assessor": "", "assessors": ["Ann", "Bo", ""]})), true);
}

#[test]
fn workshop_documents_both_refuse() {
    agree(&workshop(json!([])), false);
    agree(&workshop(json!("R1")), false);
    agree(&workshop(json!({})), false);
    agree(&workshop(json!({"round": ""})), false);
    agree(&workshop(json!({"round": "  "})), false);
    agree(&workshop(json!({"round": 1})), false);
    agree(&workshop(json!({"round": "x".repeat(201)})), false);
    agree(&workshop(json!({"round": "R1", "started": "yesterday"})), false);
    agree(&workshop(json!({"round": "R1", "assessor": 7})), false);
    agree(&workshop(json!({"round": "R1", "assessor": "y".repeat(201)})), false);
    agree(&workshop(json!({"round": "R1", "assessors": "Ann"})), false);
    agree(&workshop(json!({"round": "R1", "assessors": ["Ann", 2]})), false);
    agree(&workshop(json!({"round": "R1", "assessors": ["z".repeat(201)]})), false);
}

#[test]
fn expected_scores_and_snapshot_plans_agree() {
    let item = |expected: Value| json!([{"id": "A-1", "action": "a", "expected": expected}]);
    for (expected, valid) in
        [(json!(1), true), (json!(5), true), (Value::Null, true), (json!(0), false), (json!(6), false)]
    {
        agree(&with(&["plan"], item(expected.clone())), valid);
    }
    agree(&with(&["plan"], item(json!("n/a"))), false);
    agree(&with(&["plan"], item(json!(2.5))), false);
    let snapshot = |plan: Value| json!([{"label": "s", "taken": "2027-01-01T00:00:00Z", "services": [], "plan": plan}]);
    agree(&with(&["snapshots"], snapshot(item(json!(3)))), true);
    agree(&with(&["snapshots"], snapshot(json!([]))), true);
    agree(&with(&["snapshots"], snapshot(Value::Null)), true);
    agree(&with(&["snapshots"], snapshot(item(json!(9)))), false);
    agree(&with(&["snapshots"], snapshot(json!("soon"))), false);
}

#[test]
fn evidence_items_agree() {
    let digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    let service = |evidence: Value| with(&["services"], json!([{"id": "D-1", "current": 3, "evidence": evidence}]));
    let full = json!({"title": "Runbook", "location": "https://intranet.example/rb.pdf", "owner": "CSIRT lead",
        "reviewed": "2026-10-01", "review_by": "2027-04-01", "sha256": digest});
    agree(&service(json!([full])), true);
    agree(&service(json!([{"title": "t", "location": null, "owner": null, "reviewed": null, "sha256": null}])), true);
    agree(&service(json!([])), true);
    agree(&service(Value::Null), true);
    agree(&service(json!([{"title": "t", "location": "l".repeat(2000)}])), true);
    let many: Vec<Value> = (0..100).map(|i| json!({"title": format!("item {i}")})).collect();
    agree(&service(Value::Array(many.clone())), true);

    agree(&service(json!([{"location": "x"}])), false);
    agree(&service(json!([{"title": " "}])), false);
    agree(&service(json!([{"title": "t".repeat(201)}])), false);
    agree(&service(json!([{"title": "t", "location": "l".repeat(2001)}])), false);
    agree(&service(json!([{"title": "t", "owner": "o".repeat(201)}])), false);
    agree(&service(json!([{"title": "t", "sha256": digest.to_uppercase()}])), false);
    agree(&service(json!([{"title": "t", "sha256": &digest[1..]}])), false);
    agree(&service(json!([{"title": "t", "sha256": format!("{digest}\n")}])), false);
    agree(&service(json!([{"title": "t", "review_by": "2027-4-1"}])), false);
    agree(&service(json!([{"title": "t", "reviewed": 20261001}])), false);
    agree(&service(json!(["t"])), false);
    agree(&service(json!({"title": "t"})), false);
    let mut over = many;
    over.push(json!({"title": "one more"}));
    agree(&service(Value::Array(over)), false);
    // In a snapshot too.
    let snapshot = json!([{"label": "s", "taken": "2027-01-01T00:00:00Z",
        "services": [{"id": "D-1", "evidence": [{"title": "t", "sha256": "abc"}]}]}]);
    agree(&with(&["snapshots"], snapshot), false);
}
