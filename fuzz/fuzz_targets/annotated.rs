//! An article body and its notes' quotes (valid front matter around them),
//! through mention finding and note weaving, with a small dossier.
#![no_main]

use std::sync::LazyLock;

use dossier::fuzzing::SmallDossier;
use libfuzzer_sys::fuzz_target;

static WORKSPACE: LazyLock<SmallDossier> =
    LazyLock::new(|| SmallDossier::new().expect("a temporary folder"));

fuzz_target!(|data: &[u8]| WORKSPACE.annotated(data));
