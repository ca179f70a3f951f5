//! A note's quote located in blocks of text, and explained when not found.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dossier::fuzzing::quote(data));
