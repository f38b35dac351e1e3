//! SHA-256 fingerprints as the page computes them, piece by piece: known vectors, any
//! cut of the data gives the same digest, and a fixture file gives what `sha256sum`
//! prints for it.

use x1060_assess::model::{Fingerprint, Hasher};

/// `tests/fixtures/evidence-sample.bin`: 2,845 bytes (every byte value eleven times,
/// CR LF, text, NUL and 0xFF).
const FIXTURE: &[u8] = include_bytes!("fixtures/evidence-sample.bin");

/// `sha256sum tests/fixtures/evidence-sample.bin`, as printed (coreutils 9).
const FIXTURE_SHA256SUM: &str = "f2091b02b159ceb7eb1c2ccc232fb863cbb92acfc2aceca33d68b90475184bef";

fn hex(data: &[u8]) -> String {
    Fingerprint::of(data).to_hex()
}

#[test]
fn known_vectors() {
    // FIPS 180-2 examples, and `printf '' | sha256sum`.
    assert_eq!(hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_eq!(hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_eq!(
        hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    // The contract's example digest is that of "test".
    assert_eq!(hex(b"test"), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
}

#[test]
fn a_mebibyte_fed_in_uneven_pieces_gives_the_one_shot_digest() {
    let data = vec![b'a'; 1 << 20];
    // `head -c 1048576 /dev/zero | tr '\0' a | sha256sum`
    let expected = "9bc1b2a288b26af7257a36277ae3816a7d4f16e89c1e7e77d0a5c48bad62b360";
    assert_eq!(hex(&data), expected);
    // Pieces of 1, 63, 64, 65, 4095 ... bytes: across block boundaries every way.
    let sizes = [1usize, 63, 64, 65, 4095, 4096, 4097, 65_536, 1, 0, 99_999];
    let mut hasher = Hasher::new();
    let mut at = 0;
    for size in sizes.iter().cycle() {
        if at == data.len() {
            break;
        }
        let end = (at + size).min(data.len());
        hasher.update(&data[at..end]);
        at = end;
    }
    assert_eq!(hasher.bytes(), 1 << 20);
    assert_eq!(hasher.finish().to_hex(), expected);
}

#[test]
fn the_fixture_file_gives_what_sha256sum_prints() {
    assert_eq!(FIXTURE.len(), 2845);
    assert_eq!(hex(FIXTURE), FIXTURE_SHA256SUM);
    // As the page reads it: in pieces of 1 KiB.
    let mut hasher = Hasher::new();
    for piece in FIXTURE.chunks(1024) {
        hasher.update(piece);
    }
    assert_eq!(hasher.finish(), Fingerprint::parse(FIXTURE_SHA256SUM).expect("a digest"));
    // One byte changed: another digest.
    let mut changed = FIXTURE.to_vec();
    changed[1000] ^= 1;
    assert_ne!(hex(&changed), FIXTURE_SHA256SUM);
}
