"""What Turnus asks before it rolls out: the breaches of the working-time rules the pattern still
has, and the days before today the period would fill with planned shifts. Nothing to ask: None."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from bpa_desktop.ui.formatting import format_date

translate = QCoreApplication.translate


def past_days(start: date, end: date, today: date) -> tuple[int, date | None]:
    """How many days of start..end lie before today, and the last of them."""
    last = min(end, today - timedelta(days=1))
    return (max((last - start).days + 1, 0), last if last >= start else None)


def roll_out_question(errors: int, start: date, end: date, today: date) -> str | None:
    parts = []
    if errors == 1:
        parts.append(translate("RolloutQuestions",
                               "The rota has 1 breach of the working-time rules (see the findings list)."))
    elif errors:
        parts.append(translate("RolloutQuestions",
                               "The rota has %1 breaches of the working-time rules (see the findings list).")
                     .replace("%1", str(errors)))
    days, last = past_days(start, end, today)
    if days == 1:
        parts.append(translate("RolloutQuestions", "The period starts on %1, before today: that day is in the past "
                               "and will be filled with planned shifts.").replace("%1", format_date(start)))
    elif days:
        parts.append(translate("RolloutQuestions", "The period starts on %1, before today: the %2 days from %1 to %3 "
                               "are in the past and will be filled with planned shifts.").replace(
            "%1", format_date(start)).replace("%2", str(days)).replace("%3", format_date(last)))
    if not parts:
        return None
    return "\n\n".join(parts + [translate("RolloutQuestions", "Roll out anyway?")])


def filled_past_text(start: date, end: date, today: date) -> str:
    """The sentence the roll-out's message adds when it filled days in the past ("" if none)."""
    days, last = past_days(start, end, today)
    if not days:
        return ""
    if days == 1:
        return " " + translate("RolloutQuestions", "1 day in the past (%1) was filled with planned shifts.").replace(
            "%1", format_date(start))
    text = translate("RolloutQuestions", "%1 days in the past (%2–%3) were filled with planned shifts.")
    return " " + text.replace("%1", str(days)).replace("%2", format_date(start)).replace("%3", format_date(last))


def ask_before_roll_out(page, question: str, go_on) -> None:
    """Ask `question` (Cancel is what Enter and Esc give); `go_on()` when the person rolls out anyway."""
    from PySide6.QtWidgets import QMessageBox

    from bpa_desktop.ui.dialogs.single import open_single
    from bpa_desktop.ui.plain import message_box

    box = message_box(QMessageBox.Icon.Warning, translate("RolloutQuestions", "Roll out the rota?"), question,
                      QMessageBox.StandardButton.NoButton, page)
    go = box.addButton(translate("RolloutQuestions", "Roll out &anyway"), QMessageBox.ButtonRole.AcceptRole)
    go.setAccessibleName(translate("RolloutQuestions", "Roll out anyway"))
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName(translate("RolloutQuestions", "Cancel"))
    box.setDefaultButton(cancel)  # the safe answer is the one Enter gives
    box.setEscapeButton(cancel)
    box.setAccessibleName(box.windowTitle())

    def closed(_result: int) -> None:
        if box.clickedButton() is go:
            go_on()
        else:
            page.show_message(translate("RolloutQuestions", "Not rolled out: the pattern is as you left it."))

    open_single(page, box, closed)
