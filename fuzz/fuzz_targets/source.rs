//! Arbitrary bytes as a source file. The first byte picks the options and
//! the syntax (TSX, JSX, TS, JS); the rest, when UTF-8, is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(init: common::init(), |data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(rest) else {
        return;
    };
    let options = common::options(selector);
    let filename = common::FILE_NAMES[(selector as usize / 8) % common::FILE_NAMES.len()];
    common::check(source, filename, &options);
});
