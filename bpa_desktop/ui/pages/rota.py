from __future__ import annotations

from bpa_desktop.ui.pages.base import PlaceholderPage


class RotaPage(PlaceholderPage):
    page_id = "turnus"

    def title(self) -> str:
        return self.tr("Rota")

    def coming_text(self) -> str:
        return self.tr(
            "Coming: plan the rota (turnus) week by week with shift codes, roll it out over a period "
            "and see working-time rule findings and the hours against the vedtak as you edit."
        )
