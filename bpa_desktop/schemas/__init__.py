"""JSON schemas shipped with bpa-desktop (bpa-shifts/1)."""
