#!/bin/sh
# Install Crosscheck from this unpacked release for the current user (default ~/.local) or
# system-wide (--prefix /usr/local, as root). Uninstall with --uninstall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME}/.local"
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) echo "usage: install.sh [--prefix DIR] [--uninstall]"; exit 0 ;;
    *) echo "install.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
files="bin/crosscheck share/applications/crosscheck.desktop share/icons/hicolor/scalable/apps/crosscheck.svg share/mime/packages/crosscheck.xml"
if [ "$action" = uninstall ]; then
  for f in $files; do rm -f "$prefix/$f"; done
  echo "Crosscheck removed from $prefix"
  exit 0
fi
install -Dm755 "$here/bin/crosscheck" "$prefix/bin/crosscheck"
install -Dm644 "$here/share/applications/crosscheck.desktop" "$prefix/share/applications/crosscheck.desktop"
install -Dm644 "$here/share/icons/hicolor/scalable/apps/crosscheck.svg" "$prefix/share/icons/hicolor/scalable/apps/crosscheck.svg"
install -Dm644 "$here/share/mime/packages/crosscheck.xml" "$prefix/share/mime/packages/crosscheck.xml"
# Refresh the desktop's caches where the tools exist; a missing tool is not an error.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/share/applications" || true
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$prefix/share/mime" >/dev/null 2>&1 || true
echo "Crosscheck installed in $prefix (run: $prefix/bin/crosscheck)"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Note: $prefix/bin is not on your PATH." ;; esac
