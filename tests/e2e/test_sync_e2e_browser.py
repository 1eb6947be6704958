"""End to end, as people use it: the arbeidsleder connects the demo arrangement to the real
receiver (uvicorn on loopback) on the Synk page; the sync worker pushes the queued timesheets;
a caseworker logs in to the staff page in headless Chromium (Playwright), accepts one timesheet
and rejects another with a reason; "Send nå" pulls the decisions and the Synk page shows
"Avvist" with the reason, the status bar "1 timeliste avvist – se Synk".

Screenshots (desktop window and browser) go to $BPA_SCREENSHOT_DIR (default
/tmp/bpa-sync-e2e-screenshots) for a human to look at.
"""

from __future__ import annotations

import os
import uuid
from collections import defaultdict
from pathlib import Path

from tests.sync.receiver_helpers import STAFF_PASSWORD, assert_log_has_no_personal_data, issue_code
from tests.ui.sync_ui_helpers import column, open_window, show_sync_page

SCREENSHOTS = Path(os.environ.get("BPA_SCREENSHOT_DIR", "/tmp/bpa-sync-e2e-screenshots"))
REASON = "Kveldstillegget mangler for den 14. – rett og send på nytt."


def shoot_window(window, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # let the layout take the new texts in
    assert window.grab().save(str(SCREENSHOTS / f"{name}.png"), "PNG")


def shoot_browser(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def two_first_versions_of_one_period(submissions):
    """A period with at least two employees that have only version 1 there."""
    versions = defaultdict(list)
    for info in submissions:
        versions[(info.period, info.employee_no)].append(info)
    by_period = defaultdict(list)
    for (period, _employee), infos in sorted(versions.items()):
        if len(infos) == 1:
            by_period[period].append(infos[0])
    period, chosen = next((p, rows) for p, rows in sorted(by_period.items(), reverse=True) if len(rows) >= 2)
    return period, chosen[0], chosen[1]


def test_enrol_push_reject_in_the_browser_and_the_synk_page_shows_the_reason(
        qtbot, demo_workspace, demo_arrangement_id, memory_keyring, receiver_under_test, staff_web, _bokmal):
    live_receiver = receiver_under_test  # in CI: the deployed one (https, 4 workers, PostgreSQL)
    total = len(demo_workspace.sync.list_submissions(demo_arrangement_id))
    window = open_window(qtbot, demo_workspace)
    page = show_sync_page(qtbot, window)
    assert window.sync.worker is None  # nothing goes out before the arrangement is connected

    # Koble til kommunen: the address and the one-time code, typed into the dialog
    arrangement_name = f"Emils ordning {uuid.uuid4().hex[:6]}"
    code = issue_code(live_receiver.db_url, arrangement_name)
    dialog = page.open_enrol_dialog()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.url_field, live_receiver.base_url)
    qtbot.keyClicks(dialog.code_field, code)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=20_000)
    enrolment = demo_workspace.sync.enrolment(demo_arrangement_id)
    assert enrolment is not None and dialog.result_value.key_id == enrolment.key_id
    assert memory_keyring.items  # the secrets went to the (test) keyring, not to the database

    # the worker starts and pushes everything that waited
    qtbot.waitUntil(lambda: window.sync.worker is not None, timeout=10_000)
    qtbot.waitUntil(lambda: page.is_loaded and set(column(page, "state")) == {"Levert"}, timeout=60_000)
    assert page.model.rowCount() == total
    assert enrolment.key_id[:4] in page.enrolment_text.text()
    qtbot.waitUntil(lambda: window.sync_status.text().startswith("Synk: alt er sendt · sist sendt "))
    shoot_window(window, "1-desktop-delivered")

    # the caseworker decides in the browser
    period, accepted, rejected = two_first_versions_of_one_period(demo_workspace.sync.list_submissions(demo_arrangement_id))
    staff_web.log_in()
    staff_web.open_period(period)
    shoot_browser(staff_web.page, "2-browser-period-before")
    staff_web.accept(accepted.employee_no)
    staff_web.reject(rejected.employee_no, REASON)
    assert REASON in staff_web.page.get_by_role("row").filter(has_text=rejected.employee_no).inner_text()
    shoot_browser(staff_web.page, "3-browser-period-after")

    # "Send nå" pulls the decisions; the page shows the rejection with its reason
    page.send_button.click()
    qtbot.waitUntil(lambda: page.is_loaded and page.model.row_of(rejected.id) >= 0
                    and page.model.text(page.model.submission(page.model.row_of(rejected.id)), "state") == "Avvist",
                    timeout=30_000)
    row = page.model.submission(page.model.row_of(rejected.id))
    assert page.model.text(row, "reason") == REASON
    assert page.model.text(row, "decision").startswith("Avvist ")
    other = page.model.submission(page.model.row_of(accepted.id))
    assert page.model.text(other, "state") == "Godkjent"
    qtbot.waitUntil(lambda: window.sync_status.text().startswith("1 timeliste avvist – se Synk · Synk: alt er sendt"))
    page.select_submission(rejected.id)
    assert f"Avvist av kommunen: {REASON}" in page.detail.text()
    shoot_window(window, "4-desktop-rejected")

    worker = window.sync.worker
    window.close()  # the worker thread ends with the window
    assert window.sync.worker is None and not worker.running

    # The receiver's structured log names nobody: no arrangement, assistant or person names,
    # no employee numbers, no code, token or reason.
    arrangement = demo_workspace.people.get_arrangement(demo_arrangement_id)
    assistants = demo_workspace.people.list_assistants(demo_arrangement_id)
    people = [arrangement.name, arrangement.recipient_name, arrangement.leader_name, arrangement_name]
    people += [assistant.name for assistant in assistants]
    numbers = [assistant.employee_no for assistant in assistants if len(assistant.employee_no) >= 3]
    assert_log_has_no_personal_data(live_receiver.log_path, *people, *numbers, code, REASON, STAFF_PASSWORD,
                                    str(rejected.id))
