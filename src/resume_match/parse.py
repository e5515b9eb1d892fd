"""Parsing (placeholder: being written, replaced before commit)."""
from __future__ import annotations
from typing import Any
def parse_resume(*a: Any, **k: Any) -> Any: raise NotImplementedError
def parse_resume_text(*a: Any, **k: Any) -> Any: raise NotImplementedError
