"""Every colour the app paints: the palette of each theme (`palette.py`, no Qt), WCAG contrast
(`contrast.py`) and applying a theme to the application (`apply.py`)."""
