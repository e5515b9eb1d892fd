"""Matching (placeholder: being written, replaced before commit)."""
from __future__ import annotations
from typing import Any
def match(*a: Any, **k: Any) -> Any: raise NotImplementedError
def rank(*a: Any, **k: Any) -> Any: raise NotImplementedError
