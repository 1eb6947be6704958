"""Fail unless FILE.png is a real screenshot: a window-sized image with more than a handful of
colours (a blank or all-black grab means the platform plugin drew nothing)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage


def main(path: str) -> int:
    image = QImage(path)
    if image.isNull():
        print(f"{path}: no image", file=sys.stderr)
        return 1
    step = max(1, image.width() // 64)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
    print(f"{path}: {image.width()}x{image.height()}, {len(colours)} colours sampled")
    if image.width() < 640 or image.height() < 400 or len(colours) < 8:
        print(f"{path}: looks blank", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
