"""Skills lexicon: TOML files -> a validated, merged :class:`~resume_match.models.Lexicon`.

The file format is described in ``lexicons/README.md``. :func:`load_lexicon`
reads the bundled files (once per process) and merges any files a user passes,
in order: a new id is added, an existing id is replaced by the user's entry,
and an entry with ``extend = true`` only adds aliases, relations, context,
vetoes and examples to the entry it names.

Every problem in every file is collected before anything is raised, each with
its file, entry and field and a hint for the fix:

>>> import pathlib, tempfile
>>> from resume_match.errors import LexiconError
>>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.toml"
>>> _ = path.write_text('[[skill]]\\nid = "polars"\\nname = "Polars"\\ncategory = "ml-libary"\\n')
>>> try:
...     load_lexicon(path, bundled=False)
... except LexiconError as exc:
...     print(exc.problems[0].message, "/", exc.problems[0].hint)
unknown category 'ml-libary' / did you mean 'ml-library'?

The relation helpers (:func:`ancestors`, :func:`descendants`,
:func:`implications`, :func:`substitutes_for`, :func:`skill_aliases`) are what
the jobs and match stages use to reason over the lexicon.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resume_match._data import data_root
from resume_match.errors import LexiconError, Problem, did_you_mean
from resume_match.models import Alias, Implication, Lexicon, Skill, SubstituteGroup
from resume_match.text import normalize

__all__ = [
    "CATEGORIES",
    "ancestors",
    "descendants",
    "implications",
    "load_lexicon",
    "skill_aliases",
    "substitutes_for",
]

CATEGORIES: tuple[str, ...] = (
    "language",
    "ml-field",
    "model",
    "technique",
    "ml-library",
    "dl-framework",
    "nlp-tool",
    "cv-tool",
    "serving",
    "vector-db",
    "mlops",
    "data-eng",
    "cloud",
    "devops",
    "hardware",
    "dev-tool",
    "analytics",
    "soft-skill",
    "domain",
    "certification",
)
"""The categories a skill entry may use (see ``lexicons/README.md``)."""

_ID = re.compile(r"[a-z0-9+#.]+(?:-[a-z0-9+#.]+)*")
_SYNTAX = re.compile(
    r"^(?P<reason>.*?) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$"
)

_LIST_FIELDS = ("broader", "part_of", "context", "veto", "positive", "negative")
_SKILL_FIELDS = (
    "id",
    "name",
    "category",
    "aliases",
    "abstract",
    "broader",
    "implies",
    "part_of",
    "context",
    "veto",
    "positive",
    "negative",
    "extend",
)
# What an ``extend = true`` entry may add to the entry it names.
_EXTEND_FIELDS = (
    "id",
    "extend",
    "aliases",
    "broader",
    "implies",
    "part_of",
    "context",
    "veto",
    "positive",
    "negative",
)
_ALIAS_FIELDS = ("text", "case_sensitive", "ambiguous")
_IMPLIES_FIELDS = ("id", "weight")
_SUBSTITUTE_FIELDS = ("id", "members", "credit")
_TOP_LEVEL = ("skill", "substitutes")

_BUNDLED_PREFIX = "lexicons/skills/"


# --------------------------------------------------------------------------- #
# Public entry point
# --------------------------------------------------------------------------- #


def load_lexicon(*paths: str | os.PathLike[str], bundled: bool = True) -> Lexicon:
    """Load the bundled lexicon and merge the given TOML files into it, in order.

    With no paths the bundled lexicon is read once per process and the same
    object is returned every time. ``bundled=False`` loads only the given files.
    Raises :class:`~resume_match.errors.LexiconError` listing every problem.

    >>> lexicon = load_lexicon()
    >>> lexicon is load_lexicon()
    True
    >>> load_lexicon(bundled=False).skills
    {}
    """
    if not paths:
        return _bundled_lexicon() if bundled else Lexicon(skills={})
    base = _bundled_lexicon() if bundled else Lexicon(skills={})
    builder = _Builder.from_lexicon(base)
    for path in paths:
        label = os.fspath(path)
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            builder.problems.append(
                Problem(
                    label,
                    "",
                    "",
                    f"cannot read the file ({exc.strerror or exc.__class__.__name__})",
                    "check the path",
                )
            )
            continue
        builder.add_layer([(label, raw)])
    return builder.finish()


@functools.cache
def _bundled_lexicon() -> Lexicon:
    """Read and validate every ``skills/*.toml`` file shipped with the package."""
    folder = data_root() / "skills"
    files: list[tuple[str, bytes]] = []
    if folder.is_dir():
        for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
            if item.name.endswith(".toml") and item.is_file():
                files.append((_BUNDLED_PREFIX + item.name, item.read_bytes()))
    builder = _Builder()
    # The bundled files form one layer: an id defined twice among them is a
    # mistake in our data, not an override.
    builder.add_layer(files)
    return builder.finish()


# --------------------------------------------------------------------------- #
# Relation helpers used by the other stages
# --------------------------------------------------------------------------- #


def skill_aliases(skill: Skill) -> tuple[Alias, ...]:
    """Every spelling the extractor matches for ``skill``: its aliases plus its name.

    The name counts as one more plain alias unless an alias spells it the same
    way (ignoring case), in which case that alias's options apply. Aliases that
    normalise to the same text (ignoring case for case-insensitive ones) are kept once.

    >>> s = Skill(id="r", name="R", category="language",
    ...           aliases=(Alias(text="R", case_sensitive=True, ambiguous=True),))
    >>> [a.text for a in skill_aliases(s)]
    ['R']
    """
    seen: set[tuple[bool, str]] = set()
    out: list[Alias] = []
    candidates = list(skill.aliases)
    name_key = normalize(skill.name).lower()
    if not any(normalize(a.text).lower() == name_key for a in skill.aliases):
        candidates.insert(0, Alias(text=skill.name))
    for alias in candidates:
        norm = normalize(alias.text)
        key = (alias.case_sensitive, norm if alias.case_sensitive else norm.lower())
        if norm and key not in seen:
            seen.add(key)
            out.append(alias)
    return tuple(out)


def ancestors(lexicon: Lexicon, skill_id: str) -> frozenset[str]:
    """All ids reachable from ``skill_id`` through ``broader`` links (not itself).

    >>> lex = Lexicon(skills={
    ...     "dl": Skill(id="dl", name="DL framework", category="dl-framework", abstract=True),
    ...     "pytorch": Skill(id="pytorch", name="PyTorch", category="dl-framework",
    ...                      broader=("dl",)),
    ...     "lightning": Skill(id="lightning", name="Lightning", category="dl-framework",
    ...                        broader=("pytorch",)),
    ... })
    >>> sorted(ancestors(lex, "lightning"))
    ['dl', 'pytorch']
    """
    seen: set[str] = set()
    stack = [skill_id]
    while stack:
        skill = lexicon.skills.get(stack.pop())
        if skill is None:
            continue
        for parent in skill.broader:
            if parent not in seen and parent != skill_id:
                seen.add(parent)
                stack.append(parent)
    return frozenset(seen)


def descendants(lexicon: Lexicon, skill_id: str) -> frozenset[str]:
    """All ids whose ``broader`` chain reaches ``skill_id`` (not itself).

    A requirement for an abstract node is met by any of these.

    >>> lex = Lexicon(skills={
    ...     "dl": Skill(id="dl", name="DL framework", category="dl-framework", abstract=True),
    ...     "jax": Skill(id="jax", name="JAX", category="dl-framework", broader=("dl",)),
    ... })
    >>> sorted(descendants(lex, "dl"))
    ['jax']
    """
    children: dict[str, list[str]] = {}
    for skill in lexicon.skills.values():
        for parent in skill.broader:
            children.setdefault(parent, []).append(skill.id)
    seen: set[str] = set()
    stack = [skill_id]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in seen and child != skill_id:
                seen.add(child)
                stack.append(child)
    return frozenset(seen)


def implications(lexicon: Lexicon, skill_id: str) -> dict[str, float]:
    """The skills ``skill_id`` implies, with their weights (direct links only).

    >>> lex = Lexicon(skills={
    ...     "python": Skill(id="python", name="Python", category="language"),
    ...     "pandas": Skill(id="pandas", name="pandas", category="ml-library",
    ...                     implies=(Implication(id="python", weight=0.5),)),
    ... })
    >>> implications(lex, "pandas")
    {'python': 0.5}
    """
    skill = lexicon.skills.get(skill_id)
    if skill is None:
        return {}
    return {link.id: link.weight for link in skill.implies}


def substitutes_for(lexicon: Lexicon, skill_id: str) -> dict[str, float]:
    """Other skills that can stand in for ``skill_id``, with the credit they earn.

    When a skill is in several groups the highest credit wins.

    >>> lex = Lexicon(skills={}, substitutes=(
    ...     SubstituteGroup(id="dl", members=("pytorch", "tensorflow", "jax"), credit=0.6),))
    >>> substitutes_for(lex, "pytorch")
    {'tensorflow': 0.6, 'jax': 0.6}
    """
    out: dict[str, float] = {}
    for group in lexicon.substitutes:
        if skill_id in group.members:
            for member in group.members:
                if member != skill_id:
                    out[member] = max(out.get(member, 0.0), group.credit)
    return out


# --------------------------------------------------------------------------- #
# Parsing and validation
# --------------------------------------------------------------------------- #


@dataclass
class _Builder:
    """Accumulates skills layer by layer and collects every problem found."""

    skills: dict[str, Skill] = field(default_factory=dict)
    substitutes: dict[str, SubstituteGroup] = field(default_factory=dict)
    # Where each substitute group was defined, for problems found after merging.
    substitute_sources: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> _Builder:
        builder = cls(skills=dict(lexicon.skills), sources=list(lexicon.sources))
        for group in lexicon.substitutes:
            builder.substitutes[group.id] = group
            builder.substitute_sources[group.id] = ""
        return builder

    def add_layer(self, files: list[tuple[str, bytes]]) -> None:
        """Merge files that form one layer: ids may not repeat within a layer."""
        defined_here: dict[str, str] = {}
        groups_here: dict[str, str] = {}
        extensions: list[tuple[str, str, dict[str, Any]]] = []
        for label, raw in files:
            self.sources.append(label)
            document = self._parse_toml(label, raw)
            if document is None:
                continue
            for key in document:
                if key not in _TOP_LEVEL:
                    self.problems.append(
                        Problem(
                            label,
                            "",
                            key,
                            f"unknown top-level key {key!r}",
                            did_you_mean(key, _TOP_LEVEL)
                            or "a skills file holds only [[skill]] and [[substitutes]] tables",
                        )
                    )
            for position, table in self._tables(label, document, "skill"):
                entry = _entry_label(table, position)
                if table.get("extend") is True:
                    extensions.append((label, entry, table))
                    continue
                skill = self._parse_skill(label, entry, table)
                if skill is None:
                    continue
                if skill.id in defined_here:
                    self.problems.append(
                        Problem(
                            label,
                            entry,
                            "id",
                            f"duplicate id {skill.id!r}; it is also defined in "
                            f"{defined_here[skill.id]}",
                            "keep one entry, or set extend = true on this one to add to the other",
                        )
                    )
                    continue
                defined_here[skill.id] = label
                # An id from an earlier layer is replaced in place (override).
                self.skills[skill.id] = skill
            for position, table in self._tables(label, document, "substitutes"):
                entry = _entry_label(table, position)
                group = self._parse_substitutes(label, entry, table)
                if group is None:
                    continue
                if group.id in groups_here:
                    self.problems.append(
                        Problem(
                            label,
                            entry,
                            "id",
                            f"duplicate substitutes id {group.id!r}; it is also defined in "
                            f"{groups_here[group.id]}",
                            "keep one group",
                        )
                    )
                    continue
                groups_here[group.id] = label
                self.substitutes[group.id] = group
                self.substitute_sources[group.id] = label
        # Extensions run after the layer's own entries so they may target any of them.
        for label, entry, table in extensions:
            self._extend(label, entry, table)

    def finish(self) -> Lexicon:
        """Check the merged result and return it, or raise every problem found."""
        self._check_relations()
        self._check_aliases()
        self._check_cycles()
        if self.problems:
            raise LexiconError(self.problems)
        return Lexicon(
            skills=self.skills,
            substitutes=tuple(self.substitutes.values()),
            sources=tuple(self.sources),
        )

    # -- files -------------------------------------------------------------- #

    def _parse_toml(self, label: str, raw: bytes) -> dict[str, Any] | None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.problems.append(
                Problem(label, "", "", f"not UTF-8 text (byte {exc.start})", "save it as UTF-8")
            )
            return None
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = _SYNTAX.match(str(exc))
            if found and found.group("line"):
                where = f"line {found.group('line')}, column {found.group('col')}"
                reason = found.group("reason")
            elif found:
                where, reason = "end of file", found.group("reason")
            else:  # pragma: no cover - tomllib always says where
                where, reason = "unknown position", str(exc)
            self.problems.append(
                Problem(
                    label,
                    "",
                    "",
                    f"TOML syntax error at {where}: {reason}",
                    "fix the syntax there; see lexicons/README.md for the format",
                )
            )
            return None

    def _tables(
        self, label: str, document: Mapping[str, Any], key: str
    ) -> Iterable[tuple[int, dict[str, Any]]]:
        value = document.get(key, [])
        if not isinstance(value, list):
            self.problems.append(
                Problem(
                    label,
                    "",
                    key,
                    f"{key!r} must be an array of tables",
                    f"write each entry under its own [[{key}]] header",
                )
            )
            return
        for position, table in enumerate(value, start=1):
            if not isinstance(table, dict):
                self.problems.append(
                    Problem(
                        label,
                        f"#{position}",
                        key,
                        f"{key!r} must be an array of tables",
                        f"write each entry under its own [[{key}]] header",
                    )
                )
                continue
            yield position, table

    # -- entries ------------------------------------------------------------ #

    def _parse_skill(self, label: str, entry: str, table: dict[str, Any]) -> Skill | None:
        check = _Checker(self.problems, label, entry)
        check.unknown_fields(table, _SKILL_FIELDS)
        skill_id = check.skill_id(table, "id")
        name = check.required_text(table, "name")
        category = check.required_text(table, "category")
        if category is not None and category not in CATEGORIES:
            check.problem(
                "category",
                f"unknown category {category!r}",
                did_you_mean(category, CATEGORIES)
                or "use one of the categories listed in lexicons/README.md",
            )
            category = None
        abstract = check.boolean(table, "abstract", default=False)
        if "extend" in table:
            check.problem(
                "extend", "extend must be true or left out", "write extend = true, or remove it"
            )
        aliases = check.aliases(table)
        lists = {name_: check.strings(table, name_) for name_ in _LIST_FIELDS}
        implies = check.implies(table)
        if check.failed or skill_id is None or name is None or category is None:
            return None
        return Skill(
            id=skill_id,
            name=name,
            category=category,
            aliases=aliases,
            abstract=abstract,
            broader=lists["broader"],
            implies=implies,
            part_of=lists["part_of"],
            context=lists["context"],
            veto=lists["veto"],
            positive=lists["positive"],
            negative=lists["negative"],
            source=label,
        )

    def _extend(self, label: str, entry: str, table: dict[str, Any]) -> None:
        check = _Checker(self.problems, label, entry)
        for key in table:
            if key not in _EXTEND_FIELDS:
                hint = (
                    f"an extend entry only adds to {', '.join(_EXTEND_FIELDS[2:])}; "
                    "drop extend = true to replace the whole entry"
                    if key in _SKILL_FIELDS
                    else did_you_mean(key, _EXTEND_FIELDS)
                    or f"allowed fields: {', '.join(_EXTEND_FIELDS)}"
                )
                check.problem(key, f"unknown field {key!r} in an extend entry", hint)
        skill_id = check.skill_id(table, "id")
        aliases = check.aliases(table)
        lists = {name_: check.strings(table, name_) for name_ in _LIST_FIELDS}
        implies = check.implies(table)
        if skill_id is None or check.failed:
            return
        base = self.skills.get(skill_id)
        if base is None:
            check.problem(
                "id",
                f"cannot extend unknown skill id {skill_id!r}",
                did_you_mean(skill_id, self.skills)
                or "drop extend = true to add it as a new entry",
            )
            return
        known_implied = {link.id for link in base.implies}
        update: dict[str, Any] = {
            "aliases": base.aliases + aliases,
            "implies": base.implies + tuple(i for i in implies if i.id not in known_implied),
        }
        for name_ in _LIST_FIELDS:
            old: tuple[str, ...] = getattr(base, name_)
            update[name_] = old + tuple(v for v in lists[name_] if v not in old)
        self.skills[skill_id] = base.model_copy(update=update)

    def _parse_substitutes(
        self, label: str, entry: str, table: dict[str, Any]
    ) -> SubstituteGroup | None:
        check = _Checker(self.problems, label, entry)
        check.unknown_fields(table, _SUBSTITUTE_FIELDS)
        group_id = check.skill_id(table, "id")
        members = check.strings(table, "members")
        if "members" not in table:
            check.problem("members", "missing required field", 'add members = ["a", "b"]')
        elif len(set(members)) < 2 and not check.failed:
            check.problem(
                "members",
                "a substitutes group needs at least two different members",
                "add the skills that can stand in for one another",
            )
        credit = table.get("credit")
        if credit is None:
            check.problem("credit", "missing required field", "add credit = 0.5 (0 to 1)")
        elif isinstance(credit, bool) or not isinstance(credit, int | float):
            check.problem("credit", f"expected a number, got {_kind(credit)}", "write 0.5")
        elif not 0.0 <= float(credit) <= 1.0:
            check.problem("credit", f"credit {credit} is outside 0 to 1", "use a share, e.g. 0.6")
        if check.failed or group_id is None or not isinstance(credit, int | float):
            return None
        return SubstituteGroup(id=group_id, members=members, credit=float(credit))

    # -- whole-lexicon checks ----------------------------------------------- #

    def _check_relations(self) -> None:
        known = self.skills
        for skill in known.values():
            targets: list[tuple[str, str]] = [("broader", t) for t in skill.broader]
            targets += [("part_of", t) for t in skill.part_of]
            targets += [("implies", link.id) for link in skill.implies]
            for field_name, target in targets:
                if target == skill.id:
                    self.problems.append(
                        Problem(
                            skill.source,
                            skill.id,
                            field_name,
                            f"{skill.id!r} refers to itself",
                            "remove it from the list",
                        )
                    )
                elif target not in known:
                    self.problems.append(
                        Problem(
                            skill.source,
                            skill.id,
                            field_name,
                            f"unknown skill id {target!r}",
                            did_you_mean(target, known)
                            or "add an entry with that id, or remove it from the list",
                        )
                    )
        for group in self.substitutes.values():
            for member in group.members:
                if member not in known:
                    self.problems.append(
                        Problem(
                            self.substitute_sources.get(group.id, ""),
                            group.id,
                            "members",
                            f"unknown skill id {member!r}",
                            did_you_mean(member, known)
                            or "add an entry with that id, or remove it from the group",
                        )
                    )

    def _check_aliases(self) -> None:
        # Case-insensitive spellings are compared lowercased; a case-sensitive
        # one clashes with another skill's case-insensitive spelling of the same
        # letters (that one would match it too) or with its exact twin.
        loose: dict[str, tuple[str, str]] = {}
        exact: dict[str, tuple[str, str]] = {}
        exact_lower: dict[str, tuple[str, str]] = {}
        for skill in self.skills.values():
            for alias in skill_aliases(skill):
                norm = normalize(alias.text)
                if alias.case_sensitive:
                    owner = exact.get(norm) or loose.get(norm.lower())
                else:
                    owner = loose.get(norm.lower()) or exact_lower.get(norm.lower())
                if owner is not None and owner[0] != skill.id:
                    field_name = "aliases" if alias.text != skill.name else "name"
                    self.problems.append(
                        Problem(
                            skill.source,
                            skill.id,
                            field_name,
                            f"alias {alias.text!r} is also claimed by {owner[0]!r} ({owner[1]})",
                            "keep it on one entry; mark it ambiguous with context and veto "
                            "rules on the entry that keeps it",
                        )
                    )
                    continue
                if alias.case_sensitive:
                    exact.setdefault(norm, (skill.id, skill.source))
                    exact_lower.setdefault(norm.lower(), (skill.id, skill.source))
                else:
                    loose.setdefault(norm.lower(), (skill.id, skill.source))

    def _check_cycles(self) -> None:
        reported: set[frozenset[str]] = set()
        for skill in self.skills.values():
            path = _find_cycle(self.skills, skill.id)
            if path is None:
                continue
            members = frozenset(path)
            if members in reported:
                continue
            reported.add(members)
            self.problems.append(
                Problem(
                    skill.source,
                    skill.id,
                    "broader",
                    f"broader links form a cycle: {' -> '.join(path)}",
                    "remove one of these links",
                )
            )


def _find_cycle(skills: Mapping[str, Skill], start: str) -> list[str] | None:
    """The first ``broader`` path from ``start`` back to itself, or None."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        current, path = stack.pop()
        skill = skills.get(current)
        if skill is None:
            continue
        for parent in skill.broader:
            if parent == start:
                return [*path, parent]
            if parent not in seen and parent in skills:
                seen.add(parent)
                stack.append((parent, [*path, parent]))
    return None


@dataclass
class _Checker:
    """Type checks for one entry; problems go to the shared list."""

    problems: list[Problem]
    file: str
    entry: str
    failed: bool = False

    def problem(self, field_name: str, message: str, hint: str = "") -> None:
        self.failed = True
        self.problems.append(Problem(self.file, self.entry, field_name, message, hint))

    def unknown_fields(self, table: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
        for key in table:
            if key not in allowed:
                self.problem(
                    key,
                    f"unknown field {key!r}",
                    did_you_mean(key, allowed) or f"allowed fields: {', '.join(allowed)}",
                )

    def required_text(self, table: Mapping[str, Any], key: str) -> str | None:
        value = table.get(key)
        if value is None:
            self.problem(key, "missing required field", f'add {key} = "..."')
            return None
        if not isinstance(value, str):
            self.problem(key, f"expected a string, got {_kind(value)}", f'write {key} = "..."')
            return None
        if not normalize(value):
            self.problem(key, f"{key} is empty", f"write the {key}")
            return None
        return value

    def skill_id(self, table: Mapping[str, Any], key: str) -> str | None:
        value = self.required_text(table, key)
        if value is None:
            return None
        if not _ID.fullmatch(value):
            self.problem(
                key,
                f"invalid id {value!r}",
                f"ids are lowercase words joined by '-', e.g. {_kebab(value)!r}",
            )
            return None
        return value

    def boolean(self, table: Mapping[str, Any], key: str, *, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.problem(key, f"expected true or false, got {_kind(value)}", f"write {key} = true")
            return default
        return value

    def strings(self, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self.problem(
                key, f"expected a list of strings, got {_kind(value)}", f'write {key} = ["..."]'
            )
            return ()
        out: list[str] = []
        for position, item in enumerate(value, start=1):
            if not isinstance(item, str):
                self.problem(
                    key, f"item {position} is {_kind(item)}, not a string", "put it in quotes"
                )
            elif not normalize(item):
                self.problem(key, f"item {position} is empty", "remove it or fill it in")
            else:
                out.append(item)
        return tuple(out)

    def aliases(self, table: Mapping[str, Any]) -> tuple[Alias, ...]:
        value = table.get("aliases", [])
        if not isinstance(value, list):
            self.problem(
                "aliases", f"expected a list, got {_kind(value)}", 'write aliases = ["..."]'
            )
            return ()
        out: list[Alias] = []
        for position, item in enumerate(value, start=1):
            if isinstance(item, str):
                if not normalize(item):
                    self.problem(
                        "aliases", f"alias {position} is empty", "remove it or write the spelling"
                    )
                    continue
                out.append(Alias(text=item))
            elif isinstance(item, dict):
                alias = self._alias_table(position, item)
                if alias is not None:
                    out.append(alias)
            else:
                self.problem(
                    "aliases",
                    f"alias {position} is {_kind(item)}",
                    'write a string, or a table like { text = "Go", case_sensitive = true }',
                )
        return tuple(out)

    def _alias_table(self, position: int, item: Mapping[str, Any]) -> Alias | None:
        ok = True
        for key in item:
            if key not in _ALIAS_FIELDS:
                ok = False
                self.problem(
                    "aliases",
                    f"alias {position} has an unknown key {key!r}",
                    did_you_mean(key, _ALIAS_FIELDS)
                    or f"an alias table takes {', '.join(_ALIAS_FIELDS)}",
                )
        text = item.get("text")
        if not isinstance(text, str) or not normalize(text):
            self.problem(
                "aliases",
                f"alias {position} has no text"
                if text is None or isinstance(text, str)
                else f"alias {position} text is {_kind(text)}, not a string",
                'add text = "..." with the spelling',
            )
            return None
        flags: dict[str, bool] = {}
        for key in ("case_sensitive", "ambiguous"):
            flag = item.get(key, False)
            if not isinstance(flag, bool):
                ok = False
                self.problem(
                    "aliases",
                    f"alias {position} {key} must be true or false, got {_kind(flag)}",
                    f"write {key} = true",
                )
            else:
                flags[key] = flag
        if not ok:
            return None
        return Alias(text=text, **flags)

    def implies(self, table: Mapping[str, Any]) -> tuple[Implication, ...]:
        value = table.get("implies", [])
        hint = 'write implies = [{ id = "python", weight = 0.5 }]'
        if not isinstance(value, list):
            self.problem("implies", f"expected a list of tables, got {_kind(value)}", hint)
            return ()
        out: list[Implication] = []
        for position, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                self.problem("implies", f"item {position} is {_kind(item)}, not a table", hint)
                continue
            for key in item:
                if key not in _IMPLIES_FIELDS:
                    self.problem(
                        "implies",
                        f"item {position} has an unknown key {key!r}",
                        did_you_mean(key, _IMPLIES_FIELDS) or hint,
                    )
            target = item.get("id")
            weight = item.get("weight")
            if not isinstance(target, str) or not target:
                self.problem("implies", f"item {position} has no id", hint)
                continue
            if isinstance(weight, bool) or not isinstance(weight, int | float):
                self.problem("implies", f"item {position} needs a numeric weight", hint)
                continue
            if not 0.0 <= float(weight) <= 1.0:
                self.problem(
                    "implies",
                    f"item {position} weight {weight} is outside 0 to 1",
                    "use a share, e.g. 0.5",
                )
                continue
            out.append(Implication(id=target, weight=float(weight)))
        return tuple(out)


def _entry_label(table: Mapping[str, Any], position: int) -> str:
    """How problems name an entry: its id when it has a usable one, else its position."""
    value = table.get("id")
    if isinstance(value, str) and value.strip():
        return value
    return f"#{position}"


def _kind(value: object) -> str:
    """A short, TOML-flavoured name for a value's type, for messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _kebab(value: str) -> str:
    """The kebab-case id a display name would get: 'Py Torch' -> 'py-torch'."""
    words = re.findall(r"[a-z0-9+#.]+", normalize(value).lower())
    return "-".join(words) or "my-skill"
