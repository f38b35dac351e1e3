//! Structured input: a JSON document shaped like the exchange format (valid field
//! names and values mixed with near misses, hostile text, odd numbers, duplicate
//! keys, deep nesting, huge arrays and strings), rendered to bytes and checked
//! with the same oracle as `import`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use x1060_assess_fuzz::{check, render, Input};

fuzz_target!(|input: Input| {
    check(&render(&input));
});
