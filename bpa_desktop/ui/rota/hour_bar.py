"""A bar of the year's hours: worked and planned against what the vedtak grants, with a
marker where the year-end forecast lands (core.budget.hour_account)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from bpa_desktop.core.budget import HourAccount
from bpa_desktop.i18n import message
from bpa_desktop.ui.formatting import format_number
from bpa_desktop.ui.plain import text_label, tooltip
from bpa_desktop.ui.theme.apply import colour


class _Bar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account: HourAccount | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(400, int(self.fontMetrics().height() * 1.2))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.setBrush(self.palette().base())
        painter.drawRect(rect)
        account = self.account
        if account is None or account.granted <= 0:
            return
        used = account.start_balance + account.worked + account.unregistered  # unregistered counts as used
        scale = max(account.granted, account.forecast, used + account.planned) or 1.0
        width = rect.width() / scale
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour("hour_worked"))
        painter.drawRect(QRectF(rect.left(), rect.top(), used * width, rect.height()))
        painter.setBrush(colour("hour_planned"))
        painter.drawRect(QRectF(rect.left() + used * width, rect.top(), account.planned * width, rect.height()))
        granted_x = rect.left() + account.granted * width
        painter.setPen(QPen(self.palette().text().color(), 2))
        painter.drawLine(granted_x, rect.top() - 1, granted_x, rect.bottom() + 1)
        forecast_x = rect.left() + account.forecast * width
        painter.setPen(QPen(colour("hour_over") if account.forecast > account.granted else self.palette().text().color(), 2,
                            Qt.PenStyle.DashLine))
        painter.drawLine(forecast_x, rect.top() - 1, forecast_x, rect.bottom() + 1)


class HourBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = _Bar(self)
        self.text = text_label()
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.text)
        self.set_account(None)

    def set_account(self, account: HourAccount | None) -> None:
        self.bar.account = account
        self.bar.update()
        if account is None or account.granted <= 0:
            text = self.tr("No vedtak grants hours this year.")
        else:
            left = account.forecast_remaining
            verdict = (self.tr("%1 h left at year end").replace("%1", format_number(round(left)))
                       if left >= 0 else
                       self.tr("%1 h over the vedtak").replace("%1", format_number(round(-left))))
            text = self.tr("%1: granted %2 h · worked %3 h · planned %4 h · forecast %5 h (%6)").replace(
                "%1", str(account.year)).replace("%2", format_number(round(account.granted))).replace(
                "%3", format_number(round(account.worked + account.start_balance))).replace(
                "%4", format_number(round(account.planned))).replace(
                "%5", format_number(round(account.forecast))).replace("%6", verdict)
            if account.unregistered:
                text += " · " + message("ui_bar_unregistered", hours=format_number(round(account.unregistered)))
            if account.start_balance:
                text += " · " + message("ui_bar_start", hours=format_number(round(account.start_balance)))
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.bar.setAccessibleName(text)
        self.bar.setToolTip(tooltip(
            self.tr("Dark: worked, light: planned, solid line: granted, dashed line: forecast")))
