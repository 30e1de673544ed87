//! The release tarball a researcher installs without Rust: `tools/package.sh` packs the built
//! binary with its desktop entry, icon and MIME type; the tarball's `install.sh` puts them
//! under a prefix, the installed binary runs, and `--uninstall` removes them again.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::path::Path;
use std::process::Command;

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_tarball_installs_runs_and_uninstalls() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let dist = tmp.path().join("dist");
    let printed = run(Command::new(root.join("tools/package.sh"))
        .arg("--binary")
        .arg(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("--out")
        .arg(&dist));
    let tarball = Path::new(printed.trim());
    assert!(tarball.exists(), "{printed}");
    let sum = std::fs::read_to_string(format!("{}.sha256", tarball.display())).unwrap();
    assert!(sum.contains(".tar.gz"), "{sum}");

    let unpack = tmp.path().join("unpack");
    std::fs::create_dir(&unpack).unwrap();
    run(Command::new("tar")
        .arg("-xzf")
        .arg(tarball)
        .arg("-C")
        .arg(&unpack));
    let top = std::fs::read_dir(&unpack)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    for f in ["bin/crosscheck", "install.sh", "README.md", "LICENSE"] {
        assert!(top.join(f).exists(), "{f} missing from the tarball");
    }
    let desktop =
        std::fs::read_to_string(top.join("share/applications/crosscheck.desktop")).unwrap();
    for key in [
        "[Desktop Entry]",
        "Type=Application",
        "Exec=crosscheck",
        "Icon=crosscheck",
    ] {
        assert!(desktop.contains(key), "desktop entry lacks {key}");
    }

    let prefix = tmp.path().join("prefix");
    run(Command::new(top.join("install.sh"))
        .arg("--prefix")
        .arg(&prefix));
    let installed = prefix.join("bin/crosscheck");
    let version = run(Command::new(&installed).arg("--version"));
    assert!(version.contains(env!("CARGO_PKG_VERSION")), "{version}");
    assert!(
        prefix
            .join("share/icons/hicolor/scalable/apps/crosscheck.svg")
            .exists()
    );
    assert!(
        prefix
            .join("share/applications/crosscheck.desktop")
            .exists()
    );

    run(Command::new(top.join("install.sh"))
        .arg("--prefix")
        .arg(&prefix)
        .arg("--uninstall"));
    assert!(!installed.exists());
}
