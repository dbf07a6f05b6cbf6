"""Materials: fact cards, stories, campaign texts and guides, in their languages."""

from __future__ import annotations

from fieldkit.ui.pages.base import EntityPage


class MaterialsPage(EntityPage):
    entity_name = "materials"
