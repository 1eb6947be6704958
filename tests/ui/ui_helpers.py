"""Helpers for UI tests: a sample arrangement, keyboard input to whatever has focus, and controls
without an accessible name."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from bpa_desktop.core.model import (
    Arrangement,
    ArrangementSetup,
    Assistant,
    AssistantKind,
    EmployerKind,
    Vedtak,
)

VALID_ORG_NO = "974760673"  # an organisation number with a valid MOD11 check digit


def sample_setup(name: str = "Ola sin ordning") -> ArrangementSetup:
    year = date.today().year
    return ArrangementSetup(
        arrangement=Arrangement(
            id=None, name=name, recipient_name="Ola Nordmann", leader_name="Kari Nordmann",
            employer_kind=EmployerKind.MUNICIPALITY, employer_name="Testby kommune",
            employer_org_no=VALID_ORG_NO, municipality="Testby",
        ),
        vedtak=Vedtak(id=None, arrangement_id=None, hours_per_week=40, valid_from=date(year, 1, 1),
                      valid_to=date(year + 1, 12, 31), reference="2026/17"),
        assistants=(
            Assistant(id=None, arrangement_id=None, name="Per Hansen", employee_no="1001",
                      employment_percent=80, kind=AssistantKind.PERMANENT, start_date=date(year - 1, 3, 1)),
        ),
    )


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def type_text(qtbot, text: str) -> None:
    """Type into whatever has focus, as a person would."""
    qtbot.keyClicks(focused(), text)


def press(qtbot, key, modifier=None) -> None:
    qtbot.keyClick(focused(), key, modifier or Qt.KeyboardModifier.NoModifier)


def replace_text(qtbot, text: str) -> None:
    """Select all in the focused field and type over it."""
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, text)


INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTabBar,
               QTextEdit)
COMPOUND = (QComboBox, QAbstractSpinBox)  # their inner line edit / list belong to them


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible, Tab-reachable controls under `root` without an accessible name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(parent, COMPOUND):
                inner = True
                break
            parent = parent.parentWidget()
        if not inner and not widget.accessibleName().strip():
            text = widget.text() if hasattr(widget, "text") else ""
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} text={text!r}")
    return missing
