//! The fuzzing corpus as regression tests (see fuzz/README.md).
//!
//! `tests/fuzz-corpus/` holds hand-written hostile files (backups among them), the minimised inputs the
//! fuzzer (cargo-fuzz, targets `import` and `import_json_value`) kept, and any crash
//! reproducers. Every file must be read without a panic, and every file that is read
//! must survive `write` then `read` unchanged. The hostile seeds are also asserted one
//! by one: refused with the right kind of error and place, or accepted with the text
//! kept verbatim (markup, bidi and control characters are data; the UI shows them as
//! text).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use x1060_assess::model::exchange::{
    self, BackupContents, Document, Expected, ImportError, JsonKind, Layout, ProblemKind,
};
use x1060_assess::model::share::{self, ShareError};
use x1060_assess::model::{Assessment, Lang, Level, Rating, Score, Sourcing, Timestamp};

fn corpus_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-corpus"))
}

fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/fuzz-corpus exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(corpus_dir().join(name)).unwrap_or_else(|e| panic!("seed {name}: {e}"))
}

#[track_caller]
fn ok(name: &str) -> Assessment {
    match exchange::read(&seed(name)) {
        Ok(a) => a,
        Err(e) => panic!("{name}: expected to be read, got:\n{e}"),
    }
}

#[track_caller]
fn err(name: &str) -> ImportError {
    match exchange::read(&seed(name)) {
        Ok(_) => panic!("{name}: expected an error"),
        Err(e) => e,
    }
}

/// The (path, service, kind) of each content problem; panics on any other error.
#[track_caller]
fn problems(name: &str) -> Vec<(String, Option<String>, ProblemKind)> {
    match err(name) {
        ImportError::Invalid { problems, more: 0 } => {
            problems.into_iter().map(|p| (p.path, p.service, p.kind)).collect()
        }
        other => panic!("{name}: expected content problems, got {other:?}"),
    }
}

/// The single content problem of a seed.
#[track_caller]
fn problem(name: &str) -> (String, ProblemKind) {
    let mut all = problems(name);
    assert_eq!(all.len(), 1, "{name}: expected one problem, got {all:?}");
    let (path, _, kind) = all.remove(0);
    (path, kind)
}

#[track_caller]
fn syntax(name: &str) -> (usize, usize, String) {
    match err(name) {
        ImportError::Syntax { line, column, detail } => (line, column, detail),
        other => panic!("{name}: expected a syntax error, got {other:?}"),
    }
}

#[track_caller]
fn round_trips(a: &Assessment, what: &str) {
    for layout in [Layout::Pretty, Layout::Compact] {
        let text = exchange::write(a, layout);
        match exchange::read(text.as_bytes()) {
            Ok(back) => assert_eq!(&back, a, "{what}: {layout:?} round trip changed the assessment"),
            Err(e) => panic!("{what}: {layout:?} round trip refused its own file: {e}\n{text}"),
        }
    }
}

// ---------------------------------------------------------------------------------
// The whole corpus.

#[test]
fn corpus_never_panics_and_accepted_files_round_trip() {
    let files = corpus_files();
    assert!(files.len() >= 80, "the corpus is missing: {} files", files.len());
    let mut failures = Vec::new();
    let (mut accepted, mut refused) = (0, 0);
    for path in &files {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).expect("read corpus file");
        let outcome = catch_unwind(AssertUnwindSafe(|| match exchange::read(&bytes) {
            Ok(a) => {
                round_trips(&a, &name);
                true
            }
            Err(e) => {
                // The same checks as the fuzz oracle (fuzz/src/lib.rs): every message
                // can be built in both languages, and says where.
                for lang in [Lang::En, Lang::Ja] {
                    assert!(!e.message(lang).trim().is_empty());
                }
                match &e {
                    ImportError::Syntax { line, .. } | ImportError::TooDeep { line, .. } => assert!(*line >= 1),
                    ImportError::Invalid { problems, more } => {
                        assert!(!problems.is_empty() && problems.len() <= exchange::MAX_PROBLEMS);
                        assert!(*more == 0 || problems.len() == exchange::MAX_PROBLEMS);
                    }
                    _ => {}
                }
                false
            }
        }));
        // `read_any` (assessment or backup) agrees with `read` on everything else.
        let any = catch_unwind(AssertUnwindSafe(|| check_read_any(&bytes, &name)));
        match (outcome, any) {
            (Ok(true), Ok(())) => accepted += 1,
            (Ok(false), Ok(())) => refused += 1,
            _ => failures.push(name),
        }
    }
    assert!(failures.is_empty(), "panicked on: {failures:?}");
    assert!(accepted > 10 && refused > 50, "accepted {accepted}, refused {refused}");
}

fn check_read_any(bytes: &[u8], name: &str) {
    let single = exchange::read(bytes);
    match exchange::read_any(bytes) {
        Ok(Document::Assessment(a)) => assert_eq!(Ok(&*a), single.as_ref(), "{name}: read_any and read disagree"),
        Ok(Document::Backup(contents)) => {
            assert!(!contents.members.is_empty() || contents.damaged.is_empty(), "{name}: nothing offered");
            let refs: Vec<&Assessment> = contents.members.iter().collect();
            let created = Timestamp::parse("2026-11-26T00:00:00Z").expect("timestamp");
            let text = exchange::write_backup(&refs, &created);
            let whole = BackupContents { members: contents.members, damaged: Vec::new() };
            assert_eq!(exchange::read_any(text.as_bytes()), Ok(Document::Backup(whole)), "{name}: backup round trip");
        }
        Err(e) => {
            assert!(!e.message(Lang::En).trim().is_empty());
            assert!(single.is_err(), "{name}: read accepted what read_any refused: {e:?}");
        }
    }
}

/// A share link is the same document compressed: it reads exactly as the file does
/// (fuzz target `share_link` checks the same on arbitrary input).
#[test]
fn corpus_files_in_share_links_read_as_the_files_do() {
    let mut compared = 0;
    for path in corpus_files() {
        let bytes = std::fs::read(&path).expect("read corpus file");
        let link = format!("share=v1.{}", share::base64url(&miniz_oxide::deflate::compress_to_vec_zlib(&bytes, 6)));
        match share::decode(&link) {
            Err(ShareError::TooLong { .. }) => continue,
            decoded => assert_eq!(decoded, exchange::read(&bytes).map_err(ShareError::Invalid), "{}", path.display()),
        }
        compared += 1;
    }
    assert!(compared > 150, "only {compared} corpus files fit in a link");
}

#[test]
fn corpus_stays_small() {
    let files = corpus_files();
    let bytes: u64 = files.iter().map(|p| p.metadata().expect("metadata").len()).sum();
    assert!(files.len() <= 200, "{} files in tests/fuzz-corpus: keep it under 200", files.len());
    assert!(bytes <= 2 * 1024 * 1024, "{bytes} bytes in tests/fuzz-corpus: keep it under 2 MiB");
}

// ---------------------------------------------------------------------------------
// Size, encoding and emptiness.

#[test]
fn files_over_the_size_limit_are_refused_before_parsing() {
    let mut big = vec![b' '; exchange::MAX_BYTES + 1];
    big[0] = b'{';
    assert_eq!(exchange::read(&big), Err(ImportError::TooLarge { bytes: exchange::MAX_BYTES + 1 }));
    // Exactly at the limit is still read: a valid document padded with spaces.
    let doc = seed("bom-valid.json");
    let mut at_limit = doc.clone();
    at_limit.resize(exchange::MAX_BYTES, b' ');
    assert_eq!(exchange::read(&at_limit), exchange::read(&doc));
    assert!(exchange::read(&at_limit).is_ok());
}

#[test]
fn binary_and_other_encodings_are_not_utf8_with_offset() {
    assert_eq!(err("binary-png-header.bin"), ImportError::NotUtf8 { offset: 0 });
    assert_eq!(err("utf16le-bom.json"), ImportError::NotUtf8 { offset: 0 });
    // "café" in Latin-1: the é byte, at its offset in the file.
    let latin1 = seed("latin1-name.json");
    let at = latin1.iter().position(|b| *b == 0xE9).expect("é byte");
    assert_eq!(err("latin1-name.json"), ImportError::NotUtf8 { offset: at });
}

#[test]
fn empty_whitespace_and_bom_only_files_are_empty() {
    for name in ["empty.json", "whitespace-only.json", "bom-only.json"] {
        assert_eq!(err(name), ImportError::Empty, "{name}");
    }
}

#[test]
fn bom_and_crlf_are_accepted() {
    assert_eq!(ok("bom-valid.json").name, "Test");
    let a = ok("crlf-valid.json");
    assert_eq!(a.service("A-1").level, Some(Level::Basic));
    // A second BOM is a U+FEFF character before the document: not JSON.
    assert_eq!(syntax("bom-twice.json"), (1, 1, "expected value".to_owned()));
    // Lines are counted across CRLF endings.
    assert_eq!(syntax("crlf-syntax-error.json"), (3, 11, "expected `:`".to_owned()));
}

#[test]
fn nul_bytes_and_raw_control_characters_are_syntax_errors() {
    assert_eq!(syntax("nul-bytes.bin"), (1, 1, "expected value".to_owned()));
    assert_eq!(syntax("nul-after-document.json").2, "trailing characters");
    let (line, _, detail) = syntax("raw-control-char-in-string.json");
    assert_eq!(line, 1);
    assert!(detail.starts_with("control character"), "{detail}");
    // Escaped, a NUL is text like any other.
    assert_eq!(ok("nul-escaped-in-name.json").name, "a\u{0}b");
}

// ---------------------------------------------------------------------------------
// Syntax, other formats, structure.

#[test]
fn other_formats_and_broken_json_say_line_and_column() {
    for name in ["csv-file.json", "html-file.json", "comments.json"] {
        assert_eq!(syntax(name), (1, 1, "expected value".to_owned()), "{name}");
    }
    assert_eq!(syntax("single-quotes.json"), (1, 2, "key must be a string".to_owned()));
    assert_eq!(syntax("trailing-comma.json"), (1, 13, "trailing comma".to_owned()));
    assert_eq!(syntax("trailing-garbage.json").2, "trailing characters");
    assert_eq!(syntax("e2e-broken-syntax.json"), (6, 3, "expected `,` or `}`".to_owned()));
    let (line, _, detail) = syntax("truncated-sample.json");
    assert!(line > 100, "the truncated sample fails near its end, not at line {line}");
    assert!(detail.starts_with("EOF while parsing"), "{detail}");
}

#[test]
fn another_json_format_is_refused_at_its_header() {
    assert_eq!(
        problem("other-format.json"),
        ("format".to_owned(), ProblemKind::NotThisFormat { found: "\"soc-cmm\"".to_owned() })
    );
    assert_eq!(problem("json-schema-file.json"), ("format".to_owned(), ProblemKind::Missing));
    for (name, found) in [
        ("root-array.json", JsonKind::Array),
        ("root-string.json", JsonKind::String),
        ("root-null.json", JsonKind::Null),
    ] {
        assert_eq!(
            problem(name),
            (String::new(), ProblemKind::WrongType { expected: Expected::Object, found }),
            "{name}"
        );
    }
    assert_eq!(
        problem("unknown-catalogue.json"),
        ("catalogue".to_owned(), ProblemKind::UnknownCatalogue { found: "\"x1060-2099\"".to_owned() })
    );
}

#[test]
fn deep_nesting_is_refused_with_a_place() {
    assert_eq!(err("deep-arrays-200.json"), ImportError::TooDeep { line: 1, column: 128 });
    assert_eq!(err("deep-arrays-closed-200.json"), ImportError::TooDeep { line: 1, column: 128 });
    assert!(matches!(err("deep-objects-200.json"), ImportError::TooDeep { line: 1, .. }));
    assert!(matches!(err("deep-in-note-130.json"), ImportError::TooDeep { line: 1, .. }));
    // Below the limit, in a field the reader does not know, nesting is ignored.
    assert_eq!(ok("deep-in-unknown-field-100.json").name, "Test");
}

// ---------------------------------------------------------------------------------
// Versions and scores: every odd number is refused at its field.

#[test]
fn odd_versions_are_refused_at_version() {
    let bad = |found: &str| ProblemKind::BadVersion { found: found.to_owned(), oldest: 1 };
    let cases = [
        ("version-zero.json", bad("0")),
        ("version-neg-1.json", bad("-1")),
        ("version-neg-zero.json", bad("-0.0")),
        ("version-1.0.json", bad("1.0")),
        ("version-1e0.json", bad("1.0")),
        ("version-3.0.json", bad("3.0")),
        ("version-2pow64.json", bad("1.8446744073709552e+19")),
        ("version-u64max.json", ProblemKind::NewerVersion { found: "18446744073709551615".to_owned() }),
        ("newer-version-2.json", ProblemKind::NewerVersion { found: "2".to_owned() }),
        ("e2e-newer-version.json", ProblemKind::NewerVersion { found: "7".to_owned() }),
    ];
    for (name, kind) in cases {
        assert_eq!(problem(name), ("version".to_owned(), kind), "{name}");
    }
    assert_eq!(syntax("version-1e309.json").2, "number out of range");
}

#[test]
fn odd_scores_are_refused_at_their_field() {
    let cases = [
        ("score-zero.json", "0"),
        ("score-six.json", "6"),
        ("score-neg-zero.json", "-0.0"),
        ("score-3.0.json", "3.0"),
        ("score-5e0.json", "5.0"),
        ("score-2pow64.json", "1.8446744073709552e+19"),
        ("score-neg-2pow63.json", "-9223372036854775808"),
        ("score-string-3.json", "\"3\""),
        ("score-NA-upper.json", "\"N/A\""),
        ("score-true.json", "true"),
        ("score-array.json", "[…]"),
    ];
    for (name, found) in cases {
        let all = problems(name);
        assert_eq!(
            all,
            vec![(
                "services[0].current".to_owned(),
                Some("A-1".to_owned()),
                ProblemKind::BadScore { found: found.to_owned() }
            )],
            "{name}"
        );
    }
    assert_eq!(syntax("score-1e309.json").2, "number out of range");
}

// ---------------------------------------------------------------------------------
// Strings: escapes, and text kept verbatim.

#[test]
fn lone_surrogates_and_bad_escapes_are_syntax_errors() {
    assert_eq!(syntax("lone-surrogate-high.json").2, "unexpected end of hex escape");
    assert_eq!(syntax("lone-surrogate-low.json").2, "lone leading surrogate in hex escape");
    assert_eq!(syntax("bad-escape.json").2, "invalid escape");
    assert_eq!(ok("surrogate-pair-ok.json").name, "😀");
}

/// Every text field of the `*-in-every-text-field.json` seeds holds the same string.
#[track_caller]
fn every_text_field_is(a: &Assessment, text: &str) {
    assert_eq!(a.name, text);
    assert_eq!(a.organisation, text);
    let s = a.service("A-1");
    assert_eq!((s.provider.as_str(), s.note.as_str()), (text, text));
    assert_eq!((s.level, s.sourcing), (Some(Level::Basic), Some(Sourcing::Outsource)));
    assert_eq!((s.current, s.target), (Rating::new(2).map(Score::Rated), Rating::new(4).map(Score::Rated)));
    assert_eq!(a.service("I-8").note, text);
    assert_eq!(a.custom_services.len(), 1);
    assert_eq!((a.custom_services[0].name.ja.as_str(), a.custom_services[0].name.en.as_str()), (text, text));
    assert_eq!(a.snapshots.len(), 1);
    assert_eq!(a.snapshots[0].label, text);
    let snap = a.snapshots[0].services.get("A-1").expect("snapshot entry");
    assert_eq!((snap.provider.as_str(), snap.note.as_str()), (text, text));
    let plan = a.plan.get("A-1").expect("plan item");
    assert_eq!((plan.action.as_str(), plan.owner.as_str()), (text, text));
}

#[test]
fn markup_in_every_text_field_is_kept_verbatim() {
    let text = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let a = ok("script-in-every-text-field.json");
    every_text_field_is(&a, text);
    round_trips(&a, "script");
    let hostile = ok("e2e-hostile-text.json");
    assert!(hostile.name.contains("<script>window.pwned=1</script>"));
    assert_eq!(hostile.service("A-1").note, "<script>window.pwned=2</script>");
}

#[test]
fn bidi_marks_in_every_text_field_are_kept_verbatim() {
    let text = "\u{202e}evil\u{202c} \u{200f}\u{2066}x\u{2069}";
    let a = ok("rtl-marks-in-every-text-field.json");
    every_text_field_is(&a, text);
    round_trips(&a, "rtl");
    assert!(ok("e2e-hostile-text.json").organisation.starts_with('\u{202e}'));
}

#[test]
fn control_characters_in_every_text_field_are_kept_verbatim_and_written_escaped() {
    let text = "a\u{0}b\u{7}c\u{1b}[31md\u{7f}\u{85}\u{2028}\u{2029}e\tf\r\ng";
    let a = ok("control-chars-in-every-text-field.json");
    every_text_field_is(&a, text);
    round_trips(&a, "control");
    // The written file is still plain JSON text: C0 controls only as escapes.
    let compact = exchange::write(&a, Layout::Compact);
    assert!(!compact.chars().any(|c| c < ' '), "raw control character in {compact}");
}

#[test]
fn markup_in_code_fields_is_refused_at_each_field() {
    assert_eq!(
        problem("script-in-every-code-field.json"),
        ("catalogue".to_owned(), ProblemKind::UnknownCatalogue { found: "\"<script>\"".to_owned() })
    );
    let paths: Vec<String> = problems("script-in-id-level-sourcing.json").into_iter().map(|(p, _, _)| p).collect();
    assert_eq!(
        paths,
        [
            "created",
            "custom_services[0].category",
            "services[0].id",
            "services[1].level",
            "services[1].sourcing",
            "services[1].current",
            "plan[0].due",
            "plan[0].status",
        ]
    );
}

#[test]
fn long_text_is_refused_by_characters_not_bytes() {
    assert_eq!(
        problem("huge-name-256kib.json"),
        ("name".to_owned(), ProblemKind::TooLong { len: 1 << 18, max: Assessment::MAX_NAME_CHARS })
    );
    assert_eq!(
        problem("note-10001-chars.json"),
        ("services[0].note".to_owned(), ProblemKind::TooLong { len: 10_001, max: Assessment::MAX_NOTE_CHARS })
    );
    assert_eq!(ok("note-10000-chars.json").service("A-1").note.chars().count(), 10_000);
    assert_eq!(ok("name-200-astral.json").name.chars().count(), 200);
    assert_eq!(
        problem("services-10001-entries.json"),
        ("services".to_owned(), ProblemKind::TooMany { len: 10_001, max: exchange::MAX_ENTRIES })
    );
}

// ---------------------------------------------------------------------------------
// Ids, keys, types.

#[test]
fn duplicate_and_unknown_ids_are_refused_with_both_places() {
    assert_eq!(
        problem("duplicate-service-id.json"),
        (
            "services[1].id".to_owned(),
            ProblemKind::DuplicateService { id: "\"A-1\"".to_owned(), first: "services[0]".to_owned() }
        )
    );
    assert_eq!(
        problem("duplicate-plan-id.json"),
        (
            "plan[1].id".to_owned(),
            ProblemKind::DuplicateService { id: "\"A-1\"".to_owned(), first: "plan[0]".to_owned() }
        )
    );
    assert_eq!(
        problem("duplicate-custom-id.json"),
        ("custom_services[1].id".to_owned(), ProblemKind::IdTaken { id: "\"I-8\"".to_owned() })
    );
    assert_eq!(
        problem("custom-id-clash-builtin.json"),
        ("custom_services[0].id".to_owned(), ProblemKind::IdTaken { id: "\"A-1\"".to_owned() })
    );
    assert_eq!(
        problem("unknown-service-id.json"),
        (
            "services[1].id".to_owned(),
            ProblemKind::UnknownService { id: "\"Z-9\"".to_owned(), catalogue: "x1060-2021".to_owned() }
        )
    );
    assert_eq!(
        problem("id-fullwidth.json"),
        ("services[0].id".to_owned(), ProblemKind::BadId { found: "\"Ａ-1\"".to_owned() })
    );
    assert_eq!(
        problem("id-too-long.json"),
        ("services[0].id".to_owned(), ProblemKind::BadId { found: "\"A-12345678901234567\"".to_owned() })
    );
    let bad = problems("e2e-bad-content.json");
    assert_eq!(bad.iter().map(|(p, _, _)| p.as_str()).collect::<Vec<_>>(), ["services[0].id", "services[1].current"]);
}

/// The quick check (`quick`): an unknown category and a category given twice are
/// refused at the entry's id; a valid one is read with its blank entry dropped.
#[test]
fn quick_check_categories_are_checked() {
    assert_eq!(
        problem("quick-unknown-category.json"),
        ("quick.categories[1].id".to_owned(), ProblemKind::UnknownCategory { found: "\"J\"".to_owned() })
    );
    assert_eq!(
        problem("quick-duplicate-category.json"),
        (
            "quick.categories[2].id".to_owned(),
            ProblemKind::DuplicateCategory { id: "\"H\"".to_owned(), first: "quick.categories[0]".to_owned() }
        )
    );
    let quick = ok("quick-valid.json").quick.expect("quick check");
    assert_eq!(quick.taken.as_ref().map(Timestamp::as_str), Some("2026-12-01T10:00:00+09:00"));
    assert_eq!(quick.categories.keys().map(|c| c.as_str()).collect::<Vec<_>>(), ["A", "H", "I"]);
    assert_eq!(quick.estimate("H").current, Some(Score::NotApplicable));
    assert_eq!(quick.estimate("I").sourcing, Some(Sourcing::Outsource));
    assert_eq!(quick.overall().0.display().as_deref(), Some("2.00"));
}

/// A JSON object with a repeated key is refused (serde_json and the browser's
/// JSON.parse would keep the last value silently): the problem is at the key's path
/// and says where the second one starts. tests/duplicate_keys.rs has the messages.
#[test]
fn duplicate_json_keys_are_refused_at_their_path() {
    let dup = |line, column| ProblemKind::DuplicateKey { line, column };
    assert_eq!(problem("duplicate-keys-name.json"), ("name".to_owned(), dup(1, 96)));
    assert_eq!(problem("duplicate-keys-version.json"), ("version".to_owned(), dup(1, 92)));
    assert_eq!(problem("duplicate-keys-services.json"), ("services".to_owned(), dup(1, 95)));
    assert_eq!(problem("duplicate-keys-in-service.json"), ("services[0].level".to_owned(), dup(1, 121)));
    assert_eq!(problem("duplicate-keys-in-custom-name.json"), ("custom_services[0].name.en".to_owned(), dup(1, 167)));
    assert_eq!(problem("duplicate-keys-in-snapshot.json"), ("snapshots[1].services[0].note".to_owned(), dup(1, 246)));
    assert_eq!(problem("duplicate-keys-in-plan.json"), ("plan[0].status".to_owned(), dup(1, 144)));
    assert_eq!(
        problem("duplicate-keys-escaped-multiline.json"),
        ("services[0].x[\"é \\\"q\\\"\"]".to_owned(), dup(7, 44))
    );
    // In a backup, the member with the repeated key is damaged and the others are
    // offered (issue 20, finding 1.9); the key's place is in the whole file.
    let Ok(Document::Backup(contents)) = exchange::read_any(&seed("backup-duplicate-keys-in-member.json")) else {
        panic!("backup-duplicate-keys-in-member.json")
    };
    assert_eq!(contents.members.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["one"]);
    assert_eq!(contents.damaged.len(), 1);
    assert_eq!(contents.damaged[0].position, 2);
    let ImportError::Invalid { problems, .. } = &contents.damaged[0].error else { panic!("{:?}", contents.damaged) };
    assert_eq!(problems[0].path, "name");
    assert_eq!(problems[0].kind, dup(1, 226));
}

#[test]
fn wrong_types_name_their_fields() {
    let wrong = |expected, found| ProblemKind::WrongType { expected, found };
    let all: Vec<(String, ProblemKind)> = problems("wrong-types.json").into_iter().map(|(p, _, k)| (p, k)).collect();
    assert_eq!(
        all,
        vec![
            ("name".to_owned(), wrong(Expected::String, JsonKind::Number)),
            ("organisation".to_owned(), wrong(Expected::String, JsonKind::Array)),
            ("created".to_owned(), wrong(Expected::String, JsonKind::Number)),
            ("custom_services".to_owned(), wrong(Expected::Array, JsonKind::String)),
            ("services".to_owned(), wrong(Expected::Array, JsonKind::Object)),
            ("snapshots".to_owned(), wrong(Expected::Array, JsonKind::Bool)),
            ("plan".to_owned(), wrong(Expected::Array, JsonKind::Number)),
        ]
    );
    let entries: Vec<String> = problems("wrong-types-in-entries.json").into_iter().map(|(p, _, _)| p).collect();
    assert_eq!(
        entries,
        ["services[0]", "services[1]", "services[2]", "services[3].id", "services[4].provider", "services[4].note"]
    );
}

#[test]
fn edge_timestamps_and_dates() {
    let a = ok("timestamps-edge.json");
    assert_eq!(a.created.as_ref().map(|t| t.as_str()), Some("2024-02-29T23:59:60+09:00"));
    assert_eq!(a.updated.as_ref().map(|t| t.as_str()), Some("0000-01-01t00:00:00.123456789z"));
    round_trips(&a, "timestamps");
    let paths: Vec<String> = problems("timestamps-bad.json").into_iter().map(|(p, _, _)| p).collect();
    assert_eq!(paths, ["created", "updated"]);
    let due: Vec<ProblemKind> = problems("plan-due-bad.json").into_iter().map(|(_, _, k)| k).collect();
    assert_eq!(
        due,
        [
            ProblemKind::BadDate { found: "\"2023-02-29\"".to_owned() },
            ProblemKind::BadDate { found: "20260930".to_owned() }
        ]
    );
}

#[test]
fn backups_offer_good_members_and_name_bad_ones() {
    let Ok(Document::Backup(valid)) = exchange::read_any(&seed("backup-valid.json")) else {
        panic!("backup-valid.json")
    };
    let names: Vec<&str> = valid.members.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["<script>one</script>", "\u{202e}two"]);
    assert!(valid.damaged.is_empty());
    let Ok(Document::Backup(partial)) = exchange::read_any(&seed("backup-with-bad-entry.json")) else {
        panic!("backup-with-bad-entry.json")
    };
    assert_eq!(partial.members.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["<script>one</script>"]);
    let damaged: Vec<(usize, Option<&str>)> = partial.damaged.iter().map(|d| (d.position, d.name.as_deref())).collect();
    assert_eq!(damaged, [(2, Some("bad")), (3, None)]);
    let Err(ImportError::Invalid { problems, .. }) = exchange::read_any(&seed("backup-all-bad.json")) else {
        panic!("backup-all-bad.json")
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["assessments[0].services[0].id", "assessments[1]"]);
    let version = |name: &str| match exchange::read_any(&seed(name)) {
        Err(ImportError::Invalid { problems, .. }) => (problems[0].path.clone(), problems[0].kind.clone()),
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(
        version("backup-newer-version.json"),
        ("version".to_owned(), ProblemKind::NewerVersion { found: "2".to_owned() })
    );
    assert_eq!(
        version("backup-version-float.json"),
        ("version".to_owned(), ProblemKind::BadVersion { found: "1.0".to_owned(), oldest: 1 })
    );
    // A backup is not a single assessment.
    assert!(matches!(problem("backup-valid.json").1, ProblemKind::NotThisFormat { .. }));
}

#[test]
fn the_sample_round_trips() {
    let a = ok("sample-assessment.json");
    assert!(!a.services.is_empty() && !a.snapshots.is_empty() && !a.plan.is_empty());
    round_trips(&a, "sample");
}

// ---------------------------------------------------------------------------------
// Known issues the fuzzer showed (not crashes). Each asserts the wanted behaviour and
// is ignored until src/model/exchange is changed; run with `--ignored` to see them.

/// A `found` value in a message is JSON text, which escapes C0 controls but not
/// bidi controls: a U+202E in a refused value reorders the message when shown.
#[test]
fn bidi_controls_in_found_values_are_escaped_in_messages() {
    let e = exchange::read("{\"format\":\"\\u202egpj.exe\"}".as_bytes()).expect_err("not this format");
    let message = e.message(Lang::En);
    assert!(!message.contains('\u{202e}'), "raw U+202E in: {message}");
}

/// serde_json puts an error found at a line break at column 0 of the next line.
#[test]
fn syntax_errors_never_say_column_0() {
    for text in ["[\n", "[\n\t-0,\n\t1.\n]"] {
        let e = exchange::read(text.as_bytes()).expect_err("broken");
        assert!(matches!(e, ImportError::Syntax { column: 1.., .. }), "{text:?}: {e:?}");
    }
}
