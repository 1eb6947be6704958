"""Oversikt over the demo: the hour account's numbers equal core.budget's, waiting timesheets
and this month's absence are listed, and Enter on a waiting timesheet opens it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from bpa_desktop.core.budget import hour_account
from bpa_desktop.ui.formatting import format_number
from tests.ui.timesheet_helpers import open_page


def test_hour_account_numbers_equal_the_core_computation(qtbot, demo_window, demo_workspace, demo_arrangement_id,
                                                         demo_today):
    page = open_page(qtbot, demo_window, "oversikt", demo_today)
    year = demo_today.year
    expected = hour_account(
        demo_workspace.vedtak.list_vedtak(demo_arrangement_id), year,
        demo_workspace.rota.list_planned_shifts(demo_arrangement_id, date(year, 1, 1), date(year, 12, 31)),
        demo_workspace.timesheets.list_worked_shifts(demo_arrangement_id, date(year, 1, 1), demo_today),
        demo_today, unregistered=page.data.unregistered,
    )
    assert page.data.account == expected
    for key, value in (("granted", expected.granted), ("worked", expected.worked), ("planned", expected.planned),
                       ("unregistered", expected.unregistered), ("remaining", expected.remaining),
                       ("forecast", expected.forecast)):
        text = page.values[key].text()
        assert text.startswith(f"{format_number(round(value))} t"), (key, text)
        assert text in page.values[key].accessibleName()
    # the chart shows the same figures as the labels
    bars = page.chart.chart().series()[0].barSets()
    assert [round(sum(bar_set.at(i) for i in range(bar_set.count()))) for bar_set in bars] == [
        round(expected.granted), round(expected.worked + expected.unregistered), round(expected.planned),
        round(expected.forecast)]


def test_waiting_lists_say_how_far_confirmed_and_list_only_what_can_be_attested(qtbot, demo_window, demo_workspace,
                                                                               demo_arrangement_id, demo_today):
    page = open_page(qtbot, demo_window, "oversikt", demo_today)
    names = {a.id: a.name for a in demo_workspace.people.list_assistants(demo_arrangement_id)}
    sheets = demo_workspace.timesheets.list_timesheets(demo_arrangement_id)
    drafts = sorted(names[t.assistant_id] for t in sheets if t.status.value == "draft")
    to_confirm = [page.to_confirm.item(i).text() for i in range(page.to_confirm.count())]
    assert sorted(t.split(" – ")[0] for t in to_confirm) == drafts
    assert any(t.startswith("Sara Nilsen") and "(bekreftet t.o.m. 19.05.2026)" in t for t in to_confirm)
    assert any("(ikke bekreftet)" in t for t in to_confirm)
    # on 20 May nothing can be attested: May is not over (the demo's past months are attested)
    assert [page.to_attest.item(i).text() for i in range(page.to_attest.count())] == ["Ingen"]
    month = demo_workspace.timesheets.list_absences(demo_arrangement_id, date(2026, 5, 1), date(2026, 5, 31))
    texts = [page.absence.item(i).text() for i in range(page.absence.count())]
    if month:
        assert len(texts) == len(month) and all(names[a.assistant_id] in " ".join(texts) for a in month)
    else:
        assert texts == ["Ikke noe fravær registrert i mai."]

    later = open_page(qtbot, demo_window, "oversikt", date(2026, 6, 2))  # May is over: attestable now
    to_attest = [later.to_attest.item(i).text() for i in range(later.to_attest.count())]
    assert sorted(t.split(" – ")[0] for t in to_attest) == drafts
    later.to_attest.setFocus()
    later.to_attest.setCurrentRow(0)
    qtbot.keyClick(later.to_attest, Qt.Key.Key_Return)
    timesheets = demo_window.pages["timelister"]
    assert demo_window.current_page is timesheets
    qtbot.waitUntil(lambda: timesheets.is_loaded and timesheets.view is not None
                    and timesheets.current_entry().assistant.name == to_attest[0].split(" – ")[0], timeout=15000)


def test_planned_but_not_registered_is_a_figure_and_a_list_that_jumps_to_the_day(qtbot, demo_window):
    after = date(2026, 6, 2)  # the demo registered the worked record up to 19 May
    page = open_page(qtbot, demo_window, "oversikt", after)
    shifts = page.data.unregistered
    assert shifts and all(date(2026, 5, 20) <= s.start.date() < after for s in shifts)
    assert page.data.account.unregistered == sum(s.hours for s in shifts)
    assert page.values["unregistered"].text().startswith(format_number(round(page.data.account.unregistered)))
    assert page.to_register.count() == len(shifts)
    page.to_register.setFocus()
    page.to_register.setCurrentRow(0)
    qtbot.keyClick(page.to_register, Qt.Key.Key_Return)
    timesheets = demo_window.pages["timelister"]
    first = shifts[0]
    qtbot.waitUntil(lambda: timesheets.is_loaded and timesheets.view is not None
                    and timesheets.current_entry().assistant.id == int(first.assistant)
                    and timesheets.detail.current_day() == first.start.date(), timeout=15000)
    assert timesheets.detail.days.hasFocus()


def test_vedtak_expiry_warning(qtbot, demo_window, demo_workspace, demo_arrangement_id):
    current = demo_workspace.vedtak.list_vedtak(demo_arrangement_id)[0]
    assert current.valid_to is not None
    before = current.valid_to.replace(day=1)
    page = open_page(qtbot, demo_window, "oversikt", before)
    assert page.warning.isVisible()
    assert current.valid_to.strftime("%d.%m.%Y") in page.warning.text()


def test_the_waiting_lists_wrap_long_lines_at_1280_px(qtbot, demo_window, demo_today):
    demo_window.resize(1280, 800)
    page = open_page(qtbot, demo_window, "oversikt", demo_today)
    qtbot.wait(50)  # the layout settles
    for widget in (page.to_confirm, page.to_attest, page.absence):
        assert not widget.horizontalScrollBar().isVisible()
        for row in range(widget.count()):
            item = widget.item(row)
            rect = widget.visualItemRect(item)
            needed = widget.fontMetrics().horizontalAdvance(item.text())
            # the whole text is on screen: on one line within the width, or wrapped onto more
            assert rect.right() <= widget.viewport().width()
            assert needed <= rect.width() or rect.height() > widget.fontMetrics().height() * 1.5, item.text()
