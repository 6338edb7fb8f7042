from datetime import date

import pytest

from planner.providers import Effort
from planner.providers.parsing import parse_date, parse_effort, parse_price


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("4-6 hours/week", Effort(weekly_hours=5.0, is_estimate=True)),
        ("2 to 4 hours per week", Effort(weekly_hours=3.0, is_estimate=True)),
        ("14-16 hours/week for 9 weeks", Effort(weekly_hours=15.0, weeks=9.0, is_estimate=True)),
        ("6 weeks", Effort(weeks=6.0, is_estimate=True)),
        ("10 hours", Effort(total_hours=10.0, is_estimate=True)),
        ("Self-paced", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_effort(text: str | None, effort: Effort | None) -> None:
    assert parse_effort(text) == effort


@pytest.mark.parametrize(
    ("raw", "price"),
    [
        ("75.00", 75.0),
        (12, 12.0),
        ("$9.5", 9.5),
        ("free", None),
        ("-1", None),
        (None, None),
        (True, None),
        ("nan", None),
        ("inf", None),
    ],
)
def test_parse_price(raw: object, price: float | None) -> None:
    assert parse_price(raw) == price


def test_parse_date() -> None:
    assert parse_date("2025-01-15T00:00:00Z") == date(2025, 1, 15)
    assert parse_date("2025-01-15") == date(2025, 1, 15)
    assert parse_date("soon") is None and parse_date(None) is None
