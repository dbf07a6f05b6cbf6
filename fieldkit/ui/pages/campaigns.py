"""Campaigns: the list on the left, the chosen campaign's detail on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from fieldkit.ui.log_outreach import LogOutreachDialog
from fieldkit.ui.pages.base import EntityPage
from fieldkit.ui.pages.campaign_detail import CampaignDetail


class CampaignsPage(EntityPage):
    entity_name = "campaigns"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.detail = CampaignDetail(ctx)
        self.detail.log_outreach.connect(self.log_outreach)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.body.removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([380, 620])
        self.body.addWidget(splitter, 1)
        self.record_changed.connect(self.detail.show_campaign)

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "detail"):
            self.detail.retranslate()

    def on_changed(self, tables: set[str]) -> None:
        super().on_changed(tables)
        if tables & {"campaigns", "campaign_targets", "campaign_updates", "outreach", "contacts"}:
            self.detail.show_campaign(self.detail.campaign_id)

    def log_outreach(self) -> LogOutreachDialog:
        self.outreach_dialog = LogOutreachDialog(
            self.ctx, campaign_id=self.detail.campaign_id, parent=self
        )
        self.outreach_dialog.open()
        return self.outreach_dialog
