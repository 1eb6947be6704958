"""WCAG 2.x relative luminance and contrast ratio of sRGB colours written as #rrggbb.

Written out here (a dozen lines of the standard's formula) rather than taken from a library:
the few contrast packages on PyPI are unmaintained or pull in a whole colour-science stack.
"""

from __future__ import annotations

TEXT_MINIMUM = 4.5  # WCAG 1.4.3, normal text
GRAPHIC_MINIMUM = 3.0  # WCAG 1.4.11, parts of graphics and interface components


def channels(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def readable_on(background: str) -> str:
    """Black or white, whichever has the higher contrast on `background` (always ≥ 4.58:1)."""
    return "#000000" if contrast_ratio("#000000", background) >= contrast_ratio("#ffffff", background) else "#ffffff"
