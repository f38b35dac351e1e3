//! Hand-in codes and links (src/model/room/handin.rs, docs/room.md). Codes for the
//! refusal cases are built here by an independent writer of the documented format
//! (bits, base 147, Crockford base32, CRC-15/CAN), so the tests also pin the format.

mod common;

use proptest::prelude::*;
use x1060_assess::model::room::qr::{link_qr_version, segments, MAX_ADDRESS_CHARS_V5};
use x1060_assess::model::room::{self, decode, encode, link, HandIn, HandInError, ParticipantKey, CATEGORIES};
use x1060_assess::model::{CatalogueDef, CategoryId, Lang, QuickCheck, QuickEstimate, Rating, Score, Sourcing};

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The documented CRC-15/CAN over bits.
fn crc15(bits: &[bool]) -> u16 {
    let mut crc: u16 = 0;
    for &bit in bits {
        let feedback = ((crc >> 14) & 1 == 1) ^ bit;
        crc = (crc << 1) & 0x7fff;
        if feedback {
            crc ^= 0x4599;
        }
    }
    crc
}

fn push(bits: &mut Vec<bool>, value: u128, n: u32) {
    bits.extend((0..n).rev().map(|i| (value >> i) & 1 == 1));
}

/// A code written by the documented rules: version (5 bits), then `fields` bits, then
/// CRC-15 of everything before, all cut in 5-bit letters.
fn write_code(version: u8, fields: &[(u128, u32)]) -> String {
    let mut bits = Vec::new();
    push(&mut bits, u128::from(version), 5);
    for &(value, n) in fields {
        push(&mut bits, value, n);
    }
    while bits.len() % 5 != 0 {
        bits.push(false);
    }
    let crc = crc15(&bits);
    push(&mut bits, u128::from(crc), 15);
    bits.chunks(5)
        .map(|c| c.iter().fold(0usize, |acc, &b| acc << 1 | usize::from(b)))
        .map(|v| ALPHABET.as_bytes()[v] as char)
        .collect()
}

fn score_value(s: Option<Score>) -> u128 {
    match s {
        None => 0,
        Some(Score::Rated(r)) => u128::from(r.value()),
        Some(Score::NotApplicable) => 6,
    }
}

/// The documented version-1 code of a hand-in.
fn expected_code(h: &HandIn) -> String {
    let answers = h.answers.iter().fold(0u128, |acc, a| {
        let s = match a.sourcing {
            None => 0,
            Some(Sourcing::Insource) => 1,
            Some(Sourcing::Outsource) => 2,
        };
        acc * 147 + s * 49 + score_value(a.current) * 7 + score_value(a.target)
    });
    write_code(1, &[(u128::from(h.key.value()), 48), (u128::from(h.made), 32), (answers, 65)])
}

const SOURCINGS: [Option<Sourcing>; 3] = [None, Some(Sourcing::Insource), Some(Sourcing::Outsource)];

/// Unset, 1..5, n/a.
fn scores() -> Vec<Option<Score>> {
    let mut all = vec![None];
    all.extend((1..=5).map(|v| Rating::new(v).map(Score::Rated)));
    all.push(Some(Score::NotApplicable));
    all
}

/// Every answer a category can have (3 × 7 × 7).
fn every_answer() -> Vec<QuickEstimate> {
    let mut all = Vec::new();
    for sourcing in SOURCINGS {
        for current in scores() {
            for target in scores() {
                all.push(QuickEstimate { sourcing, current, target });
            }
        }
    }
    all
}

fn key(n: u64) -> ParticipantKey {
    let b = n.to_be_bytes();
    ParticipantKey::from_bytes([b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// A hand-in with a different answer in each category.
fn sample() -> HandIn {
    let all = every_answer();
    HandIn { key: key(0x1234_5678_9abc), made: 200_000_000, answers: std::array::from_fn(|i| all[i * 16 + 3].clone()) }
}

#[test]
fn every_answer_of_every_category_round_trips() {
    let all = every_answer();
    assert_eq!(all.len(), 147);
    for category in 0..9 {
        for (n, answer) in all.iter().enumerate() {
            let mut answers: [QuickEstimate; 9] = std::array::from_fn(|i| all[(i * 31 + n) % 147].clone());
            answers[category] = answer.clone();
            let h = HandIn { key: key(n as u64 * 0x0101_0101 + category as u64), made: n as u32 * 7919, answers };
            let code = encode(&h);
            assert_eq!(code, expected_code(&h), "category {category}, answer {n}");
            assert_eq!(decode(&code), Ok(h.clone()), "category {category}, answer {n}");
        }
    }
}

#[test]
fn the_extremes_of_every_field_round_trip() {
    let all = every_answer();
    for (k, made, answer) in [(0, 0, 0), ((1 << 48) - 1, u32::MAX, 146), (1, 1, 1)] {
        let h = HandIn { key: key(k), made, answers: std::array::from_fn(|_| all[answer].clone()) };
        let code = encode(&h);
        assert_eq!((code.len(), decode(&code)), (room::handin::CODE_CHARS, Ok(h.clone())));
        assert_eq!(code, expected_code(&h));
    }
}

#[test]
fn the_worked_example_of_docs_room_md() {
    let mut answers: [QuickEstimate; 9] = Default::default();
    answers[0] = QuickEstimate {
        sourcing: Some(Sourcing::Insource),
        current: Some(common::rated(2)),
        target: Some(common::rated(4)),
    };
    answers[2] = QuickEstimate {
        sourcing: Some(Sourcing::Outsource),
        current: Some(common::rated(3)),
        target: Some(Score::NotApplicable),
    };
    let made = HandIn::made_at(&common::ts("2026-05-01T10:00:00Z"), None);
    let h = HandIn { key: ParticipantKey::from_bytes([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]), made, answers };
    assert_eq!((made, h.key.to_string()), (199_792_800, "123456789abc".to_owned()));
    assert_eq!(encode(&h), "128T5CY4TQG5YH650CNG9WT6VW4A1R4VG");
    assert_eq!(
        link("https://example.org/x1060/", &h),
        "https://example.org/x1060/#h=128T5CY4TQG5YH650CNG9WT6VW4A1R4VG"
    );
    assert_eq!(decode("128t5cy4tqg-5yh650cng9w-t6vw4a1r4vg"), Ok(h));
}

#[test]
fn a_code_is_33_upper_case_letters_starting_with_its_version() {
    let code = encode(&sample());
    assert_eq!(code.len(), 33);
    assert!(code.starts_with('1'));
    assert!(code.chars().all(|c| ALPHABET.contains(c)), "{code}");
}

#[test]
fn a_hand_in_is_made_from_the_quick_check_of_the_catalogue_categories() {
    let ids: Vec<&str> = CatalogueDef::latest().categories.iter().map(|c| c.id).collect();
    assert_eq!(ids, CATEGORIES);
    let mut quick = QuickCheck::new(common::ts("2026-05-01T10:00:00Z"));
    let c = CategoryId::parse("C").expect("an id");
    quick.edit(&c, |e| {
        e.sourcing = Some(Sourcing::Outsource);
        e.current = Some(common::rated(2));
        e.target = Some(Score::NotApplicable);
    });
    let h = HandIn::new(key(9), 5, &quick);
    assert_eq!(h.answer("C"), quick.estimate("C"));
    assert!(h.answers.iter().enumerate().all(|(i, a)| i == 2 || a.is_blank()));
    assert_eq!(h.answer("Z"), QuickEstimate::default());
}

#[test]
fn made_at_counts_seconds_from_2020_and_always_grows() {
    let at = |s: &str| common::ts(s);
    assert_eq!(HandIn::made_at(&at("2020-01-01T00:00:00Z"), None), 0);
    assert_eq!(HandIn::made_at(&at("2019-06-01T00:00:00Z"), None), 0);
    assert_eq!(HandIn::made_at(&at("2026-05-01T10:00:00.900Z"), None), 199_792_800);
    assert_eq!(HandIn::made_at(&at("2026-05-01T10:00:00Z"), Some(199_792_799)), 199_792_800);
    // A clock set back, or two hand-ins in one second: still later than the last.
    assert_eq!(HandIn::made_at(&at("2026-05-01T10:00:00Z"), Some(199_792_800)), 199_792_801);
    assert_eq!(HandIn::made_at(&at("2025-01-01T00:00:00Z"), Some(199_792_800)), 199_792_801);
    assert_eq!(HandIn::made_at(&at("2200-01-01T00:00:00Z"), None), u32::MAX);
}

#[test]
fn a_link_carries_the_code_in_its_fragment() {
    let h = sample();
    let code = encode(&h);
    let l = link("https://example.org/x1060/", &h);
    assert_eq!(l, format!("https://example.org/x1060/#h={code}"));
    assert_eq!(link("https://example.org/x1060/#/quick", &h), l, "the page's own fragment is dropped");
    for text in [
        l.clone(),
        format!("  {l}\n"),
        l.to_lowercase(),
        l.to_uppercase(),
        format!("http://127.0.0.1:8080/any/path/index.html?x=1#h={code}"),
        format!("#h={code}"),
        format!("h={code}"),
        code.to_lowercase(),
        format!("\t{code} "),
        // Shown in groups for reading aloud or typing.
        format!("{}-{}-{}", &code[..11], &code[11..22], &code[22..]),
    ] {
        assert_eq!(decode(&text), Ok(h.clone()), "{text:?}");
    }
    assert!(room::is_handin_fragment(&format!("#h={code}")));
    assert!(room::is_handin_fragment("H=1"));
    assert!(!room::is_handin_fragment("#/room"));
    assert!(!room::is_handin_fragment("#share=v1.abc"));
}

#[test]
fn every_single_character_change_is_refused_or_reads_the_same() {
    let h = sample();
    let code = encode(&h);
    let mut replacements: Vec<char> = (0x20u8..0x7f).map(char::from).collect();
    replacements.extend(['é', 'Ｏ', 'ı', '\u{0}', '\u{feff}']);
    let (mut refused, mut same) = (0, 0);
    for (position, original) in code.char_indices() {
        for &c in &replacements {
            if c == original {
                continue;
            }
            let mut changed = code.clone();
            changed.replace_range(position..position + 1, c.encode_utf8(&mut [0; 4]));
            for text in [changed.clone(), format!("https://example.org/#h={changed}")] {
                match decode(&text) {
                    Ok(read) => {
                        assert_eq!(read, h, "{text:?} read as another hand-in");
                        same += 1;
                    }
                    Err(_) => refused += 1,
                }
            }
        }
    }
    // Only the other case and I, L, O (read as 1 and 0) read the same.
    assert!(refused > 30 * 95 * 2, "{refused} refused, {same} the same");
    assert!(same < 33 * 4 * 2, "{refused} refused, {same} the same");
}

#[test]
fn a_character_lost_added_or_swapped_is_refused() {
    let code = encode(&sample());
    let chars: Vec<char> = code.chars().collect();
    // Without a version digit first, a bare text is not taken for a code at all.
    let mut lost = chars.clone();
    lost.remove(0);
    assert!(decode(&lost.iter().collect::<String>()).is_err());
    assert_eq!(decode(&format!("Z{code}")), Err(HandInError::NotAHandIn));
    assert_eq!(decode(&format!("#h=Z{code}")), Err(HandInError::Damaged));
    for i in 1..chars.len() {
        let mut lost = chars.clone();
        lost.remove(i);
        assert_eq!(decode(&lost.iter().collect::<String>()), Err(HandInError::Damaged), "without {i}");
        for extra in ['0', 'Z', '7'] {
            let mut added = chars.clone();
            added.insert(i, extra);
            assert_eq!(decode(&added.iter().collect::<String>()), Err(HandInError::Damaged), "{extra} at {i}");
        }
        if i + 1 < chars.len() && chars[i] != chars[i + 1] {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            assert_eq!(decode(&swapped.iter().collect::<String>()), Err(HandInError::Damaged), "swap at {i}");
        }
    }
    assert_eq!(decode(&code[..32]), Err(HandInError::Damaged));
    assert_eq!(decode(&format!("https://example.org/#h={}", &code[..20])), Err(HandInError::Damaged));
    assert_eq!(decode("https://example.org/#h="), Err(HandInError::Damaged));
}

#[test]
fn foreign_text_is_not_a_hand_in() {
    for text in [
        "",
        "   ",
        "hello",
        "Hello, world",
        "12345",
        "https://example.org/",
        "https://example.org/x1060/#/room",
        "https://example.org/x1060/#",
        "WIFI:S:cafe;T:WPA;P:secret;;",
        "{\"format\": \"x1060-assessment\"}",
        "ABCDEFGHJKMNPQRSTVWXYZ0123456789A",
        // A 33-letter word of code letters whose first is not a version digit.
        "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
    ] {
        assert_eq!(decode(text), Err(HandInError::NotAHandIn), "{text:?}");
    }
}

proptest! {
    #[test]
    fn random_text_is_refused(text in "\\PC{0,120}") {
        prop_assert!(decode(&text).is_err());
    }

    #[test]
    fn a_code_shaped_text_reads_only_as_what_it_encodes(text in "1[0-9A-HJKMNP-TV-Z]{32}") {
        // One in 32,768 passes the check value by chance; it then reads consistently.
        if let Ok(h) = decode(&text) {
            prop_assert_eq!(encode(&h), text);
        }
    }
}

#[test]
fn an_assessment_share_link_is_another_format() {
    let a = common::read_ok(&common::sample_text());
    let fragment = x1060_assess::model::share::encode(&a).expect("fits a link");
    for text in [format!("https://example.org/x1060/#{fragment}"), format!("#{fragment}"), fragment.clone()] {
        assert_eq!(decode(&text), Err(HandInError::OtherFormat), "{}", &text[..40]);
    }
}

#[test]
fn a_hand_in_from_a_newer_version_is_named_so() {
    // Version 2 may hold anything; its check value is still CRC-15 over the rest.
    let newer = write_code(2, &[(0xdead_beef, 32), (1, 100)]);
    assert_eq!(decode(&newer), Err(HandInError::Newer { version: 2 }));
    assert_eq!(decode(&format!("https://example.org/#h={newer}")), Err(HandInError::Newer { version: 2 }));
    // Damaged, it is damaged, not newer.
    let mut damaged = newer.clone();
    damaged.replace_range(5..6, if &newer[5..6] == "A" { "B" } else { "A" });
    assert_eq!(decode(&damaged), Err(HandInError::Damaged));
    // Version 1 with a check value right but the answers beyond 147^9: damaged.
    let beyond = write_code(1, &[(1, 48), (1, 32), (147u128.pow(9), 65)]);
    assert_eq!(decode(&beyond), Err(HandInError::Damaged));
    let last = write_code(1, &[(1, 48), (1, 32), (147u128.pow(9) - 1, 65)]);
    assert!(decode(&last).is_ok());
}

#[test]
fn a_text_longer_than_any_link_is_refused_before_reading() {
    let max = room::handin::MAX_TEXT_CHARS;
    let code = encode(&sample());
    let tail = format!("#h={code}");
    let longest = format!("https://example.org/{}{tail}", "a".repeat(max - 20 - tail.len()));
    assert_eq!(longest.chars().count(), max);
    assert_eq!(decode(&longest), Ok(sample()));
    let over = format!("https://example.org/{}{tail}", "é".repeat(max - 19 - tail.len()));
    assert_eq!(decode(&over), Err(HandInError::TooLong { chars: max + 1, max }));
    assert_eq!(decode(&"x".repeat(1_000_000)), Err(HandInError::TooLong { chars: 1_000_000, max }));
}

#[test]
fn each_refusal_says_why_in_both_languages() {
    let cases = [
        (
            HandInError::NotAHandIn,
            "This is not a hand-in: it is neither a hand-in code nor a hand-in link from this app's quick check.",
            "提出データではありません（このアプリのクイックチェックの提出コードでも提出リンクでもありません）。",
        ),
        (
            HandInError::OtherFormat,
            "This is a link to a whole assessment, not a hand-in: open it in the app to import the assessment. To hand in, use \"Hand in to the room\" in the quick check.",
            "これはアセスメント全体の共有リンクで、提出データではありません。アセスメントを取り込むにはアプリで開いてください。提出するにはクイックチェックの「ルームに提出」を使ってください。",
        ),
        (
            HandInError::Damaged,
            "This hand-in is damaged: a character is wrong, missing or extra. Scan the QR code again, or copy the whole code again.",
            "提出データが壊れています（文字の誤り、欠け、余分な文字があります）。QR コードをもう一度読み取るか、コード全体をもう一度コピーしてください。",
        ),
        (
            HandInError::Newer { version: 2 },
            "This hand-in was made by a newer version of the app (format 2; this app reads format 1). Reload this page to get the newer version, then add it again.",
            "この提出データは新しい版のアプリで作られています（形式 2。このアプリが読めるのは形式 1）。このページを再読み込みして新しい版にしてから、もう一度追加してください。",
        ),
        (
            HandInError::TooLong { chars: 3000, max: 2048 },
            "This text is too long to be a hand-in (3000 characters; a hand-in link has at most 2048).",
            "提出データとしては長すぎます（3000 文字。提出リンクは最大 2048 文字です）。",
        ),
    ];
    for (error, en, ja) in cases {
        assert_eq!(error.message(Lang::En), en);
        assert_eq!(error.message(Lang::Ja), ja);
        assert_eq!(error.to_string(), en);
    }
}

#[test]
fn a_hand_in_link_fits_a_small_qr_code() {
    let h = sample();
    let example = link("https://example.org/x1060/", &h);
    assert_eq!(segments(&example).len(), 2, "address in byte mode, code in alphanumeric mode");
    assert_eq!(link_qr_version(&example), Some(4));
    // Every code has the same length and alphabet, so the longest address documented
    // is the worst case.
    let address = |chars: usize| format!("https://{}.example/", "a".repeat(chars - 17));
    let worst = link(&address(MAX_ADDRESS_CHARS_V5), &h);
    assert_eq!(worst.find('#'), Some(MAX_ADDRESS_CHARS_V5));
    assert_eq!(link_qr_version(&worst), Some(5));
    assert_eq!(link_qr_version(&link(&address(35), &h)), Some(4));
    assert_eq!(link_qr_version(&link(&address(36), &h)), Some(5));
    assert_eq!(link_qr_version(&link(&address(MAX_ADDRESS_CHARS_V5 + 1), &h)), Some(6));
    assert_eq!(link_qr_version(&link(&address(79), &h)), Some(6));
    assert_eq!(link_qr_version(&link(&address(80), &h)), Some(7));
    // Any other text is encoded as it is.
    assert_eq!(segments("https://example.org/#h=lower").len(), 1);
    assert_eq!(link_qr_version("https://example.org/"), Some(2));
}
