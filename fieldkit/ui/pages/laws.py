"""Laws: treaties, statutes, bills, resolutions and policies, summarised."""

from __future__ import annotations

from fieldkit.ui.translation_compare import TranslatablePage


class LawsPage(TranslatablePage):
    entity_name = "laws"
