"""Ed25519 signing keys and the canonical bytes that get signed.

Keys travel as base64 text of their raw 32 bytes. What is signed is always
the canonical JSON of an object (sorted keys, no spaces, UTF-8), so that any
program can recompute it.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

_RAW = serialization.Encoding.Raw


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical(obj: Any) -> bytes:
    """The bytes of ``obj`` that are signed: sorted keys, no whitespace, UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


class SigningKey:
    """A private Ed25519 key."""

    def __init__(self, key: Ed25519PrivateKey):
        self._key = key

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_text(cls, text: str) -> SigningKey:
        return cls(Ed25519PrivateKey.from_private_bytes(unb64(text)))

    def to_text(self) -> str:
        return b64(
            self._key.private_bytes(
                _RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
            )
        )

    @property
    def public_text(self) -> str:
        return b64(self._key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw))

    def sign(self, data: bytes) -> str:
        """The base64 signature of ``data``."""
        return b64(self._key.sign(data))

    def sign_object(self, obj: dict[str, Any]) -> dict[str, Any]:
        """``obj`` with a ``sig`` over the canonical JSON of the rest of it."""
        body = {k: v for k, v in obj.items() if k != "sig"}
        return {**body, "sig": self.sign(canonical(body))}


def verify(public_text: str, data: bytes, signature: str) -> bool:
    """True when ``signature`` (base64) is ``public_text``'s signature of ``data``."""
    try:
        Ed25519PublicKey.from_public_bytes(unb64(public_text)).verify(unb64(signature), data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def verify_object(public_text: str, obj: dict[str, Any]) -> bool:
    """Check the ``sig`` of an object made by :meth:`SigningKey.sign_object`."""
    sig = obj.get("sig")
    if not isinstance(sig, str):
        return False
    body = {k: v for k, v in obj.items() if k != "sig"}
    return verify(public_text, canonical(body), sig)
