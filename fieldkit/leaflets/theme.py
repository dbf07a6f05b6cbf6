"""The organisation's look on paper: name, logo, colours, hotline and link.

Read from the profile's settings (``leaflet_*``), so every office prints its own numbers.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors

from fieldkit.errors import FieldKitError
from fieldkit.i18n import _

DEFAULT_PRIMARY = "#1f4e79"
DEFAULT_ACCENT = "#c0392b"


class BadLogo(FieldKitError):
    """The logo attachment is not a picture reportlab can print."""


@dataclass
class Theme:
    organization: str = ""
    hotline: str = ""
    link: str = ""
    logo: bytes | None = None
    primary: str = DEFAULT_PRIMARY
    accent: str = DEFAULT_ACCENT

    def __post_init__(self) -> None:
        for name in ("primary", "accent"):
            try:
                colors.HexColor(getattr(self, name))
            except (ValueError, TypeError):
                raise FieldKitError(
                    _("“%(value)s” is not a colour; use a hex code such as #1f4e79.")
                    % {"value": getattr(self, name)}
                ) from None
        if self.logo is not None:
            check_logo(self.logo)

    @property
    def primary_color(self) -> colors.Color:
        return colors.HexColor(self.primary)

    @property
    def accent_color(self) -> colors.Color:
        return colors.HexColor(self.accent)

    @property
    def qr_data(self) -> str:
        """What the QR carries: the link if there is one, else the hotline as a tel: link."""
        if self.link:
            return self.link
        digits = "".join(c for c in self.hotline if c.isdigit() or c == "+")
        return f"tel:{digits}" if digits else ""

    @classmethod
    def from_profile(cls, profile) -> Theme:
        """The theme in the profile's settings; the logo is an attachment id."""
        logo_id = profile.setting("leaflet_logo")
        return cls(
            organization=profile.setting("organization") or "",
            hotline=profile.setting("leaflet_hotline") or "",
            link=profile.setting("leaflet_link") or "",
            logo=profile.attachment_bytes(logo_id) if logo_id else None,
            primary=profile.setting("leaflet_primary") or DEFAULT_PRIMARY,
            accent=profile.setting("leaflet_accent") or DEFAULT_ACCENT,
        )


def check_logo(data: bytes) -> tuple[int, int]:
    """The logo's pixel size; :class:`BadLogo` when it is not a PNG, JPEG or GIF picture."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            if image.format not in ("PNG", "JPEG", "GIF"):
                raise UnidentifiedImageError(image.format)
            return image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise BadLogo(
            _(
                "The logo is not a picture that can be printed. Attach a PNG or JPEG file "
                "as the organisation's logo."
            )
        ) from None
