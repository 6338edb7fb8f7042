"""Validation of the curated catalog data under ``planner_catalog/data/*.json``.

These tests check properties of the shipped data itself (not the provider code): every row
loads and validates, ids and URLs are unique, every resource has hours, a level, a source and a
priced cost, certifications carry exam cost and validity, the kinds and skills are covered, and
every skill id exists in the skill taxonomy (``planner.skills.taxonomy``).

The row checks live in :func:`row_problems` so that ``test_checker_rejects_broken_rows`` can show
they fail on bad data.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import date
from importlib.resources import files
from typing import Any

import pytest
from planner_catalog import load_report

from planner.providers import ResourceKind

# Date the entries were last reviewed for the catalog commit. ``last_verified`` may not be later
# than this (no clock read: bump it together with the data when the catalog is re-reviewed).
REVIEW_DATE = date(2026, 11, 26)
# Oldest acceptable review date; older entries must be re-reviewed.
OLDEST_REVIEW = date(2025, 1, 1)

MIN_RESOURCES = 400
MIN_SKILLS = 120
MIN_PER_KIND = {
    "course": 120,
    "reading": 80,
    "certification": 80,
    "practice": 40,
    "volunteer": 30,
    "community": 40,
    "event": 25,
}
MIN_FILES = 12
REQUIRED_KEYS = {"external_id", "kind", "title", "url", "description", "source", "skills",
                 "level", "cost", "effort", "last_verified"}
LEVELS = {"introductory", "intermediate", "advanced"}
CREDENTIAL_TYPES = {"completion", "professional", "industry_cert", "badge"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
LIFETIME_NOTE = "does not expire"
# Skills the roadmap needs across occupations: each must have at least one resource.
MUST_COVER = [
    # soft skills
    "communication", "stakeholder-management", "demonstrating-impact", "leadership",
    "negotiation", "presentation-skills", "time-management", "teamwork", "conflict-resolution",
    "emotional-intelligence", "written-communication", "people-management", "mentoring",
    # job search
    "interview-preparation", "behavioral-interviewing", "system-design-interviewing",
    "technical-interviewing", "application-tailoring", "resume-writing", "cover-letter-writing",
    "professional-networking", "linkedin-profile-optimization", "salary-negotiation",
    "portfolio-building", "job-search-strategy",
    # occupations
    "python", "javascript", "sql", "kubernetes", "docker", "aws", "azure", "machine-learning",
    "data-analysis", "microsoft-excel", "tableau", "power-bi", "cybersecurity", "figma",
    "user-research", "ux-design", "search-engine-optimization", "google-analytics", "salesforce",
    "sales", "financial-modeling", "accounting", "financial-reporting", "medical-coding",
    "public-health", "teaching", "lesson-planning", "project-management", "agile-methodologies",
    "scrum", "supply-chain-management", "customer-service", "customer-success", "english",
    "spanish", "french", "german",
    # credentials
    "pmp", "certified-kubernetes-administrator", "aws-certified-solutions-architect-associate",
    "comptia-security-plus", "certified-public-accountant", "cfa", "cissp",
]
LEARN_KINDS = {"course", "reading"}
PRACTICE_KINDS = {"practice", "volunteer", "event", "community"}


def _raw_rows() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(files("planner_catalog").joinpath("data").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".json"):
            rows = json.loads(path.read_text(encoding="utf-8"))
            assert isinstance(rows, list), f"{path.name}: top level must be a JSON array"
            out.extend((path.name, row) for row in rows)
    return out


RAW = _raw_rows()
RESOURCES, LOAD_ERRORS = load_report()


def row_problems(row: dict[str, Any]) -> list[str]:
    """Everything wrong with one raw catalog row (empty list when it is fine)."""
    p: list[str] = []
    if not isinstance(row, dict):
        return ["row is not an object"]
    missing = REQUIRED_KEYS - row.keys()
    if missing:
        p.append(f"missing keys {sorted(missing)}")
    eid = row.get("external_id", "")
    if not (isinstance(eid, str) and SLUG.match(eid)):
        p.append(f"external_id {eid!r} is not a slug")
    if row.get("kind") not in {k.value for k in ResourceKind}:
        p.append(f"unknown kind {row.get('kind')!r}")
    url = row.get("url", "")
    if not (isinstance(url, str) and url.startswith("https://") and " " not in url):
        p.append(f"url {url!r} is not https")
    for key in ("title", "source", "description"):
        if not (isinstance(row.get(key), str) and row[key].strip()):
            p.append(f"{key} is empty")
    if len(str(row.get("description", ""))) > 400:
        p.append("description longer than 400 characters (one or two sentences)")
    skills = row.get("skills")
    if not (isinstance(skills, list) and skills):
        p.append("no skills")
    else:
        bad = [s for s in skills if not (isinstance(s, str) and SLUG.match(s))]
        if bad:
            p.append(f"skill ids not slugs: {bad}")
        if len(set(skills)) != len(skills):
            p.append("duplicate skill ids")
    if row.get("level") not in LEVELS:
        p.append(f"level {row.get('level')!r} not one of {sorted(LEVELS)}")
    p.extend(_cost_problems(row.get("cost")))
    p.extend(_effort_problems(row.get("effort")))
    p.extend(_date_problems(row.get("last_verified")))
    if row.get("kind") == "certification":
        p.extend(_credential_problems(row))
    elif row.get("credential") is not None:
        cred = row["credential"]
        if not isinstance(cred, dict) or cred.get("type") not in CREDENTIAL_TYPES:
            p.append("credential.type invalid")
    return p


def _cost_problems(cost: Any) -> list[str]:
    if not isinstance(cost, dict):
        return ["cost missing"]
    p = []
    if not isinstance(cost.get("free"), bool):
        p.append("cost.free must be true or false")
    if not (isinstance(cost.get("currency"), str) and CURRENCY.match(cost["currency"])):
        p.append("cost.currency must be a 3-letter ISO code")
    amount = cost.get("amount")
    if not isinstance(amount, int | float) or isinstance(amount, bool) or amount < 0:
        p.append("cost.amount must be a number >= 0")
    elif cost.get("free") is True and amount != 0:
        p.append("free resource with a non-zero amount")
    elif cost.get("free") is False and amount <= 0:
        p.append("paid resource without a positive amount")
    return p


def _effort_problems(effort: Any) -> list[str]:
    if not isinstance(effort, dict):
        return ["effort missing"]
    total = effort.get("total_hours")
    weekly, weeks = effort.get("weekly_hours"), effort.get("weeks")
    hours = total if total is not None else (weekly * weeks if weekly and weeks else None)
    p = []
    if not isinstance(hours, int | float) or hours <= 0:
        p.append("effort has no positive hours (total_hours or weekly_hours x weeks)")
    if "is_estimate" in effort and not isinstance(effort["is_estimate"], bool):
        p.append("effort.is_estimate must be a bool")
    return p


def _date_problems(value: Any) -> list[str]:
    try:
        when = date.fromisoformat(value)
    except (TypeError, ValueError):
        return [f"last_verified {value!r} is not an ISO date"]
    if when > REVIEW_DATE:
        return [f"last_verified {when} is after the review date {REVIEW_DATE}"]
    if when < OLDEST_REVIEW:
        return [f"last_verified {when} is older than {OLDEST_REVIEW}; re-review the entry"]
    return []


def _credential_problems(row: dict[str, Any]) -> list[str]:
    cred = row.get("credential")
    if not isinstance(cred, dict):
        return ["certification without credential"]
    p = []
    if cred.get("type") not in CREDENTIAL_TYPES:
        p.append(f"credential.type {cred.get('type')!r} invalid")
    if not (isinstance(cred.get("issuer"), str) and cred["issuer"].strip()):
        p.append("credential.issuer missing")
    exam = cred.get("exam_cost")
    if not isinstance(exam, int | float) or isinstance(exam, bool) or exam < 0:
        p.append("credential.exam_cost missing")
    if "validity_months" not in cred:
        p.append("credential.validity_months missing (use null only for lifetime credentials)")
    elif cred["validity_months"] is None:
        if LIFETIME_NOTE not in row.get("description", ""):
            p.append(f"validity_months null but the description does not say {LIFETIME_NOTE!r}")
    elif not isinstance(cred["validity_months"], int) or cred["validity_months"] <= 0:
        p.append("credential.validity_months must be a positive integer or null")
    eff = row.get("effort") or {}
    if not (eff.get("total_hours") or (eff.get("weekly_hours") and eff.get("weeks"))):
        p.append("certification without typical preparation hours")
    return p


def _taxonomy_ids() -> set[str]:
    try:
        from planner.skills.taxonomy import load_taxonomy
    except ImportError as exc:  # pragma: no cover - only before the taxonomy exists
        used = sorted({s for _, row in RAW for s in row.get("skills", [])})
        pytest.fail(f"skill taxonomy not importable ({exc}); catalog uses: {', '.join(used)}")
    return {e.skill_id for e in load_taxonomy()}


# --- the data ---------------------------------------------------------------------------------


def test_every_row_loads_through_the_provider() -> None:
    assert not LOAD_ERRORS, "rows skipped by load_report():\n" + "\n".join(LOAD_ERRORS)
    assert len(RESOURCES) == len(RAW)


def test_every_row_is_complete_and_consistent() -> None:
    bad = [f"{name} {row.get('external_id')}: {'; '.join(probs)}"
           for name, row in RAW if (probs := row_problems(row))]
    assert not bad, "\n".join(bad)


def test_size_and_spread() -> None:
    assert len(RESOURCES) >= MIN_RESOURCES
    skills = {s for r in RESOURCES for s in r.skills}
    assert len(skills) >= MIN_SKILLS, f"only {len(skills)} distinct skills"
    files_used = {name for name, _ in RAW}
    assert len(files_used) >= MIN_FILES, f"only {len(files_used)} domain files"


def test_external_ids_are_unique() -> None:
    dupes = [i for i, n in Counter(r.external_id for r in RESOURCES).items() if n > 1]
    assert not dupes, f"duplicate external_id: {dupes}"


def test_urls_are_unique_per_kind() -> None:
    dupes = [k for k, n in Counter((r.kind.value, r.url.rstrip("/")) for r in RESOURCES).items()
             if n > 1]
    assert not dupes, f"same URL listed twice as the same kind: {dupes}"


def test_parsed_resources_have_hours_level_source_and_currency() -> None:
    for r in RESOURCES:
        assert r.effort.hours and r.effort.hours > 0, r.external_id
        assert r.level is not None, r.external_id
        assert r.source.strip(), r.external_id
        assert CURRENCY.match(r.cost.currency), r.external_id
        assert r.last_verified is not None and r.last_verified <= REVIEW_DATE, r.external_id


def test_certifications_carry_exam_cost_and_validity() -> None:
    certs = [r for r in RESOURCES if r.kind is ResourceKind.CERTIFICATION]
    assert certs
    for r in certs:
        c = r.credential
        assert c is not None and c.issuer and c.exam_cost is not None, r.external_id
        assert c.validity_months is not None or LIFETIME_NOTE in r.description, r.external_id


def test_every_kind_is_covered() -> None:
    counts = Counter(r.kind.value for r in RESOURCES)
    short = {k: (counts[k], n) for k, n in MIN_PER_KIND.items() if counts[k] < n}
    assert not short, f"kinds below their minimum (have, want): {short}"


def test_skill_ids_exist_in_the_taxonomy() -> None:
    known = _taxonomy_ids()
    where: dict[str, list[str]] = defaultdict(list)
    for r in RESOURCES:
        for s in r.skills:
            if s not in known:
                where[s].append(r.external_id)
    assert not where, "skill ids missing from the taxonomy:\n" + "\n".join(
        f"  {s}: {', '.join(ids)}" for s, ids in sorted(where.items()))


def test_key_skills_have_resources() -> None:
    tagged = {s for r in RESOURCES for s in r.skills}
    missing = [s for s in MUST_COVER if s not in tagged]
    assert not missing, f"no resource for: {missing}"


def test_most_skills_have_both_learning_and_practice() -> None:
    kinds: dict[str, set[str]] = defaultdict(set)
    for r in RESOURCES:
        for s in r.skills:
            kinds[s].add(r.kind.value)
    both = [s for s, k in kinds.items() if k & LEARN_KINDS and k & PRACTICE_KINDS]
    assert len(both) >= MIN_SKILLS, f"only {len(both)} skills have learning and practice resources"
    for s in MUST_COVER[:25]:  # soft and job-search skills: learn it and practise it
        assert kinds[s] & LEARN_KINDS, f"{s}: no course or reading"
        assert kinds[s] & PRACTICE_KINDS, f"{s}: no practice, volunteer, event or community"


# --- the checker can fail ---------------------------------------------------------------------


def _good_row() -> dict[str, Any]:
    return {
        "external_id": "x-course", "kind": "course", "title": "X", "url": "https://example.org/x",
        "description": "A course.", "source": "Example", "skills": ["python"],
        "level": "introductory", "cost": {"free": True, "amount": 0, "currency": "USD"},
        "effort": {"total_hours": 3}, "last_verified": "2026-11-26",
    }


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"url": "http://example.org/x"}, "https"),
        ({"level": None}, "level"),
        ({"source": " "}, "source is empty"),
        ({"effort": {"total_hours": 0}}, "positive hours"),
        ({"effort": {"weekly_hours": 2}}, "positive hours"),
        ({"cost": {"free": False, "amount": 10}}, "currency"),
        ({"cost": {"free": True, "amount": 5, "currency": "USD"}}, "non-zero"),
        ({"last_verified": "2026-11-27"}, "after the review date"),
        ({"last_verified": "soon"}, "not an ISO date"),
        ({"external_id": "Bad Id"}, "slug"),
        ({"skills": []}, "no skills"),
        ({"kind": "certification"}, "without credential"),
        ({"kind": "certification", "credential": {"type": "industry_cert", "issuer": "X",
                                                   "exam_cost": 100, "validity_months": None}},
         "does not expire"),
        ({"kind": "certification", "credential": {"type": "industry_cert", "issuer": "",
                                                   "exam_cost": None}}, "issuer"),
    ],
)
def test_checker_rejects_broken_rows(change: dict[str, Any], expected: str) -> None:
    assert row_problems(_good_row()) == []
    row = {**_good_row(), **change}
    assert any(expected in msg for msg in row_problems(row)), row_problems(row)
