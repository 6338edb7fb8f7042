"""POST /api/v1/rejections/{id}/goals: a goal the feedback implies but does not name."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from planner.store import models as m
from planner.store.db import Database
from tests.texts import UNNAMED_REASON

KUBE = "We went with a candidate with more Kubernetes and AWS experience."
TEMPLATED = ("Thank you for your interest in the role. After careful consideration we have "
             "decided to move forward with other candidates. We wish you every success.")


def rejection(client: FlaskClient, text: str = KUBE) -> dict[str, Any]:
    body = client.post("/api/v1/feedback", json={"text": text}).get_json()
    return client.get(body["links"]["rejection"]).get_json()  # type: ignore[no-any-return]


def add(client: FlaskClient, rej_id: str, skill: Any) -> Any:
    return client.post(f"/api/v1/rejections/{rej_id}/goals", json={"skill": skill})


def test_a_named_skill_becomes_a_confirmed_goal_that_the_next_plan_includes(
    client: FlaskClient,
) -> None:
    rej = rejection(client)
    resp = add(client, rej["id"], "stakeholder management")
    assert resp.status_code == 201
    goal = resp.get_json()
    assert goal["skill_id"] == "stakeholder-management" and goal["status"] == "confirmed"
    assert goal["framing"] == "added" and goal["evidence"] == [] and goal["priority"] == 3
    again = client.get(f"/api/v1/rejections/{rej['id']}").get_json()
    assert "stakeholder-management" in {g["skill_id"] for g in again["goals"]}
    plan = client.post("/api/v1/plans", json={"rejection_id": rej["id"]}).get_json()
    planned = client.get(plan["links"]["self"]).get_json()
    assert "stakeholder-management" in {g["skill_id"] for g in planned["goals"]}


def test_an_alias_or_an_id_names_the_skill(client: FlaskClient) -> None:
    rej = rejection(client, TEMPLATED)
    assert add(client, rej["id"], "k8s").get_json()["skill_id"] == "kubernetes"
    assert add(client, rej["id"], "section-42-enquiries").status_code == 201


def test_an_unknown_name_gets_the_closest_skills_and_stores_nothing(
    client: FlaskClient, db: Database
) -> None:
    rej = rejection(client)
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(m.SkillGoal))
    resp = add(client, rej["id"], "handling difficult customers")
    assert resp.status_code == 422
    err = resp.get_json()["error"]
    assert err["code"] == "unknown_skill" and "handling difficult customers" in err["message"]
    close = [c["skill_id"] for c in err["details"][0]["suggestions"]]
    assert "complaint-handling" in close
    assert add(client, rej["id"], close[0]).status_code == 201  # a suggestion's id adds it
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.SkillGoal)) == before + 1


def test_a_skill_already_a_goal_is_refused_and_a_dropped_one_comes_back(
    client: FlaskClient,
) -> None:
    rej = rejection(client)
    kube = next(g for g in rej["goals"] if g["skill_id"] == "kubernetes")
    resp = add(client, rej["id"], "Kubernetes")
    assert resp.status_code == 409 and resp.get_json()["error"]["code"] == "already_a_goal"
    client.patch(f"/api/v1/goals/{kube['id']}", json={"status": "dropped"})
    resp = add(client, rej["id"], "Kubernetes")
    assert resp.status_code == 200
    assert resp.get_json()["id"] == kube["id"] and resp.get_json()["status"] == "confirmed"


def test_an_earlier_rejection_naming_the_skill_raises_its_priority(client: FlaskClient) -> None:
    rejection(client, "Your stakeholder management was weak.")
    rej = rejection(client, TEMPLATED)
    assert add(client, rej["id"], "stakeholder management").get_json()["priority"] == 2


def test_bad_input_is_refused_with_a_message(client: FlaskClient) -> None:
    rej = rejection(client)
    for body, status in (
        ({"skill": ""}, 400),
        ({"skill": "x" * 201}, 400),
        ({"skill": 42}, 400),
        ({}, 400),
        ({"skill": "SQL", "extra": 1}, 400),
        ({"skill": "S\x00QL"}, 400),
    ):
        resp = client.post(f"/api/v1/rejections/{rej['id']}/goals", json=body)
        assert resp.status_code == status, (body, resp.get_json())
        assert resp.get_json()["error"]["message"]
    assert add(client, "no-such-rejection", "SQL").status_code == 404


def test_the_same_skill_added_at_the_same_moment_answers_409_and_keeps_one(
    client: FlaskClient, db: Database
) -> None:
    """A double submit: another request stores the goal between this one's check and its write."""
    rej = rejection(client)

    def other_request_first(session: Session, *_: Any) -> None:
        with db.session() as other:
            other.add(m.SkillGoal(owner_id="local", rejection_id=rej["id"],
                                  skill_id="stakeholder-management",
                                  label="Stakeholder management", kind="soft",
                                  status="confirmed"))

    event.listen(Session, "before_flush", other_request_first, once=True)
    try:
        resp = add(client, rej["id"], "stakeholder management")
    finally:
        if event.contains(Session, "before_flush", other_request_first):
            event.remove(Session, "before_flush", other_request_first)
    assert resp.status_code == 409, resp.get_json()
    assert resp.get_json()["error"]["code"] == "already_a_goal"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.SkillGoal).where(
            m.SkillGoal.rejection_id == rej["id"],
            m.SkillGoal.skill_id == "stakeholder-management")) == 1
    assert client.get(f"/api/v1/rejections/{rej['id']}").status_code == 200


def test_a_skill_merged_into_another_goal_is_refused_with_that_reason(
    client: FlaskClient,
) -> None:
    rej = rejection(client)
    ids = {g["skill_id"]: g["id"] for g in rej["goals"]}
    client.post("/api/v1/goals/merge", json={"goal_ids": [ids["kubernetes"], ids["aws"]]})
    resp = add(client, rej["id"], "AWS")
    assert resp.status_code == 409 and "merged" in resp.get_json()["error"]["message"]


def test_a_listed_reason_named_by_the_person_becomes_the_goals_evidence(
    client: FlaskClient, db: Database
) -> None:
    rej = rejection(client, UNNAMED_REASON)
    assert rej["goals"] == [] and len(rej["unnamed_reasons"]) == 1
    reason = rej["unnamed_reasons"][0]
    resp = client.post(f"/api/v1/rejections/{rej['id']}/goals",
                       json={"skill": "supplier management", "reason": 0})
    assert resp.status_code == 201, resp.get_json()
    goal = resp.get_json()
    assert goal["skill_id"] == "vendor-management" and goal["framing"] == "added"
    assert goal["evidence"] == [reason]
    assert UNNAMED_REASON[reason["start"]:reason["end"]] == reason["text"]
    # Naming the same sentence for a second skill quotes it there too; naming it again for the
    # first is refused, as any skill already a goal is.
    other = client.post(f"/api/v1/rejections/{rej['id']}/goals",
                        json={"skill": "prioritisation", "reason": 0})
    assert other.status_code == 201 and other.get_json()["evidence"] == [reason]
    again = client.post(f"/api/v1/rejections/{rej['id']}/goals",
                        json={"skill": "supplier management", "reason": 0})
    assert again.status_code == 409
    stored = client.get(f"/api/v1/rejections/{rej['id']}").get_json()
    assert stored["unnamed_reasons"] == [reason]  # what the extractor listed is kept as it was


def test_a_reason_given_to_a_goal_already_there_is_added_to_its_evidence(
    client: FlaskClient,
) -> None:
    text = f"{KUBE} {UNNAMED_REASON}"
    rej = rejection(client, text)
    kube = next(g for g in rej["goals"] if g["skill_id"] == "kubernetes")
    assert len(rej["unnamed_reasons"]) == 1
    resp = client.post(f"/api/v1/rejections/{rej['id']}/goals",
                       json={"skill": "k8s", "reason": 0})
    assert resp.status_code == 200 and resp.get_json()["id"] == kube["id"]
    assert resp.get_json()["evidence"] == [*kube["evidence"], rej["unnamed_reasons"][0]]
    assert resp.get_json()["status"] == "confirmed"


def test_a_reason_that_is_not_listed_is_refused_and_stores_nothing(
    client: FlaskClient, db: Database
) -> None:
    listed = rejection(client, UNNAMED_REASON)
    none_listed = rejection(client)
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(m.SkillGoal))
    for rej, body, status, words in (
        (listed, {"skill": "SQL", "reason": 1}, 422, "from 0 to 0"),
        (none_listed, {"skill": "SQL", "reason": 0}, 422, "leave reason out"),
        (listed, {"skill": "SQL", "reason": -1}, 400, "reason"),
        (listed, {"skill": "SQL", "reason": "0"}, 400, "reason"),
        (listed, {"skill": "SQL", "reason": True}, 400, "reason"),
        (listed, {"skill": "SQL", "reason": 10**6}, 400, "reason"),
    ):
        resp = client.post(f"/api/v1/rejections/{rej['id']}/goals", json=body)
        assert resp.status_code == status, (body, resp.get_json())
        assert words in resp.get_json()["error"]["message"], resp.get_json()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.SkillGoal)) == before


def _plan_actions(client: FlaskClient, db: Database, rej_id: str) -> list[dict[str, Any]]:
    plan = client.post("/api/v1/plans", json={"rejection_id": rej_id}).get_json()
    with db.session() as s:
        stored = s.get(m.Plan, plan["plan_id"])
        assert stored is not None
        return list(stored.params["actions"])


TWO_REASONS = (
    "Thanks for coming in. When the panel asked how you would decide which of three late orders "
    "to chase first, you did not say what you would check before ringing the supplier. You also "
    "did not explain how you would keep the warehouse team informed when a delivery slips.")


def test_a_named_reason_is_no_longer_rehearsed_and_the_others_still_are(
    client: FlaskClient, db: Database
) -> None:
    rej = rejection(client, TWO_REASONS)
    assert len(rej["unnamed_reasons"]) == 2
    before = [a for a in _plan_actions(client, db, rej["id"])
              if a["kind"] == "rehearse_described_gaps"]
    assert len(before) == 1 and "late orders" in before[0]["detail"]
    assert "warehouse team" in before[0]["detail"]
    client.post(f"/api/v1/rejections/{rej['id']}/goals",
                json={"skill": "supplier management", "reason": 0})
    after = [a for a in _plan_actions(client, db, rej["id"])
             if a["kind"] == "rehearse_described_gaps"]
    assert len(after) == 1 and "late orders" not in after[0]["detail"]
    assert "warehouse team" in after[0]["detail"]
    client.post(f"/api/v1/rejections/{rej['id']}/goals",
                json={"skill": "stakeholder communication", "reason": 1})
    kinds = [a["kind"] for a in _plan_actions(client, db, rej["id"])]
    assert "rehearse_described_gaps" not in kinds and "request_feedback" in kinds
