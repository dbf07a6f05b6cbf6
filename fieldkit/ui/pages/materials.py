"""Materials: fact cards, stories, campaign texts and guides, in their languages."""

from __future__ import annotations

from fieldkit.ui.translation_compare import TranslatablePage


class MaterialsPage(TranslatablePage):
    entity_name = "materials"
