from __future__ import annotations

from bpa_desktop.ui.pages.base import PlaceholderPage


class ReportsPage(PlaceholderPage):
    page_id = "rapporter"

    def title(self) -> str:
        return self.tr("Reports")

    def coming_text(self) -> str:
        return self.tr(
            "Coming: the hour account against the vedtak with a forecast for the year, hours split "
            "into pay codes, and PDF, payroll file and calendar exports."
        )
