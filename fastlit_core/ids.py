"""Short, stable, opaque node ids: never a file path, never the user's raw key."""

from __future__ import annotations

import hashlib
from typing import Any


def node_id(*parts: Any) -> str:
    """Hash the parts' reprs into 12 hex characters."""
    digest = hashlib.blake2b(repr(parts).encode("utf-8", "backslashreplace"), digest_size=6)
    return digest.hexdigest()
