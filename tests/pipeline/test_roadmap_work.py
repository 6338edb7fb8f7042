"""Working a ready roadmap: exports, marking items (re-plans), calendar feeds, themes."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from flask.testing import FlaskClient
from icalendar import Calendar

from tests.pipeline.test_end_to_end import wait_finished
from tests.support import Worker

pytestmark = pytest.mark.pipeline

TEXT = ("Thanks for interviewing with us. The panel felt your SQL was below the bar for the role, "
        "and we would have liked more experience with Kubernetes.")


@pytest.fixture
def ready(client: FlaskClient, worker: Worker) -> dict[str, Any]:
    body = client.post("/api/v1/feedback", json={"text": TEXT, "hours_per_week": 5,
                                                 "start_date": "2027-01-04"}).get_json()
    plan, _ = wait_finished(client, body["links"]["self"])
    assert plan["status"] == "ready", plan
    return plan


def test_markdown_and_csv_exports_list_every_item(client: FlaskClient,
                                                  ready: dict[str, Any]) -> None:
    items = ready["roadmap"]["items"]
    md = client.get(f"/api/v1/plans/{ready['id']}/roadmap.md").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(
        client.get(f"/api/v1/plans/{ready['id']}/roadmap.csv").get_data(as_text=True))))
    assert len(rows) == len(items)
    for item in items:
        assert item["title"].split(" (")[0][:30] in md
    assert client.get(f"/api/v1/plans/{ready['id']}/roadmap.pdf").status_code == 404


def test_marking_done_replans_and_keeps_history(client: FlaskClient,
                                                ready: dict[str, Any]) -> None:
    first = next(i for i in ready["roadmap"]["items"] if i["resource"])
    resp = client.patch(f"/api/v1/plans/{ready['id']}/items/{first['id']}",
                        json={"status": "done", "today": "2027-01-20"})
    assert resp.status_code == 200, resp.get_json()
    plan = resp.get_json()
    assert plan["roadmap"]["revision"] == ready["roadmap"]["revision"] + 1
    done = [i for i in plan["roadmap"]["items"] if i["key"] == first["key"]]
    assert done and done[0]["status"] == "done"
    for i in plan["roadmap"]["items"]:
        if i["status"] == "todo" and i["kind"] not in ("milestone",):
            assert i["end"] >= "2027-01-20"


def test_marking_rejects_bad_status_and_foreign_item(client: FlaskClient,
                                                     ready: dict[str, Any]) -> None:
    item = ready["roadmap"]["items"][0]
    bad = client.patch(f"/api/v1/plans/{ready['id']}/items/{item['id']}", json={"status": "meh"})
    assert bad.status_code == 400 and "status" in bad.get_json()["error"]["message"]
    missing = client.patch(f"/api/v1/plans/{ready['id']}/items/999999", json={"status": "done"})
    assert missing.status_code == 404


def test_calendar_feed_is_private_and_revocable(client: FlaskClient,
                                                ready: dict[str, Any]) -> None:
    resp = client.post(f"/api/v1/plans/{ready['id']}/feed")
    assert resp.status_code == 201
    url = resp.get_json()["feed_url"]
    path = url.split("localhost:8000", 1)[1]
    cal = Calendar.from_ical(client.get(path).data)
    assert len(list(cal.walk("VEVENT"))) >= len(ready["roadmap"]["items"])
    again = client.post(f"/api/v1/plans/{ready['id']}/feed").get_json()["feed_url"]
    assert again != url and client.get(path).status_code == 404  # replaced: old URL dead
    assert client.delete(f"/api/v1/plans/{ready['id']}/feed").status_code == 204
    assert client.get(again.split("localhost:8000", 1)[1]).status_code == 404
    assert client.get("/api/v1/feeds/guess.ics").status_code == 404


def test_recurring_themes_across_rejections(client: FlaskClient) -> None:
    client.post("/api/v1/feedback", json={"text": TEXT})
    client.post("/api/v1/feedback", json={"text": "We needed someone stronger in SQL."})
    themes = client.get("/api/v1/themes").get_json()["themes"]
    sql = next(t for t in themes if t["skill_id"] == "sql")
    assert sql["count"] == 2 and len(sql["evidence"]) >= 2
    assert themes[0]["skill_id"] == "sql"


def test_merge_goals_keeps_all_evidence(client: FlaskClient) -> None:
    body = client.post("/api/v1/feedback", json={"text": TEXT}).get_json()
    goals = client.get(body["links"]["rejection"]).get_json()["goals"]
    assert len(goals) >= 2
    resp = client.post("/api/v1/goals/merge", json={"goal_ids": [g["id"] for g in goals[:2]],
                                                    "label": "Data platform skills"})
    merged = resp.get_json()
    assert resp.status_code == 200 and merged["label"] == "Data platform skills"
    assert len(merged["evidence"]) == len(goals[0]["evidence"]) + len(goals[1]["evidence"])
    after = client.get(body["links"]["rejection"]).get_json()["goals"]
    assert next(g for g in after if g["id"] == goals[1]["id"])["status"] == "merged"
    bad = client.post("/api/v1/goals/merge", json={"goal_ids": [goals[0]["id"]]})
    assert bad.status_code == 400


def test_recurring_skill_rises_in_priority(client: FlaskClient) -> None:
    def sql_priority(text: str) -> int:
        body = client.post("/api/v1/feedback", json={"text": text}).get_json()
        goals = client.get(body["links"]["rejection"]).get_json()["goals"]
        return next(g["priority"] for g in goals if g["skill_id"] == "sql")

    text = "We would have liked more experience with SQL."
    first = sql_priority(text)
    assert first > 1  # room to rise, or this test would prove nothing
    assert sql_priority(text) == first - 1


def test_binary_text_is_a_clear_400(client: FlaskClient) -> None:
    resp = client.post("/api/v1/feedback", json={"text": "\x01\x02\x03\x04" * 50})
    assert resp.status_code == 400
    assert resp.get_json()["error"]["message"].startswith("text")
