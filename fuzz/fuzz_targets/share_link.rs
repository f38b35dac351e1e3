//! Share links (`#share=v1.<share::base64url(zlib(document))>`) are untrusted input too:
//! `share::decode` must never panic, and a link it reads must survive `encode` then
//! `decode`. The first byte picks how the rest becomes a link: as text, as base64url
//! of arbitrary bytes (so the inflater sees junk), or as base64url of a real zlib
//! stream of the rest (so the document reaches every check of `exchange::read`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use miniz_oxide::deflate::compress_to_vec_zlib;
use x1060_assess::model::share::{self, ShareError};
use x1060_assess::model::Lang;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let link = match mode % 4 {
        0 => String::from_utf8_lossy(rest).into_owned(),
        1 => format!("share=v1.{}", share::base64url(rest)),
        2 => format!("https://example.invalid/app/#share=v1.{}", share::base64url(&compress_to_vec_zlib(rest, 1))),
        _ => format!("share=v1.{}", share::base64url(&compress_to_vec_zlib(rest, 6))),
    };
    match share::decode(&link) {
        Ok(a) => match share::encode(&a) {
            Ok(again) => assert_eq!(share::decode(&again).as_ref(), Ok(&a), "share round trip changed it"),
            Err(ShareError::TooLong { .. } | ShareError::TooLarge) => {}
            Err(e) => panic!("encode failed: {e:?}"),
        },
        Err(e) => {
            for lang in [Lang::En, Lang::Ja] {
                assert!(!e.message(lang).trim().is_empty());
            }
        }
    }
});
