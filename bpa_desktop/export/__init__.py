"""Renderers for what people print or hand to other systems.

Pure functions from plain input dataclasses to bytes (optionally also written to a path):
no storage, no Qt. Import the module you need; ReportLab loads only with the PDF ones.
- rota_pdf: `RotaDocument` -> turnus PDF (landscape A4, four weeks a page)
- timesheet_pdf: `TimesheetDocument` -> timeliste PDF (portrait A4)
- ical: one assistant's shifts -> .ics
- payroll: `PayrollLine`s -> Visma Lønn import file, plain CSV
"""
