"""Job-search steps the feedback calls for, dated and given a slice of the week.

Steps come from three places: actions the extractor returned (``request_feedback`` with its
draft, ``rehearse_described_gaps`` with the sentences to rehearse, or anything else), job-search
goals (interview preparation, demonstrating impact,
application tailoring, professional networking), and goals no provider offered anything for,
which get self-directed practice so that no confirmed goal drops off the roadmap unseen. Every
plan also gets reflection checkpoints and a final tailoring pass before the re-application
milestone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from planner.scheduling.calendar import Calendar, to_minutes
from planner.scheduling.model import GoalSpec, ItemKind, JobAction, RoadmapItem, Session

_SEARCH_DAYS = 30
_SHORTEST = 15  # a step shorter than this is a reminder, not a session
CHECKPOINT_EVERY = 28


class ActionLike(Protocol):
    """Anything with the extractor Action's fields."""

    @property
    def kind(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def detail(self) -> str: ...


ActionInput = tuple[str, str] | JobAction | ActionLike


@dataclass(frozen=True)
class Step:
    """A job-search step before it gets a date with free time."""

    key: str
    title: str
    desired: date
    minutes: int
    reason: str
    detail: str = ""
    goal_id: str | None = None


def normalise(actions: Iterable[ActionInput]) -> list[JobAction]:
    """Accept (title, detail) pairs, JobAction, or objects with kind/title/detail."""
    out: list[JobAction] = []
    for a in actions:
        if isinstance(a, JobAction):
            out.append(a)
        elif isinstance(a, tuple):
            title, detail = a
            out.append(JobAction(_kind_of_title(title), title, detail))
        else:
            out.append(JobAction(a.kind, a.title, a.detail))
    return out


def _kind_of_title(title: str) -> str:
    return "request_feedback" if "feedback" in title.lower() else slug(title)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "step"


def _at(start: date, horizon: date, days: float) -> date:
    """``start`` plus ``days``, kept within [start, horizon]."""
    return min(horizon, start + timedelta(days=max(0, round(days))))


def from_actions(actions: Sequence[JobAction], start: date, horizon: date) -> list[Step]:
    """Steps for the extractor's actions; a feedback request also gets a follow-up."""
    steps: list[Step] = []
    for a in actions:
        minutes = to_minutes(a.hours)
        if a.kind == "request_feedback":
            why = "The rejection named no reason; a short, specific ask often gets one."
            steps.append(Step("action:request-feedback", a.title, start, minutes, why, a.detail))
            steps.append(Step("action:feedback-follow-up", "Follow up on the feedback request",
                              _at(start, horizon, 7), 15,
                              "A polite nudge a week later doubles the replies."))
        else:
            steps.append(Step(f"action:{slug(a.kind)}", a.title, start, minutes,
                              "Called for by the feedback.", a.detail))
    return steps


def from_goals(goals: Sequence[GoalSpec], start: date, horizon: date) -> list[Step]:
    """Steps for job-search goals, each spread over the plan's span (one set per kind of step:
    "interview preparation" and "behavioral interviewing" share the mock interviews)."""
    span = (horizon - start).days
    steps: list[Step] = []
    made: set[StepMaker] = set()
    for g in goals:
        maker = GOAL_STEPS.get(g.id)
        if maker is not None and maker not in made:
            made.add(maker)
            steps.extend(maker(g, start, horizon, span))
    return steps


_PRACTICE = {
    "soft": "Pick a real situation this week where it matters (a meeting, an email, a hard "
            "conversation). Prepare, do it, and note one thing to do differently; ask someone "
            "you trust for one line of feedback.",
    "job_search": "Rehearse it out loud, with a friend or on camera, on the questions from your "
                  "feedback; note one thing to improve next time.",
    "certification": "Read the issuer's exam page (syllabus, cost, how to book) and pick a date; "
                     "then work through the official syllabus.",
    "language": "Half an hour of speaking or writing with a partner or an exchange group; note "
                "the words you were missing.",
}
_PRACTICE_DEFAULT = ("Build something small that uses it, from the official documentation or a "
                     "tutorial, and keep the result to show in your next application.")


def practice_steps(goals: Sequence[GoalSpec], start: date, horizon: date) -> list[Step]:
    """Two self-directed sessions for each goal no provider offered anything for and no
    job-search step covers, early and mid-plan, so the goal stays on the roadmap."""
    span = (horizon - start).days
    out: list[Step] = []
    for g in goals:
        if g.id in GOAL_STEPS:
            continue
        why = f"No resource from the providers is planned for {g.label}; practise it on your own."
        detail = _PRACTICE.get(g.kind, _PRACTICE_DEFAULT)
        out.extend(Step(f"action:practice-{g.id}-{n}", f"{g.label}: practice session {n} of 2",
                        _at(start, horizon, span * frac), 60, why, detail, g.id)
                   for n, frac in ((1, 0.1), (2, 0.5)))
    return out


def _mock_interviews(g: GoalSpec, start: date, horizon: date, span: int) -> list[Step]:
    return [Step(f"action:mock-interview-{n}", f"Mock interview {n} of 3", _at(start, horizon,
                 span * frac), 60, f"{g.label} was named in the feedback; rehearse out loud.",
                 "Practise with a peer or a mock-interview service; note one thing to improve.",
                 g.id) for n, frac in ((1, 0.45), (2, 0.7), (3, 0.9))]


def _impact(g: GoalSpec, start: date, horizon: date, span: int) -> list[Step]:
    return [Step("action:impact-bullets", "Rewrite resume bullets to show measurable impact",
                 _at(start, horizon, 7), 60, f"{g.label} was named in the feedback.",
                 "Situation, action, result: one number per bullet where you can.", g.id)]


def _tailoring(g: GoalSpec, start: date, horizon: date, span: int) -> list[Step]:
    return [Step("action:tailor-resume-early", "Tailor your resume to the target role",
                 _at(start, horizon, 10), 60, f"{g.label} was named in the feedback.",
                 "Mirror the job description's words for skills you really have.", g.id)]


def _networking(g: GoalSpec, start: date, horizon: date, span: int) -> list[Step]:
    ask = Step("action:networking-outreach", "Ask two people in the role for a short chat",
               _at(start, horizon, 5), 30, f"{g.label} was named in the feedback.",
               "Former colleagues, alumni or community members: 20 minutes, specific questions.",
               g.id)
    chats = [Step(f"action:informational-conversation-{n}", f"Informational conversation {n}",
                  _at(start, horizon, days), 60, "Learn what the role needs from people in it.",
                  "", g.id) for n, days in ((1, 21), (2, 42))]
    return [ask, *chats]


StepMaker = Callable[[GoalSpec, date, date, int], list[Step]]

# Keyed by taxonomy ids (a test checks each is a shipped job-search entry).
GOAL_STEPS: dict[str, StepMaker] = {
    "interview-preparation": _mock_interviews,
    "behavioral-interviewing": _mock_interviews,
    "demonstrating-impact": _impact,
    "application-tailoring": _tailoring,
    "resume-writing": _tailoring,
    "professional-networking": _networking,
}


def routine_steps(start: date, horizon: date) -> list[Step]:
    """Reflection checkpoints every four weeks and a final tailoring pass before re-applying."""
    steps = [Step(f"action:checkpoint-{day.isoformat()}", "Reflection checkpoint", day, 15,
                  "Look back, mark items done or behind, and re-plan if needed.",
                  "What worked, what slipped, what to change next month.")
             for day in _checkpoint_days(start, horizon)]
    final = Step("action:tailor-application", "Tailor resume and cover letter for re-applying",
                 _at(start, horizon, (horizon - start).days - 10), 90,
                 "Show the new skills and practice work in the next application.",
                 "Add finished courses, credentials and project links; mirror the job's words.")
    return [*steps, final]


def _checkpoint_days(start: date, horizon: date) -> list[date]:
    days = []
    day = start + timedelta(days=CHECKPOINT_EVERY - 1)
    while day < horizon:
        days.append(day)
        day += timedelta(days=CHECKPOINT_EVERY)
    return days


def all_steps(goals: Sequence[GoalSpec], actions: Sequence[JobAction], start: date,
              horizon: date, unserved: Sequence[GoalSpec] = ()) -> list[Step]:
    """Every job-search step for the plan, with unique keys; ``unserved`` are the goals no
    provider offered a usable resource for."""
    steps = [*from_actions(actions, start, horizon), *from_goals(goals, start, horizon),
             *practice_steps(unserved, start, horizon), *routine_steps(start, horizon)]
    return _unique_keys(steps)


def _unique_keys(steps: list[Step]) -> list[Step]:
    seen: dict[str, int] = {}
    out = []
    for s in steps:
        n = seen[s.key] = seen.get(s.key, 0) + 1
        out.append(s if n == 1 else Step(f"{s.key}-{n}", *_fields_after_key(s)))
    return out


def _fields_after_key(s: Step) -> tuple[str, date, int, str, str, str | None]:
    return (s.title, s.desired, s.minutes, s.reason, s.detail, s.goal_id)


def place_steps(steps: Sequence[Step], cal: Calendar, used: dict[date, int],
                span: tuple[date, date]) -> list[RoadmapItem]:
    """Give each step a day with room for it within ``span``, near the day it wants.

    ``used`` (minutes taken per day) is updated in place.
    """
    ordered = sorted(steps, key=lambda s: (s.desired, s.key))
    return [_place(s, cal, used, span) for s in ordered]


def _place(s: Step, cal: Calendar, used: dict[date, int], span: tuple[date, date]) -> RoadmapItem:
    day, minutes = _free_day(s, cal, used, span)
    if minutes:
        used[day] = used.get(day, 0) + minutes
    hours = minutes / 60
    sessions = (Session(day, hours),) if minutes else ()
    return RoadmapItem(s.key, ItemKind.ACTION, s.title, day, day, hours, hours, s.goal_id,
                       None, s.reason, s.detail, sessions)


def _free_day(s: Step, cal: Calendar, used: dict[date, int],
              span: tuple[date, date]) -> tuple[date, int]:
    """The nearest day with room for the whole step, else for a shortened one (at least
    ``_SHORTEST`` minutes), else a zero-minute reminder on the day it wants."""
    first, last = span
    forward = [s.desired + timedelta(days=n) for n in range(_SEARCH_DAYS)]
    backward = [s.desired - timedelta(days=n) for n in range(1, _SEARCH_DAYS)]
    days = [d for d in forward + backward if first <= d <= last]
    for need in (s.minutes, min(s.minutes, _SHORTEST)):
        for day in days:
            free = cal.minutes(day) - used.get(day, 0)
            if free >= need:
                return day, min(s.minutes, free)
    return s.desired, 0
