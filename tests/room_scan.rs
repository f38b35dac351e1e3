//! The room's camera reads hand-in QR codes in the page (src/scan.rs, with rqrr): here
//! natively, on the very QR codes the app draws for hand-in links (the modules of
//! `model::room::qr::link_qr`, as `chart::qr::qr_code_path` draws them), rasterised
//! to grey or RGBA pictures as a camera might give them.

use x1060_assess::chart::qr::qr_code_path;
use x1060_assess::model::room::qr::link_qr;
use x1060_assess::model::room::{decode, link, HandIn, ParticipantKey};
use x1060_assess::model::{CategoryId, QuickCheck, Rating, Score, Sourcing, Timestamp};
use x1060_assess::scan::{read_grey, read_rgba, MAX_SIDE};

const BASE: &str = "https://example.org/tools/x1060/";

/// A participant's hand-in with a few answers of every kind.
fn handin() -> HandIn {
    let mut quick = QuickCheck::new(Timestamp::from_unix_millis(1_777_629_600_000));
    let rated = |v| Some(Score::Rated(Rating::new(v).expect("1..5")));
    for (id, sourcing, current, target) in [
        ("A", Some(Sourcing::Insource), rated(2), rated(4)),
        ("C", Some(Sourcing::Outsource), rated(3), Some(Score::NotApplicable)),
        ("I", None, rated(5), rated(5)),
    ] {
        quick.edit(&CategoryId::parse(id).expect("id"), |e| {
            e.sourcing = sourcing;
            e.current = current;
            e.target = target;
        });
    }
    HandIn::new(ParticipantKey::from_bytes([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]), 199_792_800, &quick)
}

/// A grey picture of `width` × `height` (background `paper`) with the QR code of
/// `text` drawn at (`left`, `top`), `scale` pixels a module, with its quiet zone of
/// four modules: the dark modules read from the app's SVG path, as the page draws them.
fn picture(text: &str, width: usize, height: usize, left: usize, top: usize, scale: usize, paper: u8) -> Vec<u8> {
    let qr = qr_code_path(&link_qr(text).expect("fits a QR code"));
    let side = qr.size as usize;
    let mut dark = vec![false; side * side];
    // The path is "M{x} {y}h1v1h-1z" per dark module.
    for module in qr.path.split('M').filter(|m| !m.is_empty()) {
        let xy: Vec<usize> =
            module.trim_end_matches("h1v1h-1z").split(' ').map(|n| n.parse().expect("number")).collect();
        dark[xy[1] * side + xy[0]] = true;
    }
    let mut grey = vec![paper; width * height];
    let quiet = 4 * scale;
    for y in 0..(side * scale + 2 * quiet) {
        for x in 0..(side * scale + 2 * quiet) {
            let (mx, my) = ((x as isize - quiet as isize), (y as isize - quiet as isize));
            let on = mx >= 0
                && my >= 0
                && (mx as usize) < side * scale
                && (my as usize) < side * scale
                && dark[(my as usize / scale) * side + mx as usize / scale];
            grey[(top + y) * width + left + x] = if on { 20 } else { 235 };
        }
    }
    grey
}

#[test]
fn the_qr_code_the_app_draws_for_a_hand_in_link_reads_back_as_the_hand_in() {
    let handin = handin();
    let address = link(BASE, &handin);
    let grey = picture(&address, 400, 300, 60, 40, 5, 128);
    let read = read_grey(400, 300, &grey);
    assert_eq!(read, vec![address.clone()]);
    assert_eq!(decode(&read[0]), Ok(handin));
}

#[test]
fn rgba_frames_read_as_grey_ones_do() {
    let address = link(BASE, &handin());
    let grey = picture(&address, 320, 240, 20, 10, 4, 90);
    // A tinted frame: the QR code's light modules bluish, its dark ones reddish.
    let rgba: Vec<u8> = grey.iter().flat_map(|&g| [g, g.saturating_sub(10), g.saturating_add(15), 255]).collect();
    assert_eq!(read_rgba(320, 240, &rgba), vec![address]);
}

#[test]
fn a_frame_larger_than_the_reading_size_is_read_at_fewer_pixels() {
    let address = link(BASE, &handin());
    let (w, h) = (MAX_SIDE * 2, MAX_SIDE * 3 / 2);
    let grey = picture(&address, w, h, 300, 200, 12, 200);
    assert_eq!(read_grey(w, h, &grey), vec![address]);
}

#[test]
fn pictures_without_a_code_or_with_too_few_bytes_read_as_nothing() {
    assert_eq!(read_grey(64, 48, &vec![128; 64 * 48]), Vec::<String>::new());
    assert_eq!(read_grey(64, 48, &[0; 10]), Vec::<String>::new());
    assert_eq!(read_rgba(64, 48, &vec![0; 64 * 48 * 3]), Vec::<String>::new());
    assert_eq!(read_grey(0, 0, &[]), Vec::<String>::new());
    assert_eq!(read_rgba(usize::MAX, 2, &[]), Vec::<String>::new());
}

#[test]
fn the_path_of_a_qr_code_has_one_square_per_dark_module() {
    let qr = link_qr(&link(BASE, &handin())).expect("fits");
    let path = qr_code_path(&qr);
    assert_eq!(path.size, 33, "version 4 for an address of 32 characters");
    let dark = (0..qr.size()).flat_map(|y| (0..qr.size()).map(move |x| (x, y))).filter(|&(x, y)| qr.get_module(x, y));
    assert_eq!(path.path.matches('M').count(), dark.count());
}
