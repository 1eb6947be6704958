"""bpa-desktop: turnus, timesheets and the hour account for BPA arbeidsledere."""

__version__ = "0.1.0"
