"""Job profiles (placeholder: being written, replaced before commit)."""
from __future__ import annotations
from typing import Any
def list_jobs(*a: Any, **k: Any) -> Any: raise NotImplementedError
def load_job(*a: Any, **k: Any) -> Any: raise NotImplementedError
def parse_job(*a: Any, **k: Any) -> Any: raise NotImplementedError
