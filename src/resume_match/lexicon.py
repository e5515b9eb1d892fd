"""Lexicon loading (placeholder: being written, replaced before commit)."""
from __future__ import annotations
from typing import Any
def load_lexicon(*a: Any, **k: Any) -> Any: raise NotImplementedError
