//! Shared by the fuzz targets (and the `replay` example): the oracle every input is
//! checked against, and a structured generator of JSON documents shaped like the
//! exchange format, so the fuzzer gets past the header into every field check.

use std::fmt::Write as _;

use arbitrary::{Arbitrary, Result, Unstructured};
use x1060_assess::model::exchange::{self, Document, ImportError, Layout};
use x1060_assess::model::{Assessment, CatalogueDef, Lang, Timestamp};

/// The oracle. `exchange::read` must not panic; an error must say what and where
/// (its messages in both languages are built, so formatting is exercised too); a
/// document that is read must survive `write` then `read` unchanged, in both layouts.
/// `exchange::read_any` (which also takes backups of many assessments) must agree with
/// `read` on every input that is not a backup, and a backup it reads must survive
/// `write_backup` then `read_any`.
pub fn check(bytes: &[u8]) {
    let single = exchange::read(bytes);
    match &single {
        Ok(a) => round_trip(a),
        Err(e) => check_error(e),
    }
    match exchange::read_any(bytes) {
        Ok(Document::Assessment(a)) => assert_eq!(Ok(&*a), single.as_ref(), "read_any and read disagree"),
        Ok(Document::Backup(contents)) => {
            for d in &contents.damaged {
                check_error(&d.error);
            }
            let list = contents.members;
            for a in &list {
                round_trip(a);
            }
            let refs: Vec<&Assessment> = list.iter().collect();
            let created = Timestamp::parse("2026-11-26T00:00:00Z").expect("timestamp");
            let text = exchange::write_backup(&refs, &created);
            match exchange::read_any(text.as_bytes()) {
                Ok(Document::Backup(back)) => {
                    assert!(back.members == list && back.damaged.is_empty(), "backup round trip changed it\n{text}")
                }
                other => panic!("backup round trip: {other:?}\n{text}"),
            }
        }
        Err(e) => {
            check_error(&e);
            // Only a backup can be refused by one reader and not the other.
            if single.is_ok() {
                panic!("read accepted what read_any refused: {e:?}");
            }
        }
    }
}

fn round_trip(a: &Assessment) {
    for layout in [Layout::Pretty, Layout::Compact] {
        let text = exchange::write(a, layout);
        match exchange::read(text.as_bytes()) {
            Ok(back) if back == *a => {}
            Ok(back) => panic!("round trip ({layout:?}) changed the assessment\nwritten:\n{text}\nread before: {a:?}\nread after: {back:?}"),
            Err(e) => panic!("round trip ({layout:?}): the written file was refused: {e}\nwritten:\n{text}"),
        }
    }
}

fn check_error(e: &ImportError) {
    for lang in [Lang::En, Lang::Ja] {
        let message = e.message(lang);
        assert!(!message.trim().is_empty(), "empty message for {e:?}");
    }
    match e {
        ImportError::Syntax { line, .. } | ImportError::TooDeep { line, .. } => {
            assert!(*line >= 1, "syntax error without a line: {e:?}")
        }
        ImportError::Invalid { problems, more } => {
            assert!(!problems.is_empty(), "content error without a problem: {e:?}");
            assert!(problems.len() <= exchange::MAX_PROBLEMS, "too many problems listed");
            assert!(*more == 0 || problems.len() == exchange::MAX_PROBLEMS, "problems counted but not listed");
        }
        ImportError::TooLarge { .. } | ImportError::Empty | ImportError::NotUtf8 { .. } => {}
    }
}

// ---------------------------------------------------------------------------------
// Structured input: a document shaped like the contract, each field either absent,
// null, a valid value, a near miss, or any JSON at all.

/// Strings people type, including markup, bidi controls and control characters.
const TEXTS: &[&str] = &[
    "Test",
    "CDC 本部",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "{{7*7}} ${7*7}",
    "\u{202e}evil\u{202c} txt",
    "\u{200f}\u{200e}\u{2066}x\u{2069}",
    "a\u{0000}b",
    "\u{0007}\u{001b}[31mred\u{001b}[0m",
    "line\r\nbreak\ttab",
    "\u{feff}bom inside",
    "😀 emoji 👩‍👩‍👧",
    "e\u{0301}\u{0301}\u{0301}",
    "\u{fffd}\u{ffff}\u{10ffff}",
    "=cmd|' /C calc'!A0",
    " ",
    "",
];
const FORMATS: &[&str] = &["x1060-assessment"];
const FORMAT_MISSES: &[&str] = &["soc-cmm", "X1060-assessment", "x1060-assessment ", "", "x1060-assessment\u{0000}"];
const CATALOGUES: &[&str] = &["x1060-2021"];
const CATALOGUE_MISSES: &[&str] = &["x1060-2099", "X1060-2021", ""];
const TIMESTAMPS: &[&str] = &[
    "2026-04-01T09:00:00Z",
    "2026-04-01t09:00:00.123456789z",
    "2024-02-29T23:59:60+09:00",
    "0000-01-01T00:00:00-23:59",
    "9999-12-31T23:59:59.999Z",
    "1970-01-01T00:00:00.0000000000000000001Z",
];
const TIMESTAMP_MISSES: &[&str] = &[
    "2026-02-30T00:00:00Z",
    "yesterday",
    "2026-04-01T09:00:00",
    "2026-04-01T09:00:00.Z",
    "2026-04-01T24:00:00Z",
    "2026-04-01T09:00:00+24:00",
    "2026-04-01 09:00:00Z",
    "+2026-04-01T09:00:00Z",
    "2026-04-01T09:00:00.00000000000000000000001Z",
    "２０２６-04-01T09:00:00Z",
];
const DATES: &[&str] = &["2026-09-30", "2024-02-29", "0000-01-01", "9999-12-31"];
const DATE_MISSES: &[&str] = &["30/09/2026", "2026-02-30", "2026-9-30", "2026-09-30T00:00:00Z", "2023-02-29", "", "２０２６-09-30"];
const ID_MISSES: &[&str] = &["A 1", "", "Z-9", "A-1234567890123456", "A-1\u{0000}", "Ａ-1", "a-1", "<b>", "A-1 "];
const CUSTOM_IDS: &[&str] = &["I-8", "X-1", "A-99", "my.svc_1"];
const LEVEL_MISSES: &[&str] = &["Basic", "", "none", "basic "];
const SOURCINGS: &[&str] = &["insource", "outsource"];
const SOURCING_MISSES: &[&str] = &["external", "Insource"];
const STATUSES: &[&str] = &["open", "in_progress", "done"];
const STATUS_MISSES: &[&str] = &["doing", "Done", ""];
const CATEGORIES: &[&str] = &["A", "B", "C", "D", "E", "F", "G", "H", "I"];
const CATEGORY_MISSES: &[&str] = &["J", "a", "", "AB", "<i>"];
/// Number tokens written as they are: edge cases of JSON numbers.
const NUMBER_TOKENS: &[&str] = &[
    "0", "1", "2", "3", "4", "5", "6", "-1", "-0", "3.0", "1.5", "5e0", "1E0", "0.1e1", "1e309", "-1e309", "1e-400",
    "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
    "99999999999999999999999999999999", "0.0000000000000000000000000000001", "01", "+1", ".5", "1.", "NaN", "Infinity",
];
/// String bodies written as they are, between quotes: escapes serde_json must judge.
const RAW_STRINGS: &[&str] = &[
    "\\ud800", "\\udc00\\ud800", "\\ud83d\\ude00", "\\u0000", "\\u202e", "\\/", "\\x41", "\\u12", "\\uZZZZ",
    "a\tb", "a\u{0001}b", "\u{007f}", "\\\\\\\"", "\\U0041", "\\ud800\\u0041",
];
const KEYS: &[&str] = &[
    "format", "version", "catalogue", "name", "organisation", "created", "updated", "services", "custom_services",
    "snapshots", "plan", "id", "level", "sourcing", "provider", "current", "target", "note", "category", "ja", "en",
    "label", "taken", "action", "owner", "due", "status", "quick", "categories", "workshop", "round", "started",
    "assessor", "assessors", "__proto__", "constructor", "",
];

fn pick<'a>(table: &[&'a str], i: u8) -> &'a str {
    table[usize::from(i) % table.len()]
}

fn service_id(i: u8) -> &'static str {
    let ids: Vec<&'static str> =
        CatalogueDef::latest().categories.iter().flat_map(|c| c.services.iter().map(|s| s.id)).collect();
    if usize::from(i) < ids.len() {
        ids[usize::from(i)]
    } else {
        pick(CUSTOM_IDS, i)
    }
}

/// A JSON string value.
#[derive(Debug)]
pub enum Str {
    Text(u8),
    Any(String),
    Raw(u8),
    /// A long run of one character: `len * 8` copies (up to 2 040, past the 200 and
    /// 2 000 character limits; notes of 10 000 are the field tables' near misses).
    Long { len: u8, c: char },
}

impl<'a> Arbitrary<'a> for Str {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // Long strings are rare (and not what a run of 0xFF bytes picks): they slow
        // every run that has one.
        Ok(match u.arbitrary::<u8>()? {
            0..=99 => Str::Text(u.arbitrary()?),
            100..=111 => Str::Long { len: u.arbitrary()?, c: u.arbitrary()? },
            112..=191 => Str::Any(u.arbitrary()?),
            _ => Str::Raw(u.arbitrary()?),
        })
    }
}

/// A JSON number, usually as a token from [`NUMBER_TOKENS`].
#[derive(Debug, Arbitrary)]
pub enum Num {
    Token(u8),
    Int(i64),
    Unsigned(u64),
    Float(f64),
}

/// Any JSON value, at most a few levels deep (deep nesting is [`Root::Deep`]).
#[derive(Debug)]
pub enum Json {
    Null,
    Bool(bool),
    Num(Num),
    Str(Str),
    Arr(Vec<Json>),
    Obj(Vec<(Key, Json)>),
}

impl Json {
    fn arbitrary_at(u: &mut Unstructured<'_>, depth: u32) -> Result<Json> {
        let top = if depth >= 6 { 3 } else { 5 };
        Ok(match u.int_in_range(0..=top)? {
            0 => Json::Null,
            1 => Json::Bool(u.arbitrary()?),
            2 => Json::Num(u.arbitrary()?),
            3 => Json::Str(u.arbitrary()?),
            4 => {
                let n = u.int_in_range(0..=4)?;
                Json::Arr((0..n).map(|_| Json::arbitrary_at(u, depth + 1)).collect::<Result<_>>()?)
            }
            _ => {
                let n = u.int_in_range(0..=4)?;
                Json::Obj((0..n).map(|_| Ok((u.arbitrary()?, Json::arbitrary_at(u, depth + 1)?))).collect::<Result<_>>()?)
            }
        })
    }
}

impl<'a> Arbitrary<'a> for Json {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Json::arbitrary_at(u, 0)
    }
}

/// An object key: one of the contract's field names (so duplicates happen) or any.
#[derive(Debug, Arbitrary)]
pub enum Key {
    Known(u8),
    Any(String),
}

/// One field of an object. Mostly valid, so whole documents often pass and the
/// round trip is checked; see the `Arbitrary` impl for the odds.
#[derive(Debug)]
pub enum Slot {
    Absent,
    Null,
    /// A valid value from the field's table.
    Good(u8),
    /// A near miss from the field's table.
    Miss(u8),
    Any(Json),
}

impl<'a> Arbitrary<'a> for Slot {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // Out of data gives 0: a valid value.
        Ok(match u.arbitrary::<u8>()? {
            0..=127 => Slot::Good(u.arbitrary()?),
            128..=159 => Slot::Absent,
            160..=175 => Slot::Null,
            176..=223 => Slot::Miss(u.arbitrary()?),
            _ => Slot::Any(u.arbitrary()?),
        })
    }
}

/// An array field.
#[derive(Debug)]
pub enum List<T> {
    Absent,
    Null,
    Items(Vec<T>),
    /// `n * 16 + 9_990` copies of a minimal entry, around the 10 000 entry limit
    /// (once per document; later ones are three copies).
    Many(u8),
    Any(Json),
}

impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for List<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=199 => {
                let n = u.int_in_range(0..=12)?;
                List::Items((0..n).map(|_| u.arbitrary()).collect::<Result<_>>()?)
            }
            200..=219 => List::Absent,
            220..=229 => List::Null,
            230..=231 => List::Many(u.arbitrary()?),
            _ => List::Any(u.arbitrary()?),
        })
    }
}

#[derive(Debug, Arbitrary)]
pub struct Extra {
    pub first: bool,
    pub key: Key,
    pub value: Json,
}

#[derive(Debug, Arbitrary)]
pub struct Service {
    pub id: Slot,
    pub level: Slot,
    pub sourcing: Slot,
    pub provider: Slot,
    pub current: Slot,
    pub target: Slot,
    pub note: Slot,
    pub extra: Vec<Extra>,
}

#[derive(Debug, Arbitrary)]
pub struct Custom {
    pub id: Slot,
    pub category: Slot,
    pub name: Slot,
    pub name_ja: Slot,
    pub name_en: Slot,
    pub extra: Vec<Extra>,
}

#[derive(Debug, Arbitrary)]
pub struct SnapshotIn {
    pub label: Slot,
    pub taken: Slot,
    pub services: List<Service>,
    pub extra: Vec<Extra>,
}

#[derive(Debug, Arbitrary)]
pub struct PlanIn {
    pub id: Slot,
    pub action: Slot,
    pub owner: Slot,
    pub due: Slot,
    pub status: Slot,
    pub extra: Vec<Extra>,
}

#[derive(Debug, Arbitrary)]
pub struct Doc {
    pub format: Slot,
    pub version: Slot,
    pub catalogue: Slot,
    pub name: Slot,
    pub organisation: Slot,
    pub created: Slot,
    pub updated: Slot,
    pub services: List<Service>,
    pub custom_services: List<Custom>,
    pub snapshots: List<SnapshotIn>,
    pub plan: List<PlanIn>,
    pub extra: Vec<Extra>,
}

#[derive(Debug, Arbitrary)]
pub enum Root {
    Doc(Box<Doc>),
    /// `{"format":"x1060-backup","version":…,"assessments":[…]}`.
    Backup { version: Slot, docs: List<Doc>, extra: Vec<Extra> },
    Any(Json),
    /// `depth` nested arrays or objects, around serde_json's limit of 128.
    Deep { depth: u8, objects: bool, inner: Json },
}

/// The whole input: a root value and how the file is laid out.
#[derive(Debug, Arbitrary)]
pub struct Input {
    pub root: Root,
    pub bom: bool,
    /// 0 compact, 1 spaces, 2 CRLF, 3 tabs, others: extra spaces.
    pub style: u8,
    /// Cut the text to this many bytes (a truncated file) when `cut` is 255.
    pub cut: u8,
    pub truncate: u16,
}

/// Which table a field takes its values from.
#[derive(Clone, Copy)]
enum Kind {
    Format,
    Version,
    Catalogue,
    Name,
    Note,
    Timestamp,
    Date,
    ServiceId,
    Level,
    Sourcing,
    Score,
    Status,
    Category,
}

struct Out {
    text: String,
    style: u8,
    depth: usize,
    /// Huge arrays still allowed in this document.
    many: usize,
}

impl Out {
    fn newline(&mut self) {
        match self.style % 5 {
            0 => {}
            1 => {
                self.text.push('\n');
                self.text.push_str(&"  ".repeat(self.depth));
            }
            2 => {
                self.text.push_str("\r\n");
                self.text.push_str(&" ".repeat(self.depth));
            }
            3 => {
                self.text.push('\n');
                self.text.push_str(&"\t".repeat(self.depth));
            }
            _ => self.text.push_str("   "),
        }
    }

    fn string(&mut self, s: &str) {
        // serde_json escapes quotes, backslashes and control characters.
        self.text.push_str(&serde_json_string(s));
    }

    fn str_value(&mut self, s: &Str) {
        match s {
            Str::Text(i) => self.string(pick(TEXTS, *i)),
            Str::Any(s) => self.string(s),
            Str::Raw(i) => {
                self.text.push('"');
                self.text.push_str(pick(RAW_STRINGS, *i));
                self.text.push('"');
            }
            Str::Long { len, c } => {
                let long: String = std::iter::repeat_n(*c, usize::from(*len) * 8).collect();
                self.string(&long);
            }
        }
    }

    fn num(&mut self, n: &Num) {
        match n {
            Num::Token(i) => self.text.push_str(pick(NUMBER_TOKENS, *i)),
            Num::Int(i) => {
                let _ = write!(self.text, "{i}");
            }
            Num::Unsigned(i) => {
                let _ = write!(self.text, "{i}");
            }
            Num::Float(f) if f.is_finite() => {
                let _ = write!(self.text, "{f:?}");
            }
            Num::Float(_) => self.text.push_str("1e309"),
        }
    }

    fn key(&mut self, k: &Key) {
        match k {
            Key::Known(i) => self.string(pick(KEYS, *i)),
            Key::Any(s) => self.string(s),
        }
    }

    fn json(&mut self, j: &Json) {
        match j {
            Json::Null => self.text.push_str("null"),
            Json::Bool(b) => self.text.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => self.num(n),
            Json::Str(s) => self.str_value(s),
            Json::Arr(items) => {
                self.text.push('[');
                self.depth += 1;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.text.push(',');
                    }
                    self.newline();
                    self.json(item);
                }
                self.depth -= 1;
                self.newline();
                self.text.push(']');
            }
            Json::Obj(fields) => {
                self.text.push('{');
                self.depth += 1;
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        self.text.push(',');
                    }
                    self.newline();
                    self.key(k);
                    self.text.push(':');
                    self.json(v);
                }
                self.depth -= 1;
                self.newline();
                self.text.push('}');
            }
        }
    }

    fn good(&mut self, kind: Kind, i: u8) {
        match kind {
            Kind::Format => self.string(pick(FORMATS, i)),
            Kind::Version => self.text.push('1'),
            Kind::Catalogue => self.string(pick(CATALOGUES, i)),
            Kind::Name | Kind::Note => self.string(pick(TEXTS, i)),
            Kind::Timestamp => self.string(pick(TIMESTAMPS, i)),
            Kind::Date => self.string(pick(DATES, i)),
            Kind::ServiceId => self.string(service_id(i)),
            Kind::Level => self.string(x1060_assess::model::Level::ALL[usize::from(i) % 5].as_str()),
            Kind::Sourcing => self.string(pick(SOURCINGS, i)),
            Kind::Score => match i % 6 {
                0 => self.string("n/a"),
                n => {
                    let _ = write!(self.text, "{n}");
                }
            },
            Kind::Status => self.string(pick(STATUSES, i)),
            Kind::Category => self.string(pick(CATEGORIES, i)),
        }
    }

    fn miss(&mut self, kind: Kind, i: u8) {
        match kind {
            Kind::Format => self.string(pick(FORMAT_MISSES, i)),
            Kind::Version | Kind::Score => match i % 4 {
                0 => self.string("1"),
                1 => self.string("N/A"),
                _ => self.text.push_str(pick(NUMBER_TOKENS, i)),
            },
            Kind::Catalogue => self.string(pick(CATALOGUE_MISSES, i)),
            Kind::Name => {
                let n = if i.is_multiple_of(2) { 200 } else { 201 };
                self.string(&"名".repeat(n));
            }
            Kind::Note => {
                let n = if i.is_multiple_of(2) { 10_000 } else { 10_001 };
                self.string(&("<b>".repeat(n / 3) + &"x".repeat(n % 3)));
            }
            Kind::Timestamp => self.string(pick(TIMESTAMP_MISSES, i)),
            Kind::Date => self.string(pick(DATE_MISSES, i)),
            Kind::ServiceId => self.string(pick(ID_MISSES, i)),
            Kind::Level => self.string(pick(LEVEL_MISSES, i)),
            Kind::Sourcing => self.string(pick(SOURCING_MISSES, i)),
            Kind::Status => self.string(pick(STATUS_MISSES, i)),
            Kind::Category => self.string(pick(CATEGORY_MISSES, i)),
        }
    }

    /// Writes `"key": value` unless the slot is absent; returns whether it wrote.
    fn field(&mut self, first: &mut bool, key: &str, slot: &Slot, kind: Kind) {
        if matches!(slot, Slot::Absent) {
            return;
        }
        self.sep(first);
        self.string(key);
        self.text.push(':');
        match slot {
            Slot::Absent => {}
            Slot::Null => self.text.push_str("null"),
            Slot::Good(i) => self.good(kind, *i),
            Slot::Miss(i) => self.miss(kind, *i),
            Slot::Any(j) => self.json(j),
        }
    }

    fn sep(&mut self, first: &mut bool) {
        if !*first {
            self.text.push(',');
        }
        *first = false;
        self.newline();
    }

    fn extras(&mut self, first: &mut bool, extra: &[Extra], at_start: bool) {
        for e in extra.iter().filter(|e| e.first == at_start) {
            self.sep(first);
            self.key(&e.key);
            self.text.push(':');
            self.json(&e.value);
        }
    }

    fn object(&mut self, extra: &[Extra], body: impl FnOnce(&mut Out, &mut bool)) {
        self.text.push('{');
        self.depth += 1;
        let mut first = true;
        self.extras(&mut first, extra, true);
        body(self, &mut first);
        self.extras(&mut first, extra, false);
        self.depth -= 1;
        self.newline();
        self.text.push('}');
    }

    fn list<T>(&mut self, first: &mut bool, key: &str, list: &List<T>, minimal: &str, item: impl Fn(&mut Out, &T)) {
        if matches!(list, List::Absent) {
            return;
        }
        self.sep(first);
        self.string(key);
        self.text.push(':');
        match list {
            List::Absent => {}
            List::Null => self.text.push_str("null"),
            List::Any(j) => self.json(j),
            List::Many(n) => {
                let count = if self.many > 0 { usize::from(*n) * 16 + 9_990 } else { 3 };
                self.many = self.many.saturating_sub(1);
                self.text.push('[');
                for i in 0..count {
                    if i > 0 {
                        self.text.push(',');
                    }
                    self.text.push_str(minimal);
                }
                self.text.push(']');
            }
            List::Items(items) => {
                self.text.push('[');
                self.depth += 1;
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        self.text.push(',');
                    }
                    self.newline();
                    item(self, it);
                }
                self.depth -= 1;
                self.newline();
                self.text.push(']');
            }
        }
    }

    fn service(&mut self, s: &Service) {
        self.object(&s.extra, |o, first| {
            o.field(first, "id", &s.id, Kind::ServiceId);
            o.field(first, "level", &s.level, Kind::Level);
            o.field(first, "sourcing", &s.sourcing, Kind::Sourcing);
            o.field(first, "provider", &s.provider, Kind::Name);
            o.field(first, "current", &s.current, Kind::Score);
            o.field(first, "target", &s.target, Kind::Score);
            o.field(first, "note", &s.note, Kind::Note);
        });
    }

    fn custom(&mut self, c: &Custom) {
        self.object(&c.extra, |o, first| {
            o.field(first, "id", &c.id, Kind::ServiceId);
            o.field(first, "category", &c.category, Kind::Category);
            match &c.name {
                // A name object built from its own two slots.
                Slot::Good(_) => {
                    o.sep(first);
                    o.string("name");
                    o.text.push(':');
                    o.object(&[], |o, first| {
                        o.field(first, "ja", &c.name_ja, Kind::Name);
                        o.field(first, "en", &c.name_en, Kind::Name);
                    });
                }
                other => o.field(first, "name", other, Kind::Name),
            }
        });
    }

    fn snapshot(&mut self, s: &SnapshotIn) {
        self.object(&s.extra, |o, first| {
            o.field(first, "label", &s.label, Kind::Name);
            o.field(first, "taken", &s.taken, Kind::Timestamp);
            o.list(first, "services", &s.services, r#"{"id":"A-1"}"#, Out::service);
        });
    }

    fn plan_item(&mut self, p: &PlanIn) {
        self.object(&p.extra, |o, first| {
            o.field(first, "id", &p.id, Kind::ServiceId);
            o.field(first, "action", &p.action, Kind::Note);
            o.field(first, "owner", &p.owner, Kind::Name);
            o.field(first, "due", &p.due, Kind::Date);
            o.field(first, "status", &p.status, Kind::Status);
        });
    }

    fn doc(&mut self, d: &Doc) {
        self.object(&d.extra, |o, first| {
            o.field(first, "format", &d.format, Kind::Format);
            o.field(first, "version", &d.version, Kind::Version);
            o.field(first, "catalogue", &d.catalogue, Kind::Catalogue);
            o.field(first, "name", &d.name, Kind::Name);
            o.field(first, "organisation", &d.organisation, Kind::Name);
            o.field(first, "created", &d.created, Kind::Timestamp);
            o.field(first, "updated", &d.updated, Kind::Timestamp);
            o.list(first, "services", &d.services, r#"{"id":"A-1"}"#, Out::service);
            o.list(first, "custom_services", &d.custom_services, r#"{"id":"I-8","category":"I","name":{"en":"x"}}"#, Out::custom);
            o.list(first, "snapshots", &d.snapshots, r#"{"label":"s","taken":"2026-01-01T00:00:00Z","services":[]}"#, Out::snapshot);
            o.list(first, "plan", &d.plan, r#"{"id":"A-1","action":"x"}"#, Out::plan_item);
        });
    }
}

fn serde_json_string(s: &str) -> String {
    // A tiny escaper equal to serde_json's for our purpose (quotes, backslash, C0).
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The bytes of a structured input, as a file would hold them.
pub fn render(input: &Input) -> Vec<u8> {
    let mut out = Out { text: String::new(), style: input.style, depth: 0, many: 1 };
    match &input.root {
        Root::Doc(d) => out.doc(d),
        Root::Backup { version, docs, extra } => out.object(extra, |o, first| {
            o.sep(first);
            o.string("format");
            o.text.push(':');
            o.string("x1060-backup");
            o.field(first, "version", version, Kind::Version);
            o.list(first, "assessments", docs, "{}", Out::doc);
        }),
        Root::Any(j) => out.json(j),
        Root::Deep { depth, objects, inner } => {
            let depth = usize::from(*depth) / 2 + 60; // 60 to 187 levels
            for _ in 0..depth {
                out.text.push_str(if *objects { "{\"services\":" } else { "[" });
            }
            out.json(inner);
            for _ in 0..depth {
                out.text.push(if *objects { '}' } else { ']' });
            }
        }
    }
    let mut bytes = Vec::with_capacity(out.text.len() + 3);
    if input.bom {
        bytes.extend_from_slice(b"\xEF\xBB\xBF");
    }
    bytes.extend_from_slice(out.text.as_bytes());
    if input.cut == 255 {
        bytes.truncate(usize::from(input.truncate));
    }
    bytes
}
