//! QR codes for the quick check's handout.

use x1060_assess::chart::qr::qr_path;

#[test]
fn an_address_becomes_a_square_of_modules() {
    let qr = qr_path("https://example.org/tools/x1060/").expect("fits");
    assert_eq!(qr.size, 29, "version 3 at level M for 32 bytes");
    assert!(qr.path.starts_with("M0 0h1v1h-1z"), "the finder pattern's corner is dark");
    assert!(!qr.path.contains("M29 "), "no module outside the grid");
}

#[test]
fn the_same_text_gives_the_same_code() {
    assert_eq!(qr_path("http://127.0.0.1:8080/"), qr_path("http://127.0.0.1:8080/"));
}

#[test]
fn a_text_too_long_for_any_code_is_none() {
    assert_eq!(qr_path(&"x".repeat(5_000)), None);
}
