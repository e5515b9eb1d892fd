"""Where the bundled data lives: inside the wheel, or beside ``src/`` in a checkout."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def data_root() -> Traversable:
    """The bundled ``lexicons/`` folder (``skills/`` and ``jobs/`` are inside it).

    In an installed wheel it is ``resume_match/lexicons`` (force-included by the
    build); in an editable install or a source checkout it is the top-level
    ``lexicons/`` folder of the repository.
    """
    packaged = resources.files("resume_match") / "lexicons"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "lexicons"
    return checkout
