"""Laws: treaties, statutes, bills, resolutions and policies, summarised."""

from __future__ import annotations

from fieldkit.ui.pages.base import EntityPage


class LawsPage(EntityPage):
    entity_name = "laws"
