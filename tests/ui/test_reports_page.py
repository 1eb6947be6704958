"""Rapporter over the demo: each report as chart and table from the Workspace's figures, and
the CSV export writes exactly the table."""

from __future__ import annotations

import csv

import pytest

from bpa_desktop.ui.reports.report_data import ABSENCE, COST, HOURS
from tests.ui.timesheet_helpers import open_page


def table(page) -> list[list[str]]:
    model = page.model
    return [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.mark.parametrize("kind", [COST, ABSENCE, HOURS])
def test_report_csv_matches_the_table(qtbot, demo_window, demo_today, tmp_path, kind):
    page = open_page(qtbot, demo_window, "rapporter", demo_today)
    page.is_loaded = False
    page.choose(kind, demo_today.year)
    qtbot.waitUntil(lambda: page.is_loaded and page.report is not None and page.report.kind == kind, timeout=15000)
    assert page.model.rowCount() > 0 and page.chart.chart().series()
    path = tmp_path / f"{kind}.csv"
    page.export_csv(path)
    qtbot.waitUntil(lambda: "lagret" in page.message.text(), timeout=15000)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle, delimiter=";"))
    headers = [page.model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    assert written == [headers] + table(page)


def test_hours_report_equals_the_workspace_figures(qtbot, demo_window, demo_workspace, demo_arrangement_id,
                                                   demo_today):
    page = open_page(qtbot, demo_window, "rapporter", demo_today)
    page.is_loaded = False
    page.choose(HOURS, demo_today.year)
    qtbot.waitUntil(lambda: page.is_loaded and page.report.kind == HOURS, timeout=15000)
    months = demo_workspace.reports.hours(demo_arrangement_id, demo_today.year)
    rows = table(page)
    assert rows[0][0] == "januar" and rows[-1][0] == "Sum"
    for month, row in zip(months, rows):
        assert row[1:4] == [f"{month.planned:.1f}".replace(".", ","), f"{month.worked:.1f}".replace(".", ","),
                            f"{month.granted:.1f}".replace(".", ",")]
    worked = page.chart.chart().series()[0].barSets()[1]
    assert [worked.at(i) for i in range(12)] == [m.worked for m in months]


def test_cost_report_totals(qtbot, demo_window, demo_workspace, demo_arrangement_id, demo_today):
    page = open_page(qtbot, demo_window, "rapporter", demo_today)
    page.is_loaded = False
    page.choose(COST, demo_today.year)
    qtbot.waitUntil(lambda: page.is_loaded and page.report.kind == COST, timeout=15000)
    costs = demo_workspace.reports.monthly_cost(demo_arrangement_id, demo_today.year)
    total = sum(c.total for c in costs if c.total is not None)
    assert table(page)[-1][4] == f"{total:.0f}"
