//! Raw bytes into the importer: never a panic, errors that say what and where,
//! and every accepted file survives `write` then `read` in both layouts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    x1060_assess_fuzz::check(data);
});
