#!/usr/bin/env bash
# Build the Linux bundle: dist/bpa-desktop/ (the frozen GUI `bpa-desktop` and CLI `bpa`, with
# install.sh, the menu entry, icons and AppStream data) and dist/bpa-desktop-VERSION-linux-x86_64.tar.gz.
#   packaging/build-linux.sh [PYTHON]   PYTHON: a venv's python with bpa-desktop[receiver]
#                                       installed (default .venv/bin/python); PyInstaller is added to it.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${1:-.venv/bin/python}"
APP_ID=no.bpa_desktop.BpaDesktop
"$PYTHON" -m pip install -q 'pyinstaller>=6.10'
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/bpa-desktop.spec
BUNDLE=dist/bpa-desktop
mkdir -p "$BUNDLE/share/icons"
cp packaging/$APP_ID.desktop packaging/$APP_ID.metainfo.xml "$BUNDLE/share/"
cp resources/icons/$APP_ID.svg "$BUNDLE/share/icons/"
cp -R resources/icons/hicolor "$BUNDLE/share/icons/"
cp packaging/linux/install.sh LICENSE "$BUNDLE/"
VERSION="$("$PYTHON" -c 'import bpa_desktop; print(bpa_desktop.__version__)')"
tar -C dist -czf "dist/bpa-desktop-$VERSION-linux-x86_64.tar.gz" bpa-desktop
echo "Built $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)) and dist/bpa-desktop-$VERSION-linux-x86_64.tar.gz" \
  "($(du -h "dist/bpa-desktop-$VERSION-linux-x86_64.tar.gz" | cut -f1))" >&2
