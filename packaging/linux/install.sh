#!/bin/sh
# Install bpa-desktop from this unpacked folder for the current user (no root needed):
#   ./install.sh            the programs under ~/.local/opt, commands in ~/.local/bin,
#                           the menu entry, icons and AppStream data under ~/.local/share
#   ./install.sh --uninstall
# PREFIX (default ~/.local) moves all of it, e.g. PREFIX=/usr/local for every user (as root).
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="${PREFIX:-$HOME/.local}"
APP_ID=no.bpa_desktop.BpaDesktop
TARGET="$PREFIX/opt/bpa-desktop"
SHARE="$PREFIX/share"

uninstall() {
  rm -rf "$TARGET"
  rm -f "$PREFIX/bin/bpa-desktop" "$PREFIX/bin/bpa" "$SHARE/applications/$APP_ID.desktop" \
    "$SHARE/metainfo/$APP_ID.metainfo.xml" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
  for png in "$SHARE"/icons/hicolor/*/apps/$APP_ID.png; do rm -f "$png"; done
}

if [ "${1:-}" = "--uninstall" ]; then
  uninstall
  echo "bpa-desktop is removed (your data folder is left as it was)."
  exit 0
fi

uninstall  # an earlier version's files go first, so nothing old is left beside the new
mkdir -p "$TARGET" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/icons/hicolor/scalable/apps"
cp -R "$HERE/bpa-desktop" "$HERE/bpa" "$HERE/_internal" "$TARGET/"
ln -sf "$TARGET/bpa-desktop" "$PREFIX/bin/bpa-desktop"
ln -sf "$TARGET/bpa" "$PREFIX/bin/bpa"
# The menu entry starts the installed program by its full path (~/.local/bin may not be on PATH).
sed "s|^Exec=bpa-desktop|Exec=$TARGET/bpa-desktop|" "$HERE/share/$APP_ID.desktop" >"$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp "$HERE/share/icons/$APP_ID.svg" "$SHARE/icons/hicolor/scalable/apps/"
for size_dir in "$HERE"/share/icons/hicolor/*; do
  size="$(basename "$size_dir")"
  mkdir -p "$SHARE/icons/hicolor/$size/apps"
  cp "$size_dir/apps/$APP_ID.png" "$SHARE/icons/hicolor/$size/apps/"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "bpa-desktop is installed in $TARGET; start it from the menu or with $PREFIX/bin/bpa-desktop."
