"""The Turnus page's parts: pattern grid model, undo commands, live checks, findings,
calendar of the rolled-out plan, hour bar, templates editor and approvals."""
