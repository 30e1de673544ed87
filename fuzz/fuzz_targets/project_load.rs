//! The project loader: any bytes are a project or an error, never a panic; a project that
//! loads saves to text that loads again to the same project.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok((project, _warnings)) = crosscheck::project::parse(text, Path::new("fuzz.ron")) else {
        return;
    };
    let saved = crosscheck::project::to_ron(&project);
    let again = crosscheck::project::from_ron(&saved, Path::new("saved.ron"));
    match again {
        Ok(p) => assert_eq!(p, project, "save then load changed the project"),
        Err(e) => panic!("a project that loaded does not load after saving: {e}\n{saved}"),
    }
});
