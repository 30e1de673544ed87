#!/usr/bin/env bash
# Build a Linux release tarball a researcher can install without Rust:
#   tools/package.sh                 # cargo build --release, then dist/crosscheck-VERSION-ARCH-linux.tar.gz
#   tools/package.sh --binary PATH   # package an already built binary (tests use this)
#   tools/package.sh --out DIR       # where the tarball goes (default: dist/)
# The tarball holds bin/crosscheck, the desktop entry, icon and MIME type, install.sh, README
# and LICENSE; `./install.sh` puts them under ~/.local (or --prefix).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=""
out="dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "package.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
arch=$(uname -m)
if [ -z "$binary" ]; then
  cargo build --release --locked
  binary=target/release/crosscheck
fi
[ -x "$binary" ] || { echo "package.sh: no executable at $binary" >&2; exit 1; }
name="crosscheck-${version}-${arch}-linux"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
install -Dm755 "$binary" "$root/bin/crosscheck"
install -Dm644 packaging/crosscheck.desktop "$root/share/applications/crosscheck.desktop"
install -Dm644 packaging/crosscheck.svg "$root/share/icons/hicolor/scalable/apps/crosscheck.svg"
install -Dm644 packaging/crosscheck-mime.xml "$root/share/mime/packages/crosscheck.xml"
install -Dm755 packaging/install.sh "$root/install.sh"
install -Dm644 README.md "$root/README.md"
install -Dm644 LICENSE "$root/LICENSE"
mkdir -p "$out"
tarball="$out/$name.tar.gz"
# Reproducible: sorted names, fixed owner and time.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00:00' \
  -C "$stage" -czf "$tarball" "$name"
( cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256" )
echo "$tarball"
