"""Bullet review (placeholder: being written, replaced before commit)."""
from __future__ import annotations
from typing import Any
BULLET_RULES: dict[str, Any] = {}
def check_bullets(*a: Any, **k: Any) -> Any: raise NotImplementedError
def review_bullets(*a: Any, **k: Any) -> Any: raise NotImplementedError
