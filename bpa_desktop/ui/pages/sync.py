from __future__ import annotations

from bpa_desktop.ui.pages.base import PlaceholderPage


class SyncPage(PlaceholderPage):
    page_id = "synk"

    def title(self) -> str:
        return self.tr("Sync")

    def coming_text(self) -> str:
        return self.tr(
            "Coming: send attested timesheets to the employer when you are online, see each "
            "receipt (accepted or rejected with a reason), and make a signed file when there is no connection."
        )
