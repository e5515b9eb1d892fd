"""Skill extraction (placeholder: being written, replaced before commit)."""
from __future__ import annotations
from typing import Any
class SkillExtractor:
    def __init__(self, *a: Any, **k: Any) -> None: raise NotImplementedError
def extract_skills(*a: Any, **k: Any) -> Any: raise NotImplementedError
