"""FieldKit: an offline toolkit for grassroots anti-trafficking organisations."""

__version__ = "0.1.0"
