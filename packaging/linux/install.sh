#!/usr/bin/env bash
# Installs this Dealboard bundle for the current user: the program in ~/.local/opt/dealboard,
# a `dealboard` command in ~/.local/bin, and the menu entry, icons and AppStream metadata.
#   ./install.sh            install or update
#   ./install.sh --remove   uninstall (your databases in ~/.local/share/Dealboard stay)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
target="$prefix/opt/dealboard"
id=org.dealboard.Dealboard

remove() {
  rm -rf "$target"
  rm -f "$prefix/bin/dealboard" "$prefix/share/applications/$id.desktop" \
    "$prefix/share/metainfo/$id.metainfo.xml"
  find "$prefix/share/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
}

if [ "${1:-}" = "--remove" ]; then
  remove
  echo "Dealboard removed."
  exit 0
fi

remove
mkdir -p "$target" "$prefix/bin"
cp -a "$here/." "$target/"
ln -sf "$target/dealboard" "$prefix/bin/dealboard"
cp -a "$here/share/." "$prefix/share/"
# The menu entry runs the installed program by its full path: ~/.local/bin may not be on PATH.
sed -i "s|^Exec=dealboard|Exec=$target/dealboard|" "$prefix/share/applications/$id.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "Dealboard installed: $target (command: $prefix/bin/dealboard)"
