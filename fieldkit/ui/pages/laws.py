"""Laws: treaties, statutes, bills, resolutions and policies, summarised."""

from __future__ import annotations

from fieldkit.ui.pages.base import EntityPage
from fieldkit.ui.translation_compare import CompareTranslationButton


class LawsPage(CompareTranslationButton, EntityPage):
    entity_name = "laws"
