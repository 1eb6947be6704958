"""'Deling' on the Synk page: the other parties' links (bpa-sync/2).

For each assistant, and for the union representative and the employer contact: publish the
assistant's month or the current rota version to the receiver, make a personal link (shown
once as address, code and QR code, printable as a card: ui/sync/link_card_dialog.py), see
the links with their state and expiry, and revoke one. Answers that could not be applied
(kept, never dropped) are listed at the bottom. Everything reads and writes through
``ws.sync.sharing`` on the TaskRunner; what was made goes out on the next sync pass, which is
started at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.formatting import format_date
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import WriteOp
from bpa_desktop.ui.pages.base import paragraph
from bpa_desktop.ui.reports.table_model import TextTableModel, read_only_table
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named

APPROVERS = ("union_rep", "employer")


@dataclass
class SharingData:
    assistants: list  # (id, name)
    links: list
    refusals: list
    rota_id: int | None
    publications: list = ()


def read_sharing(workspace, arrangement_id: int) -> SharingData:
    assistants = [(a.id, a.name) for a in workspace.people.list_assistants(arrangement_id, include_ended=False)]
    rota = workspace.rota.current_rota(arrangement_id)
    sharing = workspace.sync.sharing
    return SharingData(assistants, sharing.links(arrangement_id), sharing.refusals(),
                       getattr(rota, "id", None), sharing.publications(arrangement_id))


def months_around(today: date, back: int = 2, ahead: int = 1) -> list[date]:
    index = today.year * 12 + today.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(index - back, index + ahead + 1)]


class SharingDialog(QDialog):
    def __init__(self, ctx, arrangement_id: int, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.arrangement_id = arrangement_id
        self.data: SharingData | None = None
        self.dialog = None  # the link card (tests look at it)
        self.last_link = None
        title = self.tr("Sharing with assistants and approvers")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)

        intro = paragraph(self.tr(
            "Publish an assistant's month or the rota version to the municipality's receiver, and give each "
            "person a personal link. On the link an assistant sees their own month and the rota's shifts, "
            "proposes changes and confirms the month; the union representative and the employer contact "
            "approve the rota version or comment. Answers come back on the next sync."))
        intro.setAccessibleName(intro.text())

        self.who = QComboBox()
        named(self.who, self.tr("Who"))
        self.month = QComboBox()
        named(self.month, self.tr("Month"))
        for first in months_around(today or date.today()):
            self.month.addItem(first.strftime("%Y-%m"), first)
        self.month.setCurrentIndex(self.month.count() - 2)
        self.days = QComboBox()
        named(self.days, self.tr("Valid for"))
        for days in (7, 30, 90):
            self.days.addItem(self.tr("%1 days").replace("%1", str(days)), days)
        self.days.setCurrentIndex(1)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Who"), self.who), self.who)
        form.addRow(buddy_label(self.tr("Mo&nth"), self.month), self.month)
        form.addRow(buddy_label(self.tr("&Valid for"), self.days), self.days)

        self.publish_month_button = button(self.tr("Publish &month"))
        self.publish_rota_button = button(self.tr("Publish &rota version"))
        self.link_button = button(self.tr("Make &link…"))
        actions = QHBoxLayout()
        for each in (self.publish_month_button, self.publish_rota_button, self.link_button):
            actions.addWidget(each)
        actions.addStretch(1)
        self.publish_month_button.clicked.connect(self.publish_month)
        self.publish_rota_button.clicked.connect(self.publish_rota)
        self.link_button.clicked.connect(self.make_link)

        self.model = TextTableModel(self)
        self.table = read_only_table(self.model, self.tr("Links"), self)
        self.revoke_button = button(self.tr("Revo&ke link"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.published = paragraph()
        self.published.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusals = paragraph()
        self.refusals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusals.hide()
        self.message = paragraph()
        self.message.hide()

        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.published)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.refusals)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumSize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)
        chain = (self.who, self.month, self.days, self.publish_month_button, self.publish_rota_button,
                 self.link_button, self.table, self.revoke_button, self.close_button)
        for before, after in zip(chain, chain[1:]):
            self.setTabOrder(before, after)
        self.who.currentIndexChanged.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.who.setFocus()
        self.load()

    # -- reading -----------------------------------------------------------------------------

    def load(self) -> None:
        self.ctx.runner.submit(read_sharing, self.ctx.workspace, self.arrangement_id,
                               on_done=self._loaded, on_error=self._failed, owner=self)

    def role_text(self, role: str) -> str:
        return {"assistant": self.tr("Assistant"), "union_rep": self.tr("Union representative"),
                "employer": self.tr("Employer contact")}[role]

    def state_text(self, state: str) -> str:
        return {"active": self.tr("Active"), "waiting": self.tr("Waiting to be sent"),
                "revoked": self.tr("Revoked"), "expired": self.tr("Expired")}[state]

    def _loaded(self, data: SharingData) -> None:
        self.data = data
        chosen = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        for assistant_id, name in data.assistants:
            self.who.addItem(name, ("assistant", assistant_id, name))
        self.who.addItem(self.role_text("union_rep"), ("union_rep", None, self.tr("Union representative")))
        self.who.addItem(self.role_text("employer"), ("employer", None, self.tr("Employer contact")))
        index = self.who.findData(chosen) if chosen is not None else 0
        self.who.setCurrentIndex(max(index, 0))
        self.who.blockSignals(False)
        names = dict(data.assistants)
        rows = [[link.label if link.assistant_id is None else names.get(link.assistant_id, link.label),
                 self.role_text(link.role), self.state_text(link.state()), format_date(link.expires_at.date())]
                for link in data.links]
        self.model.set_table([self.tr("For"), self.tr("Role"), self.tr("State"), self.tr("Valid until")], rows,
                             objects=data.links, muted=[i for i, link in enumerate(data.links)
                                                        if link.state() in ("revoked", "expired")])
        self.published.setText(self.published_text(data, names))
        self.published.setAccessibleName(self.published.text())
        if data.refusals:
            lines = [self.tr("Answers that could not be applied (kept):")]
            lines += [f"{format_date(r.at.date())}: {r.reason}" for r in data.refusals]
            self.refusals.setText("\n".join(lines))
            self.refusals.setAccessibleName(self.refusals.text())
        self.refusals.setVisible(bool(data.refusals))
        self._update_buttons()

    def published_text(self, data: SharingData, names: dict) -> str:
        """The latest publication of each month and of the rota, and whether the receiver has it."""
        latest = {}
        for info in data.publications:  # oldest first: the last one of each kind and person wins
            latest[(info.kind, info.assistant_id, info.period_start)] = info
        if not latest:
            return self.tr("Nothing published yet.")
        parts = []
        for info in latest.values():
            what = (self.tr("%1's month %2").replace("%1", names.get(info.assistant_id, "?"))
                    .replace("%2", info.period_start.strftime("%Y-%m")) if info.kind == "month"
                    else self.tr("the rota version"))
            state = self.tr("at the receiver") if info.sent_at is not None else self.tr("waiting to be sent")
            parts.append(f"{what} ({state}, {format_date(info.created_at.date())})")
        return self.tr("Published: %1").replace("%1", "; ".join(parts))

    def _failed(self, error: BaseException) -> None:
        self.show_message(user_message(error))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def selected_link(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        who = self.who.currentData()
        self.publish_month_button.setEnabled(who is not None and who[0] == "assistant")
        self.month.setEnabled(who is not None and who[0] == "assistant")
        self.publish_rota_button.setEnabled(self.data is not None and self.data.rota_id is not None)
        self.link_button.setEnabled(who is not None)
        link = self.selected_link()
        self.revoke_button.setEnabled(link is not None and link.revoked_at is None)

    # -- actions -----------------------------------------------------------------------------

    def _write(self, call, done) -> None:
        WriteOp(self.ctx, self, call, Changes(sync=True)).success(done).failure(self._failed).run()

    def _sent_soon(self, text: str) -> None:
        self.show_message(text)
        if getattr(self.ctx, "sync", None) is not None:
            self.ctx.sync.send_now()
        self.load()

    def publish_month(self) -> None:
        kind, assistant_id, name = self.who.currentData()
        first = self.month.currentData()
        self._write(lambda ws: ws.sync.sharing.publish_month(assistant_id, first),
                    lambda _info: self._sent_soon(self.tr("The month of %1 is published; it is sent on the next sync.")
                                                  .replace("%1", name)))

    def publish_rota(self) -> None:
        rota_id = self.data.rota_id
        self._write(lambda ws: ws.sync.sharing.publish_rota(rota_id),
                    lambda _info: self._sent_soon(self.tr("The rota version is published; it is sent on the next "
                                                          "sync.")))

    def make_link(self) -> None:
        role, assistant_id, name = self.who.currentData()
        days = self.days.currentData()
        label = "" if role == "assistant" else name  # an assistant's link greets by their short name
        arrangement_id = self.arrangement_id
        self._write(lambda ws: ws.sync.sharing.create_link(role, assistant_id=assistant_id, label=label,
                                                           days_valid=days, arrangement_id=arrangement_id),
                    lambda link: self._link_made(link, role, link.label, days))

    def _link_made(self, link, role: str, label: str, days: int) -> None:
        from datetime import datetime, timedelta, timezone

        from bpa_desktop.export.link_card import LinkCard
        from bpa_desktop.ui.sync.link_card_dialog import LinkCardDialog

        self.last_link = link
        self._sent_soon(self.tr("The link is made; it works once the next sync has sent it."))
        what = (self.tr("Your month and the rota's shifts: propose changes and confirm the month.")
                if role == "assistant" else self.tr("The rota version: approve it or send a comment."))
        card = LinkCard(label, what, link.url, link.code, datetime.now(timezone.utc) + timedelta(days=days))
        open_single(self, LinkCardDialog(self.ctx, link, card, self), lambda _result: self._back_to(self.link_button))

    def _back_to(self, widget) -> None:
        self.activateWindow()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def revoke_selected(self) -> None:
        link = self.selected_link()
        if link is None:
            return
        link_id = link.link_id
        self._write(lambda ws: ws.sync.sharing.revoke_link(link_id),
                    lambda _done: self._sent_soon(self.tr("The link is revoked here; the receiver is told on the "
                                                          "next sync.")))
