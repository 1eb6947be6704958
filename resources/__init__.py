"""Data files shipped with bpa-desktop (installed as the package bpa_desktop.resources)."""
