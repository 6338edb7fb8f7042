"""Study capacity per day, in whole minutes, from weekly hours, weekdays and blackouts."""

from __future__ import annotations

from datetime import date, timedelta

from planner.scheduling.model import Constraints

# Which weekdays (Mon=0) carry study time when only a weekly total is given: spread out,
# weekend-heavy for small budgets, every day once there is enough for a minimum session daily.
_SPREAD: dict[int, tuple[int, ...]] = {
    1: (5,),
    2: (1, 5),
    3: (0, 2, 5),
    4: (0, 2, 4, 5),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}
DAY = timedelta(days=1)


def to_minutes(hours: float) -> int:
    """Hours as whole minutes (the planner's unit, so capacity sums are exact)."""
    return max(0, round(hours * 60))


def weekday_minutes(c: Constraints) -> tuple[int, ...]:
    """Minutes available on each weekday, Mon..Sun."""
    if c.weekday_hours is not None:
        hours = (tuple(c.weekday_hours) + (0.0,) * 7)[:7]
        return tuple(to_minutes(h) for h in hours)
    total = to_minutes(c.hours_per_week)
    min_session = max(1, to_minutes(c.min_session_hours))
    days = _SPREAD[min(7, max(1, total // min_session))]
    base, extra = divmod(total, len(days))
    per_day = [0] * 7
    for n, wd in enumerate(days):
        per_day[wd] = base + (1 if n < extra else 0)
    return tuple(per_day)


class Calendar:
    """Minutes of study available on each date."""

    def __init__(self, c: Constraints) -> None:
        self._week = weekday_minutes(c)
        self._blackouts = tuple(sorted((a, b) for a, b in c.blackouts if a <= b))
        self._base = c.start
        self._prefix = [0]  # _prefix[n] = capacity of the n days from _base

    def _cumulative(self, day: date) -> int:
        """Capacity from ``_base`` up to the day before ``day`` (``day`` >= ``_base``)."""
        n = (day - self._base).days
        while len(self._prefix) <= n:
            d = self._base + (len(self._prefix) - 1) * DAY
            self._prefix.append(self._prefix[-1] + self.minutes(d))
        return self._prefix[n]

    @property
    def weekly_minutes(self) -> int:
        return sum(self._week)

    def blacked_out(self, day: date) -> bool:
        return any(a <= day <= b for a, b in self._blackouts)

    def minutes(self, day: date) -> int:
        """Capacity of ``day`` in minutes (0 inside a blackout)."""
        return 0 if self.blacked_out(day) else self._week[day.weekday()]

    def total(self, first: date, last: date) -> int:
        """Capacity from ``first`` to ``last`` inclusive."""
        if last < first:
            return 0
        if first < self._base:
            return sum(self.minutes(first + n * DAY) for n in range((last - first).days + 1))
        return self._cumulative(last + DAY) - self._cumulative(first)

    def day_reaching(self, first: date, minutes: int, limit_days: int = 36500) -> date | None:
        """First date by which cumulative capacity from ``first`` reaches ``minutes``."""
        acc, day, last = 0, first, first + limit_days * DAY
        week = self.weekly_minutes
        while day < last:
            if acc + week < minutes and not self._overlaps(day, day + 6 * DAY):
                acc, day = acc + week, day + 7 * DAY  # a whole ordinary week at once
                continue
            acc += self.minutes(day)
            if acc >= minutes:
                return day
            day += DAY
        return None

    def _overlaps(self, first: date, last: date) -> bool:
        return any(a <= last and first <= b for a, b in self._blackouts)
