"""The exceptions resume_match raises, one tree rooted at :class:`ResumeMatchError`.

::

    ResumeMatchError
     ├── InputError (ValueError)            unusable input: empty text, wrong type, unreadable file
     ├── PdfError (ValueError)              a PDF we cannot turn into text; ``.source`` names it
     │    ├── EncryptedPdfError             needs a password, or the one given is wrong
     │    ├── CorruptPdfError               not a PDF, or too damaged to read
     │    ├── ScannedPdfError               no text layer (image-only pages): OCR is needed
     │    ├── PdfTooLargeError              over ParseConfig.max_bytes or max_pages
     │    └── PdfTimeoutError               over ParseConfig.max_seconds
     ├── DataError (ValueError)             a lexicon or job file with problems; ``.problems``
     │    ├── LexiconError                  lists every problem at once, each located
     │    └── JobError                      (file, entry, field) with a hint for the fix
     └── UnknownJobError (LookupError)      no bundled job template by that name

Every message says what went wrong, where, and how to fix it. Third-party
exceptions are wrapped with ``raise ... from exc`` so the cause stays visible.

>>> import resume_match as rm
>>> try:
...     rm.parse_resume_text("   ")
... except rm.InputError as exc:
...     print(exc)
<text>: the resume text is empty; pass the text of a resume
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

__all__ = [
    "CorruptPdfError",
    "DataError",
    "EncryptedPdfError",
    "InputError",
    "JobError",
    "LexiconError",
    "PdfError",
    "PdfTimeoutError",
    "PdfTooLargeError",
    "Problem",
    "ResumeMatchError",
    "ScannedPdfError",
    "UnknownJobError",
    "did_you_mean",
]


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str:
    """``"did you mean 'x'?"`` for the closest choice, or ``""`` when none is close.

    The one hint every "unknown ..." message uses. Similarity is difflib's ratio
    (0-1); ties go to the alphabetically first choice so messages are stable.

    >>> did_you_mean("pyhton", ["python", "java"])
    "did you mean 'python'?"
    >>> did_you_mean("zzz", ["python"])
    ''
    """
    best: tuple[float, str] | None = None
    matcher = SequenceMatcher(b=word)
    for choice in sorted(set(choices)):
        matcher.set_seq1(choice)
        score = matcher.ratio()
        if score >= cutoff and (best is None or score > best[0]):
            best = (score, choice)
    return f"did you mean {best[1]!r}?" if best is not None else ""


class ResumeMatchError(Exception):
    """Base class of every error resume_match raises on purpose."""


class InputError(ResumeMatchError, ValueError):
    """The input cannot be used at all (empty text, wrong type, unreadable file)."""


class PdfError(ResumeMatchError, ValueError):
    """A PDF that cannot be turned into resume text.

    ``source`` is the file name (or ``<bytes>``) and ``reason`` the cause in a few
    words; ``str(exc)`` combines both with a hint on what to do.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class EncryptedPdfError(PdfError):
    """The PDF is encrypted and no password, or a wrong one, was given."""


class CorruptPdfError(PdfError):
    """The file is not a PDF, or it is too damaged to read."""


class ScannedPdfError(PdfError):
    """No page has a text layer: the PDF is a scan or an image; OCR is needed first."""


class PdfTooLargeError(PdfError):
    """The PDF is over the byte or page limit of the :class:`ParseConfig` in use."""


class PdfTimeoutError(PdfError):
    """Reading the PDF took longer than ``ParseConfig.max_seconds``."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a data file: where it is, what is wrong, how to fix it."""

    file: str
    entry: str
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f", entry {self.entry!r}"
        if self.field:
            where += f", field {self.field!r}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return text


class DataError(ResumeMatchError, ValueError):
    """A lexicon or job file has problems; all of them are in ``problems``."""

    kind = "data"

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in {self.kind} data"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))


class LexiconError(DataError):
    """A skills lexicon file is malformed or inconsistent."""

    kind = "lexicon"


class JobError(DataError):
    """A job template file is malformed or refers to skills that do not exist."""

    kind = "job"


class UnknownJobError(ResumeMatchError, LookupError):
    """No bundled job template has that name (and no file has that path)."""

    def __init__(self, name: str, known: tuple[str, ...], hint: str = "") -> None:
        self.name = name
        self.known = known
        message = f"unknown job template {name!r}"
        message += f"; {hint}" if hint else f"; choose one of: {', '.join(known)}"
        super().__init__(message)
