//! The room (src/model/room, docs/room.md): one hand-in per participant, the last
//! made winning; the figures per category, worked by hand or computed here
//! independently (by sorting); the CSV; the text kept in the browser.

mod common;

use x1060_assess::model::room::{
    self, encode, read_pasted, Added, Distribution, HandIn, HandInError, ParticipantKey, Room, RoomFull, RoomReadError,
};
use x1060_assess::model::{Lang, QuickEstimate, Rating, Score, Sourcing};

fn key(n: u64) -> ParticipantKey {
    let b = n.to_be_bytes();
    ParticipantKey::from_bytes([b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// A score from a short spelling: `0` unset, `1`..`5`, `9` n/a.
fn s(v: u8) -> Option<Score> {
    match v {
        0 => None,
        9 => Some(Score::NotApplicable),
        v => Rating::new(i64::from(v)).map(Score::Rated),
    }
}

/// A hand-in giving category A the current and target `a`, and category B `b`.
fn handin(k: u64, made: u32, a: (u8, u8), b: (u8, u8)) -> HandIn {
    let mut answers: [QuickEstimate; 9] = Default::default();
    answers[0] = QuickEstimate { sourcing: None, current: s(a.0), target: s(a.1) };
    answers[1] = QuickEstimate { sourcing: None, current: s(b.0), target: s(b.1) };
    HandIn { key: key(k), made, answers }
}

fn room_of(handins: &[HandIn]) -> Room {
    let mut room = Room::new();
    for h in handins {
        room.add(h.clone()).expect("room not full");
    }
    room
}

fn medians(room: &Room, category: usize) -> (Option<u8>, Option<u8>) {
    let f = &room.figures()[category];
    (f.current.median().map(Rating::value), f.target.median().map(Rating::value))
}

#[test]
fn medians_with_an_odd_and_an_even_count_worked_by_hand() {
    // A current: 4, 1, n/a, 3, unset, 5 -> integers 1 3 4 5 (even): lower middle 3.
    // A target: 5, 5, 2, n/a, n/a, unset -> integers 2 5 5 (odd): 5.
    // B current: all unset or n/a -> no figure; B target: 2, 4 -> lower middle 2.
    let room = room_of(&[
        handin(1, 1, (4, 5), (0, 2)),
        handin(2, 1, (1, 5), (9, 4)),
        handin(3, 1, (9, 2), (0, 0)),
        handin(4, 1, (3, 9), (9, 0)),
        handin(5, 1, (0, 9), (0, 0)),
        handin(6, 1, (5, 0), (0, 0)),
    ]);
    assert_eq!(room.len(), 6);
    assert_eq!(medians(&room, 0), (Some(3), Some(5)));
    assert_eq!(medians(&room, 1), (None, Some(2)));
    assert_eq!(medians(&room, 2), (None, None), "nobody answered C");
    let f = room.figures();
    assert_eq!(f[0].current.data_counts(), "1,0,1,1,1,1,1");
    assert_eq!(f[0].target.data_counts(), "0,1,0,0,2,2,1");
    assert_eq!(f[1].current, Distribution([0, 0, 0, 0, 0, 2, 4]));
    assert_eq!(f[1].target.data_counts(), "0,1,0,1,0,0,4");
    assert_eq!(f[2].current.data_counts(), "0,0,0,0,0,0,6");
    assert_eq!((f[0].id, f[8].id, f[0].sourcing), ("A", "I", [0, 0, 6]));
}

#[test]
fn the_last_made_wins_whatever_the_order_of_adding() {
    let early = handin(7, 100, (1, 2), (0, 0));
    let late = handin(7, 101, (4, 5), (0, 0));
    let other = handin(8, 50, (1, 2), (0, 0));
    let mut forward = Room::new();
    assert_eq!(forward.add(early.clone()), Ok(Added::New));
    assert_eq!(forward.add(late.clone()), Ok(Added::Replaced));
    assert_eq!(forward.add(late.clone()), Ok(Added::Same));
    let mut backward = Room::new();
    assert_eq!(backward.add(late.clone()), Ok(Added::New));
    assert_eq!(backward.add(early.clone()), Ok(Added::Older));
    assert_eq!(forward, backward);
    assert_eq!(medians(&forward, 0), (Some(4), Some(5)));
    // The same answers from another key: another participant.
    assert_eq!(forward.add(other), Ok(Added::New));
    assert_eq!(forward.len(), 2);
    assert!(Added::New.changed() && Added::Replaced.changed() && !Added::Same.changed() && !Added::Older.changed());
    // Two hand-ins made in the same second: the same one wins either way.
    let a = handin(9, 5, (2, 3), (0, 0));
    let b = handin(9, 5, (3, 3), (0, 0));
    let (ab, ba) = (room_of(&[a.clone(), b.clone()]), room_of(&[b.clone(), a]));
    assert_eq!(ab, ba);
    assert_eq!(ab.handins().next(), Some(&b), "the larger answer number");
}

#[test]
fn the_largest_gaps_come_first_ties_in_category_order() {
    let mut h = handin(1, 1, (1, 4), (2, 5));
    h.answers[2] = QuickEstimate { sourcing: None, current: s(3), target: s(5) };
    h.answers[3] = QuickEstimate { sourcing: None, current: s(4), target: s(2) };
    h.answers[4] = QuickEstimate { sourcing: None, current: s(3), target: s(9) };
    let room = room_of(&[h]);
    let gaps: Vec<(&str, i8)> = room.gaps().iter().map(|g| (g.id, g.gap())).collect();
    assert_eq!(gaps, [("A", 3), ("B", 3), ("C", 2), ("D", -2)]);
    assert!(Room::new().gaps().is_empty());
}

#[test]
fn a_quick_check_of_the_medians_and_the_sourcing_most_gave() {
    let mut hs = vec![handin(1, 1, (2, 4), (9, 9)), handin(2, 1, (3, 5), (9, 0)), handin(3, 1, (4, 9), (0, 0))];
    for (h, (a, b)) in hs.iter_mut().zip([(1, 1), (1, 2), (2, 0)]) {
        let pick = |v| [None, Some(Sourcing::Insource), Some(Sourcing::Outsource)][v];
        h.answers[0].sourcing = pick(a);
        h.answers[1].sourcing = pick(b);
    }
    let taken = common::ts("2026-05-01T12:00:00Z");
    let quick = room_of(&hs).to_quick(taken.clone());
    assert_eq!(quick.taken, Some(taken));
    let a = quick.estimate("A");
    assert_eq!((a.sourcing, a.current, a.target), (Some(Sourcing::Insource), s(3), s(4)));
    // B: insource once, outsource once: a tie, unset; no integer but n/a given: n/a.
    let b = quick.estimate("B");
    assert_eq!((b.sourcing, b.current, b.target), (None, s(9), s(9)));
    assert!(!quick.categories.contains_key("C"), "nothing given: no estimate");
    assert_eq!(quick.categories.len(), 2);
}

#[test]
fn the_csv_has_a_row_per_participant_and_no_key() {
    let mut h = handin(0xabcdef, 1, (2, 9), (0, 5));
    h.answers[0].sourcing = Some(Sourcing::Outsource);
    let room = room_of(&[handin(0xfffff, 1, (1, 1), (1, 1)), h]);
    let csv = room.csv();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    let mut header = "\u{feff}participant".to_owned();
    for c in "ABCDEFGHI".chars() {
        header.push_str(&format!(",{c}_sourcing,{c}_current,{c}_target"));
    }
    assert_eq!(lines[0], header);
    let blank = ",,,".repeat(7);
    assert_eq!(lines[1], format!("1,,1,1,,1,1{blank}"));
    assert_eq!(lines[2], format!("2,outsource,2,n/a,,,5{blank}"));
    assert_eq!(lines[3], "");
    assert_eq!(lines.len(), 4);
    assert!(!csv.to_lowercase().contains("abcdef"), "no participant key");
}

#[test]
fn the_room_kept_in_the_browser_reads_back() {
    let room = room_of(&[handin(1, 9, (1, 2), (3, 4)), handin(2, 9, (5, 9), (0, 0))]);
    let text = room.write();
    let codes: Vec<String> = room.handins().map(encode).collect();
    assert_eq!(text, format!(r#"{{"format":"x1060-room","handins":["{}","{}"],"version":1}}"#, codes[0], codes[1]));
    assert_eq!(Room::read(&text), Ok(room.clone()));
    assert_eq!(Room::read(&Room::new().write()), Ok(Room::new()));
    let mut cleared = room.clone();
    cleared.clear();
    assert!(cleared.is_empty() && !room.is_empty(), "a clone kept for undo is untouched");
}

#[test]
fn a_damaged_room_text_is_refused_whole() {
    let code = encode(&handin(1, 1, (1, 1), (1, 1)));
    let doc = |handins: &str| format!(r#"{{"format":"x1060-room","version":1,"handins":{handins}}}"#);
    let cases = [
        ("{\"format\":", RoomReadError::NotJson),
        ("[]", RoomReadError::Foreign),
        (r#"{"format":"x1060-workshop","version":1}"#, RoomReadError::Foreign),
        (r#"{"format":"x1060-room","version":2,"handins":[]}"#, RoomReadError::Newer { version: 2 }),
        (r#"{"format":"x1060-room","version":"1","handins":[]}"#, RoomReadError::Bad { path: "version".into() }),
        (r#"{"format":"x1060-room","version":1}"#, RoomReadError::Bad { path: "handins".into() }),
        (&doc(&format!(r#"["{code}", 7]"#)), RoomReadError::Bad { path: "handins[1]".into() }),
        (
            &doc(&format!(r#"["{code}", "{}"]"#, &code[..32])),
            RoomReadError::HandIn { index: 1, error: HandInError::Damaged },
        ),
    ];
    for (text, error) in cases {
        assert_eq!(Room::read(text), Err(error), "{text}");
    }
    let many = vec![format!("\"{code}\""); Room::MAX_PARTICIPANTS + 1].join(",");
    assert_eq!(Room::read(&doc(&format!("[{many}]"))), Err(RoomReadError::TooMany { count: 5001, max: 5000 }));
    let e = RoomReadError::HandIn { index: 1, error: HandInError::Damaged };
    assert_eq!(
        e.message(Lang::En),
        "The room kept in this browser could not be read: hand-in 2 cannot be read (This hand-in is damaged: a character is wrong, missing or extra. Scan the QR code again, or copy the whole code again.). It is left as it is; nothing was changed."
    );
    assert_eq!(
        RoomReadError::Newer { version: 3 }.message(Lang::Ja),
        "このブラウザに保存されていたルームを読み込めませんでした：新しい版のアプリで保存されています（3）。そのまま残してあり、何も変更していません。"
    );
    assert_eq!(
        RoomReadError::TooMany { count: 5001, max: 5000 }.message(Lang::En),
        "The room kept in this browser could not be read: it holds 5001 hand-ins, more than the 5000 a room holds. It is left as it is; nothing was changed."
    );
}

#[test]
fn a_full_room_takes_no_one_new_but_still_takes_replacements() {
    let mut room = Room::new();
    for k in 0..Room::MAX_PARTICIPANTS as u64 {
        assert_eq!(room.add(handin(k, 1, (1, 1), (0, 0))), Ok(Added::New));
    }
    let full = RoomFull { max: 5000 };
    assert_eq!(room.add(handin(99_999, 1, (1, 1), (0, 0))), Err(full));
    assert_eq!(room.add(handin(3, 2, (5, 5), (0, 0))), Ok(Added::Replaced));
    assert_eq!(room.len(), 5000);
    assert_eq!(full.message(Lang::En), "The room is full: it holds at most 5000 participants. Nothing was added.");
    assert_eq!(full.message(Lang::Ja), "ルームがいっぱいです（参加者は最大 5000 人）。追加しませんでした。");
}

#[test]
fn five_hundred_hand_ins_in_any_order_give_the_figures_computed_by_sorting() {
    // Participant k hands in twice; the later one (made k + 1000) has the answers kept.
    let answer = |k: u64, c: usize, side: u64| ((k * 7 + c as u64 * 3 + side * 5) % 8) as u8;
    let make = |k: u64, made: u32, shift: u64| {
        let mut answers: [QuickEstimate; 9] = Default::default();
        for (c, a) in answers.iter_mut().enumerate() {
            let v = |side| match answer(k + shift, c, side) {
                7 => 9,
                6 => 0,
                v => v,
            };
            *a = QuickEstimate { sourcing: None, current: s(v(0)), target: s(v(1)) };
        }
        HandIn { key: key(k * 0x9e37_79b9 % (1 << 48)), made, answers }
    };
    let mut all: Vec<HandIn> = (0..500).flat_map(|k| [make(k, k as u32, 3), make(k, k as u32 + 1000, 0)]).collect();
    let forward = room_of(&all);
    all.reverse();
    assert_eq!(room_of(&all), forward);
    assert_eq!(forward.len(), 500);
    for (c, f) in forward.figures().iter().enumerate() {
        for (side, d) in [(0, f.current), (1, f.target)] {
            let mut values: Vec<u8> = (0..500).map(|k| answer(k, c, side)).filter(|v| (1..=5).contains(v)).collect();
            values.sort_unstable();
            let expected = (!values.is_empty()).then(|| values[(values.len() - 1) / 2]);
            assert_eq!(d.median().map(Rating::value), expected, "category {c}, side {side}");
            let count = |x: u8| (0..500).filter(|&k| answer(k, c, side) == x).count();
            let counts = [count(1), count(2), count(3), count(4), count(5), count(7), count(6) + count(0)];
            assert_eq!(d.0, counts);
        }
    }
}

#[test]
fn pasted_text_is_read_word_by_word_with_its_line() {
    let one = encode(&handin(1, 1, (1, 1), (0, 0)));
    let two = room::link("https://example.org/", &handin(2, 1, (2, 2), (0, 0)));
    let text = format!("{one}  hello\r\n\n\t{two}\n{}", &one[..30]);
    let read: Vec<(usize, Result<u64, HandInError>)> =
        read_pasted(&text).into_iter().map(|p| (p.line, p.result.map(|h| h.key.value()))).collect();
    assert_eq!(read, [(1, Ok(1)), (1, Err(HandInError::NotAHandIn)), (3, Ok(2)), (4, Err(HandInError::Damaged))]);
    assert!(read_pasted(" \n ").is_empty());
}
