"""Job-search steps and milestones: one example each."""

from __future__ import annotations

from datetime import date, timedelta

from planner import roadmaps
from planner.providers.model import ResourceKind
from planner.scheduling import (
    Constraints,
    GoalSpec,
    ItemKind,
    JobAction,
    Roadmap,
    RoadmapItem,
    plan,
)
from planner.scheduling.actions import GOAL_STEPS
from planner.skills import default_taxonomy, extract
from planner.skills.model import Action, GoalKind
from tests.texts import UNNAMED_REASON

from .strategies import START, res

TARGET = START + timedelta(days=120)
C = Constraints(START, 6, target_date=TARGET)
DRAFT = "Thank you. Could you share where my application fell short?"


def _by_key(rm: Roadmap) -> dict[str, RoadmapItem]:
    return {i.key: i for i in rm.items}


def _keys(rm: Roadmap, prefix: str) -> list[str]:
    return [i.key for i in rm.items if i.key.startswith(prefix)]


def test_feedback_request_from_tuple_carries_its_draft_on_day_one() -> None:
    rm = plan([], {}, C, [("Ask for specific feedback", DRAFT)])
    item = next(i for i in rm.items if i.key == "action:request-feedback")
    assert (item.kind, item.start, item.detail) == (ItemKind.ACTION, START, DRAFT)
    assert item.hours > 0 and item.sessions
    follow = next(i for i in rm.items if i.key == "action:feedback-follow-up")
    assert follow.start > item.start


def test_actions_accept_extractor_objects_and_job_actions() -> None:
    objs = [Action("request_feedback", "Ask for specific feedback", DRAFT),
            JobAction("portfolio", "Publish a portfolio page", "One page, three projects", 1.0)]
    rm = plan([], {}, Constraints(START, 10, target_date=TARGET), objs)
    items = {i.key: i for i in rm.items}
    assert items["action:request-feedback"].detail == DRAFT
    assert items["action:portfolio"].hours == 1.0


def test_what_the_feedback_described_without_a_skill_becomes_a_practice_step() -> None:
    res = extract(UNNAMED_REASON)
    rm = plan([], {}, C, res.actions)
    item = _by_key(rm)["action:rehearse-described-gaps"]
    assert item.title == "Rehearse what the feedback describes" and item.hours > 0
    assert "which of three late orders to chase first" in item.detail
    assert "action:request-feedback" in _by_key(rm)  # no goal: it also asks for specifics


def test_stored_actions_keep_their_kind_whatever_their_title_says() -> None:
    # as the service stores them with a plan: the rehearsal's title mentions "feedback", and
    # read by its title it became a feedback request with a follow-up a week later
    stored = {"actions": [a.to_dict() for a in extract(UNNAMED_REASON + " Your SQL was weak.")
                          .actions]}
    keys = _by_key(plan([], {}, C, roadmaps.actions(stored)))
    assert "action:rehearse-described-gaps" in keys
    assert not {"action:request-feedback", "action:feedback-follow-up"} & set(keys)
    old = {"actions": [{"title": "Ask for specific feedback", "detail": DRAFT}]}  # no kind
    assert "action:feedback-follow-up" in _by_key(plan([], {}, C, roadmaps.actions(old)))


def test_interview_goal_brings_three_mock_interviews_before_the_target() -> None:
    g = GoalSpec("interview-preparation", "Interview preparation", "job_search", 1)
    rm = plan([g], {}, C)
    mocks = [i for i in rm.items if i.key.startswith("action:mock-interview")]
    assert len(mocks) == 3
    assert all(START < i.start <= TARGET for i in mocks)
    assert [i.start for i in mocks] == sorted(i.start for i in mocks)


def test_tailoring_and_impact_goals_bring_resume_steps() -> None:
    goals = [GoalSpec("application-tailoring", "Application tailoring", "job_search", 2),
             GoalSpec("demonstrating-impact", "Demonstrating impact", "job_search", 2)]
    rm = plan(goals, {}, C)
    keys = set(_by_key(rm))
    assert {"action:tailor-resume-early", "action:impact-bullets",
            "action:tailor-application"} <= keys


def test_networking_goal_brings_outreach_and_conversations() -> None:
    rm = plan([GoalSpec("professional-networking", "Professional networking", "job_search", 2)],
              {"professional-networking": [res("meetup", ResourceKind.COMMUNITY, 2.0)]}, C)
    keys = set(_by_key(rm))
    assert {"action:networking-outreach", "action:informational-conversation-1",
            "action:informational-conversation-2", "professional-networking:test:meetup"} <= keys
    assert _by_key(rm)["professional-networking:test:meetup"].kind is ItemKind.NETWORK


def test_job_search_steps_are_keyed_by_shipped_job_search_entries() -> None:
    # The extractor names goals by taxonomy id; a step keyed by any other id never fires
    # (computer "networking" must not bring informational conversations).
    tx = default_taxonomy()
    for skill_id in GOAL_STEPS:
        entry = tx.get(skill_id)
        assert entry is not None, skill_id
        assert entry.kind is GoalKind.JOB_SEARCH, skill_id
    rm = plan([GoalSpec("networking", "Networking", "technical", 2)], {}, C)
    assert not _keys(rm, "action:networking") and not _keys(rm, "action:informational")


def test_interview_goals_share_one_set_of_mock_interviews() -> None:
    goals = [GoalSpec("interview-preparation", "Interview preparation", "job_search", 1),
             GoalSpec("behavioral-interviewing", "Behavioral interviewing", "job_search", 1)]
    assert len(_keys(plan(goals, {}, C), "action:mock-interview")) == 3


def test_a_goal_no_provider_served_gets_practice_sessions_tied_to_it() -> None:
    soft = GoalSpec("articulating-ideas", "Articulating ideas", "soft", 1)
    sql = GoalSpec("sql", "SQL", "technical", 1)
    rm = plan([soft, sql], {"sql": [res("course", hours=6.0)]}, C)
    practice = [i for i in rm.items if i.key.startswith("action:practice-")]
    assert [i.key for i in practice] == ["action:practice-articulating-ideas-1",
                                         "action:practice-articulating-ideas-2"]
    assert all(i.goal_id == "articulating-ideas" and 0 < i.hours <= 1.0 for i in practice)
    assert START <= practice[0].start < practice[1].start <= TARGET
    assert "meeting" in practice[0].detail  # advice for a soft skill, not "build something"
    assert "sql:test:course" in _by_key(rm)  # a served goal gets its resource, no practice


def test_a_served_goal_whose_resource_is_infeasible_counts_as_unserved() -> None:
    # Over budget: no usable option, so the goal must still show up on the roadmap.
    rm = plan([GoalSpec("aws-certified-solutions-architect", "AWS SAA", "certification", 1)],
              {"aws-certified-solutions-architect": [res("exam", ResourceKind.CERTIFICATION,
                                                         20.0, cost=300.0)]},
              Constraints(START, 6, target_date=TARGET, budget=50.0))
    practice = _keys(rm, "action:practice-aws-certified-solutions-architect")
    assert len(practice) == 2
    assert "exam page" in _by_key(rm)[practice[0]].detail


def test_reflection_checkpoints_every_four_weeks() -> None:
    rm = plan([], {}, C)
    days = [i.start for i in rm.items if i.key.startswith("action:checkpoint")]
    assert len(days) == 4  # weeks 4, 8, 12, 16 of a 17-week plan
    assert all(b - a >= timedelta(days=21) for a, b in zip(days, days[1:], strict=False))


def test_reapply_milestone_on_the_target_date_and_small_victories() -> None:
    g = GoalSpec("python", "Python", priority=1)
    rm = plan([g], {"python": [res("py", hours=8.0), res("proj", ResourceKind.PRACTICE, 8.0)]}, C)
    items = _by_key(rm)
    assert items["milestone:reapply"].start == TARGET
    victory = items["milestone:goal:python"]
    assert victory.start == items["python:test:proj"].end
    assert "milestone:halfway" in items


def test_reapply_without_target_follows_the_last_item() -> None:
    rm = plan([GoalSpec("python", "Python")], {"python": [res("py", hours=8.0)]},
              Constraints(START, 6))
    items = _by_key(rm)
    last = max(i.end for i in rm.items if i.key != "milestone:reapply")
    assert items["milestone:reapply"].start == last + timedelta(days=1)


def test_enrolment_reminder_before_a_run_deadline() -> None:
    from planner.providers.model import Schedule

    run = Schedule(False, START + timedelta(days=20), START + timedelta(days=80),
                   START + timedelta(days=14))
    rm = plan([GoalSpec("sql", "SQL")], {"sql": [res("run", schedule=run)]}, C)
    reminder = _by_key(rm)["enrol:sql:test:run"]
    assert reminder.start <= date(2025, 1, 20)
    assert _by_key(rm)["sql:test:run"].start >= run.start
