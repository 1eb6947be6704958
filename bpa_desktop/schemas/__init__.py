"""JSON schemas shipped with bpa-desktop (bpa-shifts/1, bpa-plan/1)."""
