"""The curated skill taxonomy: entries, links, and lookup by id, label or alias.

The shipped data lives in ``planner/skills/data/taxonomy/*.txt``, one entry a line::

    Label | alias, !CaseSensitiveAlias | pre=id,id rel=id broader=id issuer=Some_Issuer kind=tool

A ``[key=value ...]`` line sets defaults (kind, broader) for the lines below it. An alias is
matched case-sensitively when written with a leading ``!``, when it is one or two characters
long, or when it is an acronym of up to five capitals ("AWS", "SQL"): "Go", "R", "C" and "IT"
never match ordinary words. An explicit ``!X`` also stops the label ``X`` matching in lowercase.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from planner.skills.model import GoalKind
from planner.skills.senses import Ambiguity, shipped_senses, shipped_senses_bytes
from planner.skills.tokens import fold, iter_words, slugify

DATA_DIR_ENV = "PLANNER_DATA_DIR"
DEFAULT_DATA_DIR = "./var"
MAX_ALIAS_TOKENS = 8
UMBRELLA_CHILDREN = 5

Key = tuple[str, ...]
EscoRow = tuple[
    str, str, tuple[str, ...], str, str, str
]  # uri, label, alts, type, reuse, description


@dataclass(frozen=True)
class Entry:
    """One skill: canonical id and label, kind, surface forms and links to other entries."""

    skill_id: str
    label: str
    kind: GoalKind
    aliases: tuple[str, ...] = ()  # surface forms besides the label, as written in the data
    broader: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    issuer: str | None = None
    esco_uri: str | None = None
    domain: str = ""
    source: str = "curated"  # curated | esco
    case_sensitive: frozenset[str] = field(default=frozenset())  # surface forms matched exactly


class TaxonomyError(ValueError):
    """The taxonomy data is malformed (duplicate id, unknown link, bad line)."""


# A brand whose capitals are not at word starts ("SAFe", "IDeaS", "iOS") is written that way to
# stand apart from the everyday word it spells ("safe", "no ideas"); camel case ("GitHub",
# "PowerShell") joins two words and spells none, so it may match in any case.
_CAMEL = re.compile(r"(?:[A-Z][a-z0-9]*[a-z0-9])+")


def _is_case_sensitive(alias: str) -> bool:
    letters = alias.replace(" ", "")
    if len(letters) <= 2 or (alias.isupper() and len(letters) <= 5 and alias.isalpha()):
        return True
    return " " not in alias and alias.isalpha() and _odd_capitals(alias)


def _odd_capitals(word: str) -> bool:
    if word.islower() or word.isupper() or word.istitle():
        return False
    return _CAMEL.fullmatch(word) is None


def surface_forms(entry: Entry) -> Iterator[tuple[str, bool]]:
    """Yield (surface form, case-sensitive) for an entry, label first."""
    explicit = {a[1:] for a in entry.aliases if a.startswith("!")}
    explicit_folded = {fold(a) for a in explicit}
    seen: set[tuple[str, bool]] = set()
    for raw in (entry.label, *entry.aliases):
        if raw.startswith("!"):
            form, cs = raw[1:], True
        else:
            form = raw
            cs = raw in entry.case_sensitive or _is_case_sensitive(raw)
            if not cs and fold(raw) in explicit_folded:
                continue  # an explicit "!X" means X only as written
        if form and (form, cs) not in seen:
            seen.add((form, cs))
            yield form, cs


# "-ics" (electronics, analytics), "-ss", "-us" and "-is" words are not plurals: "electronic"
# must not match "electronics", nor "analysi" anything. Nor is "news" ("reporting news" is
# journalism; "a patient reporting new flashes" is not).
_NOT_PLURAL = ("ss", "us", "is", "ics", "news")


def is_plural(word: str) -> bool:
    """Whether a folded word may be a plural whose singular is the word less its "s"."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL)


def surface_key(form: str, case_sensitive: bool) -> Key:
    words = list(iter_words(form))
    return tuple(words) if case_sensitive else tuple(fold(w) for w in words)


def index_keys(e: Entry) -> Iterator[tuple[bool, Key, bool]]:
    """(case-sensitive, key, counts for the first-word table) for each index key of ``e``.

    Besides each form of two words or more, a plural last word is also indexed singular ("lesson
    plans" ~ "lesson plan"); that extra key does not count towards the longest form starting with
    its word.
    """
    for form, cs in surface_forms(e):
        key = surface_key(form, cs)
        if not key or len(key) > MAX_ALIAS_TOKENS:
            continue
        yield cs, key, True
        # One word stays as written: indexed singular, "vitals" would name vital signs in "it is
        # vital that", "lettings" estate agency in "letting the caller talk", "containers"
        # containerisation in "a shipping container"; a singular that names the skill is an
        # alias of its own ("roadmap"). A plural in the text still meets a singular form.
        if not cs and len(key) > 1 and is_plural(key[-1]):
            yield cs, (*key[:-1], key[-1][:-1]), False


class Taxonomy:
    """Entries by id with an index of surface forms; immutable once built.

    An ambiguous form (see :mod:`planner.skills.senses`) indexes its first sense and is listed
    in :attr:`ambiguous`, so the matcher can choose between its senses from the context.
    """

    def __init__(self, entries: Iterable[Entry], ambiguities: Iterable[Ambiguity] = ()) -> None:
        self._by_id: dict[str, Entry] = {}
        self.ambiguous: dict[tuple[bool, Key], Ambiguity] = {}
        self.ci_index: dict[Key, str] = {}
        self.cs_index: dict[Key, str] = {}
        self.conflicts: list[tuple[str, str, str]] = []  # (form, kept id, other id)
        # Longest form starting with each first word: most words start none, so the
        # matcher skips them with one dict lookup.
        self.ci_first: dict[str, int] = {}
        self.cs_first: dict[str, int] = {}
        self._narrower: dict[str, list[str]] = {}
        for e in entries:
            if e.skill_id in self._by_id:
                raise TaxonomyError(f"duplicate skill id {e.skill_id!r}")
            self._by_id[e.skill_id] = e
            self._index(e)
            for b in e.broader:
                self._narrower.setdefault(b, []).append(e.skill_id)
        for amb in ambiguities:
            self._index_ambiguity(amb)

    def _index_ambiguity(self, amb: Ambiguity) -> None:
        for sid in amb.skill_ids:
            if sid not in self._by_id:
                raise TaxonomyError(f"sense {sid!r} of {amb.forms[0]!r} is not an entry")
        for form in amb.forms:
            cs = form.startswith("!") or _is_case_sensitive(form)
            key = surface_key(form.lstrip("!"), cs)
            index, first = (self.cs_index, self.cs_first) if cs else (self.ci_index, self.ci_first)
            index[key] = amb.senses[0].skill_id
            first[key[0]] = max(first.get(key[0], 0), len(key))
            self.ambiguous[(cs, key)] = amb
            joined = " ".join(key)
            self.conflicts = [c for c in self.conflicts if c[0] != joined]

    def ambiguities(self) -> list[Ambiguity]:
        """Each ambiguous form group once, in the order indexed."""
        return list({id(a): a for a in self.ambiguous.values()}.values())

    def _index(self, e: Entry) -> None:
        for cs, key, counts in index_keys(e):
            self._add_key(e.skill_id, cs, key, counts, e.source == "curated")

    def _add_key(self, skill_id: str, cs: bool, key: Key, counts: bool, curated: bool) -> None:
        index = self.cs_index if cs else self.ci_index
        if counts:
            first = self.cs_first if cs else self.ci_first
            first[key[0]] = max(first.get(key[0], 0), len(key))
        kept = index.setdefault(key, skill_id)
        if counts and kept != skill_id and curated:
            self.conflicts.append((" ".join(key), kept, skill_id))

    def relinked(self, uris: Mapping[str, str]) -> Taxonomy:
        """A copy whose entries carry the ESCO URIs in ``uris`` (skill id -> URI)."""
        out = self._copy()
        for sid, uri in uris.items():
            if sid in out._by_id:
                out._by_id[sid] = replace(out._by_id[sid], esco_uri=uri)
        return out

    def added_keys(self, base: Taxonomy) -> tuple[dict[Key, str], dict[Key, str]]:
        """The (case-folded, exact) index keys this taxonomy has and ``base`` does not."""
        return (
            {k: sid for k, sid in self.ci_index.items() if k not in base.ci_index},
            {k: sid for k, sid in self.cs_index.items() if k not in base.cs_index},
        )

    def first_words(self) -> tuple[dict[str, int], dict[str, int]]:
        """The longest-form-per-first-word tables (case-folded, exact), for :meth:`extended`."""
        return self.ci_first, self.cs_first

    def extended(
        self,
        entries: Iterable[Entry],
        keys: tuple[Iterable[tuple[Key, str]], Iterable[tuple[Key, str]]],
        first_words: tuple[Mapping[str, int], Mapping[str, int]],
    ) -> Taxonomy:
        """A copy plus new entries, with the index keys and first-word lengths they add.

        Loading keys computed once (:meth:`added_keys`, :meth:`first_words`) gives the same
        indexes as building from scratch, without tokenising thirteen thousand ESCO labels on
        every start.
        """
        out = self._copy()
        for e in entries:
            if e.skill_id in out._by_id:
                raise TaxonomyError(f"duplicate skill id {e.skill_id!r}")
            out._by_id[e.skill_id] = e
            for b in e.broader:
                out._narrower.setdefault(b, []).append(e.skill_id)
        out.ci_index.update(keys[0])
        out.cs_index.update(keys[1])
        out.ci_first.update(first_words[0])
        out.cs_first.update(first_words[1])
        return out

    def _copy(self) -> Taxonomy:
        out = Taxonomy(())
        out._by_id = dict(self._by_id)
        out.ci_index, out.cs_index = dict(self.ci_index), dict(self.cs_index)
        out.ci_first, out.cs_first = dict(self.ci_first), dict(self.cs_first)
        out.conflicts = list(self.conflicts)
        out.ambiguous = dict(self.ambiguous)
        out._narrower = {k: list(v) for k, v in self._narrower.items()}
        return out

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._by_id.values())

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._by_id

    def __getitem__(self, skill_id: str) -> Entry:
        return self._by_id[skill_id]

    def get(self, skill_id: str) -> Entry | None:
        """Entry for a skill id, or None."""
        return self._by_id.get(skill_id)

    def lookup(self, name: str) -> Entry | None:
        """Entry whose id, label or alias is ``name`` (exact case first, then folded)."""
        name = name.strip()
        if name in self._by_id:
            return self._by_id[name]
        sid = self.cs_index.get(surface_key(name, True)) or self.ci_index.get(
            surface_key(name, False)
        )
        if sid is None:
            sid = self.ci_index.get(surface_key(name, True))  # "AWS" typed as label
        return self._by_id.get(sid) if sid else None

    def broader(self, skill_id: str) -> tuple[str, ...]:
        return self._by_id[skill_id].broader

    def is_umbrella(self, skill_id: str) -> bool:
        """A broad area with several narrower entries ("teaching", "backend development")."""
        return len(self._narrower.get(skill_id, ())) >= UMBRELLA_CHILDREN

    def narrower(self, skill_id: str) -> tuple[str, ...]:
        return tuple(self._narrower.get(skill_id, ()))

    def related(self, skill_id: str) -> tuple[str, ...]:
        return self._by_id[skill_id].related

    def prerequisites(self, skill_id: str, transitive: bool = False) -> tuple[str, ...]:
        """Ids to learn before ``skill_id``; with ``transitive``, all of them, deepest first."""
        if not transitive:
            return self._by_id[skill_id].prerequisites
        order: list[str] = []
        self._walk_prereqs(skill_id, order, {skill_id})
        return tuple(order)

    def _walk_prereqs(self, skill_id: str, order: list[str], seen: set[str]) -> None:
        for p in self._by_id[skill_id].prerequisites:
            if p in seen or p not in self._by_id:
                continue
            seen.add(p)
            self._walk_prereqs(p, order, seen)
            order.append(p)

    def ancestors(self, skill_id: str) -> frozenset[str]:
        """All ids reachable through ``broader`` links (not including ``skill_id``)."""
        out: set[str] = set()
        stack = list(self._by_id[skill_id].broader) if skill_id in self._by_id else []
        while stack:
            b = stack.pop()
            if b not in out and b in self._by_id:
                out.add(b)
                stack.extend(self._by_id[b].broader)
        return frozenset(out)

    def dangling_links(self) -> list[tuple[str, str]]:
        """(entry id, target) for every link whose target is not an entry."""
        bad = []
        for e in self._by_id.values():
            for t in (*e.broader, *e.related, *e.prerequisites):
                if t not in self._by_id:
                    bad.append((e.skill_id, t))
        return bad


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _parse_attrs(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for part in text.split():
        key, sep, value = part.partition("=")
        if not sep:
            raise TaxonomyError(f"bad attribute {part!r}")
        attrs[key] = value
    return attrs


def parse_lines(lines: Iterable[str], domain: str = "") -> Iterator[Entry]:
    """Parse taxonomy lines in the format described in the module docstring."""
    defaults: dict[str, str] = {}
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            defaults = _parse_attrs(line[1:-1])
            continue
        try:
            yield _parse_entry(line, defaults, domain)
        except (TaxonomyError, ValueError) as exc:
            raise TaxonomyError(f"{domain}:{n}: {exc}") from exc


def _parse_entry(line: str, defaults: Mapping[str, str], domain: str) -> Entry:
    parts = [p.strip() for p in re.split(r"\s+\|(?=\s|$)", line)]
    label = parts[0]
    aliases = _split_list(parts[1]) if len(parts) > 1 else ()
    attrs = {**defaults, **(_parse_attrs(parts[2]) if len(parts) > 2 else {})}
    skill_id = attrs.get("id") or slugify(label.lstrip("!"))
    issuer = attrs.get("issuer")
    return Entry(
        skill_id=skill_id,
        label=label.lstrip("!"),
        kind=GoalKind(attrs.get("kind", "technical")),
        aliases=(f"!{label[1:]}",) + aliases if label.startswith("!") else aliases,
        broader=tuple(b for b in _split_list(attrs.get("broader", "")) if b != skill_id),
        related=_split_list(attrs.get("rel", "")),
        prerequisites=_split_list(attrs.get("pre", "")),
        issuer=issuer.replace("_", " ") if issuer else None,
        domain=domain,
    )


def shipped_entries() -> list[Entry]:
    """Entries of the curated taxonomy that ships with the package."""
    folder = resources.files("planner.skills").joinpath("data", "taxonomy")
    entries: list[Entry] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".txt"):
            text = item.read_text(encoding="utf-8")
            entries.extend(parse_lines(text.splitlines(), item.name.removesuffix(".txt")))
    return entries


@functools.cache
def load_taxonomy() -> Taxonomy:
    """The shipped curated taxonomy (cached for the process)."""
    return Taxonomy(shipped_entries(), shipped_senses())


def data_dir() -> Path:
    """Where imported data (the ESCO index) lives: $PLANNER_DATA_DIR, default ./var."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


def esco_links(
    taxonomy: Taxonomy, esco: Iterable[tuple[str, str, tuple[str, ...]]]
) -> tuple[dict[str, str], list[Entry]]:
    """ESCO URIs for curated entries (skill id -> URI), and entries for the concepts left over.

    ``esco`` yields (uri, preferred label, alt labels). A curated entry gets the URI of the
    concept whose preferred or alternative label equals its label or one of its aliases.
    """
    by_form: dict[str, str] = {}
    concepts: list[tuple[str, str, tuple[str, ...]]] = []
    for c_uri, label, alts in esco:
        concepts.append((c_uri, label, alts))
        by_form.setdefault(fold(label), c_uri)
    for c_uri, _, alts in concepts:
        for alt in alts:
            by_form.setdefault(fold(alt), c_uri)
    uris: dict[str, str] = {}
    for e in taxonomy:
        uri: str | None = by_form.get(fold(e.label)) or next(
            (by_form[fold(a.lstrip("!"))] for a in e.aliases if fold(a.lstrip("!")) in by_form),
            None,
        )
        if uri:
            uris[e.skill_id] = uri
    used = set(uris.values())
    ids = {e.skill_id for e in taxonomy}
    extra: list[Entry] = []
    for c_uri, label, alts in concepts:
        sid = slugify(label)
        if c_uri in used or not sid or sid in ids:
            continue
        ids.add(sid)
        extra.append(esco_entry(sid, label, alts, c_uri))
    return uris, extra


def esco_entry(skill_id: str, label: str, alts: tuple[str, ...], uri: str) -> Entry:
    """The entry for an ESCO concept no curated entry covers."""
    return Entry(
        skill_id, label, GoalKind.TECHNICAL, alts, esco_uri=uri, domain="esco", source="esco"
    )


def with_esco_links(
    taxonomy: Taxonomy, esco: Iterable[tuple[str, str, tuple[str, ...]]]
) -> Taxonomy:
    """Taxonomy whose entries carry ESCO URIs, plus the ESCO concepts no entry covers."""
    uris, extra = esco_links(taxonomy, esco)
    linked = [replace(e, esco_uri=uris.get(e.skill_id) or e.esco_uri) for e in taxonomy]
    return Taxonomy([*linked, *extra], taxonomy.ambiguities())


@functools.cache
def shipped_fingerprint() -> str:
    """A hash of the shipped taxonomy files: an index built for other data is stale."""
    folder = resources.files("planner.skills").joinpath("data", "taxonomy")
    h = hashlib.sha256()
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".txt"):
            h.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    h.update(shipped_senses_bytes())
    return h.hexdigest()[:16]


def default_taxonomy() -> Taxonomy:
    """The shipped taxonomy plus the ESCO index imported into :func:`data_dir`, if any."""
    from planner.skills.esco import index_path, linked_path

    folder = data_dir()
    for path in (linked_path(folder), index_path(folder)):
        if path.is_file():
            stat = path.stat()
            return _with_index(str(path), stat.st_mtime_ns, stat.st_size)
    return load_taxonomy()


@functools.lru_cache(maxsize=2)
def _with_index(path: str, mtime: int, size: int) -> Taxonomy:
    from planner.skills.esco import load_taxonomy_index

    return load_taxonomy_index(Path(path))
