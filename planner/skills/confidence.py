"""How sure a goal is: a logistic model over what the extractor saw, fitted on texts it was not
tuned on.

A goal's confidence is meant to read as a probability that a careful reader of the same text
would write the goal down. The weights below were fitted by ``bench/confidence.py`` on the
development *check* sets (texts scored once and never tuned on), which behave like new users'
text; the bench prints how well the result is calibrated on each set, held-out ones included.

What separates right from wrong goals on such text, in that fit: a skill named by a single
everyday lower-case word ("cleaning", "sales", "simulation") is wrong more often than right; a
single capitalised word ("Kubernetes") is near an even chance, an acronym ("SQL") surer, and a
multi-word name surer still; a second mention or a strong gap word ("lacked", "no experience
of") makes a goal likelier to hold. A must-have from a job description that the resume seems to
lack is right less than half the time on new postings (the resume often shows it in other
words), a nice-to-have more often.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from planner.skills.cues import Cue
from planner.skills.model import GoalKind

# Refit with `python -P bench/confidence.py --fit` and paste its output here. "imported" is not
# fitted: no check text names an ESCO-only concept, so it keeps a prior that puts an imported
# concept's goal below an even chance unless the text frames it as a strong gap.
WEIGHTS: Mapping[str, float] = {
    "bias": 0.748,
    "one_lower": -0.946,
    "one_word": -0.794,
    "acronym": 0.753,
    "repeated": 0.708,
    "strong_gap": 0.178,
    "gap": 0.183,
    "requirement": 1.263,
    "no_cue": -0.466,
    "soft": -0.083,
    "imported": -2.0,
    "ambiguous": -0.438,
    "job_must": -0.999,
    "job_nice": -0.159,
}

# Below this a goal is more likely wrong than right: the service stores it as proposed, for the
# person to keep or drop, instead of confirmed (and planned) at once.
SURE = 0.5

FEATURES = (
    "one_lower",  # every mention is a single lower-case word ("cleaning")
    "one_word",  # every mention is a single word, any case ("Excel", "SQL")
    "acronym",  # a mention written in capitals ("SQL", "CSCS")
    "repeated",  # named in two or more places
    "strong_gap",  # "lacked", "no experience of"
    "gap",  # "more experience with", "would have liked"
    "requirement",  # "the role requires"
    "no_cue",  # named in a sentence that gives a reason, with no cue of its own
    "soft",  # a soft or job-search skill
    "imported",  # an ESCO concept, not a curated entry
    "ambiguous",  # a form with several senses, the sense chosen from context
    "job_must",  # from the job description, a must-have the resume does not show
    "job_nice",  # from the job description, a nice-to-have the resume does not show
)


def mention_features(
    surfaces: Iterable[tuple[str, int, bool]],
    cue: Cue | None,
    kind: GoalKind,
    imported: bool,
) -> dict[str, float]:
    """Features of a goal found in feedback.

    ``surfaces`` holds, for each place the skill is named, the words as written, how many
    words they are and whether the form has several senses.
    """
    forms = list(surfaces)
    single = all(n == 1 for _, n, _ in forms)
    return {
        "one_lower": float(single and all(s.islower() for s, _, _ in forms)),
        "one_word": float(single),
        "acronym": float(any(s.isupper() and len(s) >= 2 for s, _, _ in forms)),
        "repeated": float(len(forms) >= 2),
        "strong_gap": float(cue is Cue.STRONG_GAP),
        "gap": float(cue is Cue.GAP),
        "requirement": float(cue in (Cue.REQUIREMENT, Cue.NICE)),
        "no_cue": float(cue is None),
        "soft": float(kind in (GoalKind.SOFT, GoalKind.JOB_SEARCH)),
        "imported": float(imported),
        "ambiguous": float(any(a for _, _, a in forms)),
    }


def requirement_features(must_have: bool, kind: GoalKind) -> dict[str, float]:
    """Features of a goal the job description asks for and the resume does not show."""
    return {
        "job_must": float(must_have),
        "job_nice": float(not must_have),
        "soft": float(kind in (GoalKind.SOFT, GoalKind.JOB_SEARCH)),
    }


def score(features: Mapping[str, float], weights: Mapping[str, float] = WEIGHTS) -> float:
    """The model's probability, rounded to two places and kept inside [0.05, 0.99]."""
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return round(min(0.99, max(0.05, 1.0 / (1.0 + math.exp(-z)))), 2)
