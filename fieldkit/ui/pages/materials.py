"""Materials: fact cards, stories, campaign texts and guides, in their languages."""

from __future__ import annotations

from fieldkit.ui.pages.base import EntityPage
from fieldkit.ui.translation_compare import CompareTranslationButton


class MaterialsPage(CompareTranslationButton, EntityPage):
    entity_name = "materials"
