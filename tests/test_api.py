"""The front door: __all__ is the public API, documented, and cheap to import."""

from __future__ import annotations

import doctest
import inspect
import subprocess
import sys

import pytest

import resume_match as rm


def test_all_names_exist_and_are_documented() -> None:
    assert len(rm.__all__) == len(set(rm.__all__))
    for name in rm.__all__:
        obj = getattr(rm, name)
        if name.startswith("__") or name.isupper():
            continue
        assert inspect.getdoc(obj), f"{name} has no docstring"


def test_import_is_light() -> None:
    code = (
        "import sys, resume_match;"
        "heavy = [m for m in ('spacy', 'pdfminer', 'rapidfuzz') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_errors_share_one_root() -> None:
    for name in rm.__all__:
        obj = getattr(rm, name)
        if inspect.isclass(obj) and issubclass(obj, Exception):
            assert issubclass(obj, rm.ResumeMatchError), name


@pytest.mark.parametrize(
    "module",
    ["resume_match.errors", "resume_match.models", "resume_match.dates", "resume_match.parse"],
)
def test_docstring_examples_run(module: str) -> None:
    mod = __import__(module, fromlist=["_"])
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0


def test_package_docstring_example_runs() -> None:
    result = doctest.testmod(rm, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
