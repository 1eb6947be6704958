"""The main window's pages, in order, named without importing them: a page's module (and what it
imports: charts, the rota models, SQLAlchemy's areas) loads when the page is first shown. Qt
loads only for a title, so `bpa-desktop --page` takes its choices from here before Qt starts."""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    page_id: str
    module: str
    class_name: str
    title_source: str  # the English text of the class's title(), for its tr() context

    def title(self) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(self.class_name, self.title_source)

    def page_class(self):
        return getattr(importlib.import_module(f"bpa_desktop.ui.pages.{self.module}"), self.class_name)


PAGES: tuple[PageEntry, ...] = (
    PageEntry("oversikt", "overview", "OverviewPage", "Overview"),
    PageEntry("turnus", "rota", "RotaPage", "Rota"),
    PageEntry("timelister", "timesheets", "TimesheetsPage", "Timesheets"),
    PageEntry("assistenter", "assistants", "AssistantsPage", "Assistants"),
    PageEntry("vedtak", "vedtak", "VedtakPage", "Vedtak"),
    PageEntry("rapporter", "reports", "ReportsPage", "Reports"),
    PageEntry("synk", "sync", "SyncPage", "Sync"),
    PageEntry("innstillinger", "settings", "SettingsPage", "Settings"),
)
PAGE_IDS = tuple(entry.page_id for entry in PAGES)
