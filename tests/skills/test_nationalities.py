"""A language's name that says who people are, or what someone else speaks, is no language goal
(twelfth session): "the Polish agency workers", "the family, who had little English"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Ids = Callable[[str], set[str]]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("He assumed the Polish agency workers had understood the safety briefing without "
         "checking.", "polish"),
        ("You struggled to explain the form to the Romanian workers on site.", "romanian"),
        ("You did not adapt your explanation for the Spanish family, who had little English.",
         "spanish"),
        ("You did not adapt your explanation for the Spanish family, who had little English.",
         "english"),
        ("Your answer on selling into the German market was thin.", "german"),
    ],
)  # fmt: skip
def test_who_people_are_is_no_language_goal(goal_ids: Ids, sentence: str,
                                            language: str) -> None:
    assert language not in goal_ids(sentence)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Your Spanish was not strong enough for the call.", "spanish"),
        ("Many of our Polish customers prefer to speak Polish, and you don't speak it.", "polish"),
        ("We needed someone who can speak to Polish-speaking families.", "polish"),
        ("The panel, who spoke little French, felt your French was basic.", "french"),
    ],
)  # fmt: skip
def test_the_candidates_language_still_is(goal_ids: Ids, sentence: str, language: str) -> None:
    assert language in goal_ids(sentence)
