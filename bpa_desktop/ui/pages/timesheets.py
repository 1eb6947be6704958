from __future__ import annotations

from bpa_desktop.ui.pages.base import PlaceholderPage


class TimesheetsPage(PlaceholderPage):
    page_id = "timelister"

    def title(self) -> str:
        return self.tr("Timesheets")

    def coming_text(self) -> str:
        return self.tr(
            "Coming: register worked hours, absence and swaps, and attest each assistant's monthly "
            "timesheet. An attested timesheet is locked; corrections make a new version."
        )
