"""SCS-SF and CSI-4 scoring against hand-worked examples (the arithmetic is written out in each test)."""

from __future__ import annotations

import pytest

from heartwork.practice.questionnaires import (
    CSI4,
    CSI4_DISTRESS_CUTOFF,
    SCS_SF,
    SCS_SF_REVERSED,
    QuestionnaireNotFoundError,
    get_instrument,
    interpret,
    score,
)


def test_questionnaires_scs_sf_has_the_published_shape() -> None:
    assert len(SCS_SF.items) == 12
    assert {1, 4, 8, 9, 11, 12} == SCS_SF_REVERSED
    assert all((i.low, i.high) == (1, 5) for i in SCS_SF.items)
    assert SCS_SF.items[0].text.startswith("When I fail at something important to me")
    assert SCS_SF.items[11].text.startswith("I'm intolerant and impatient")


def test_questionnaires_scs_sf_mixed_answers_hand_worked() -> None:
    answers = [3, 4, 2, 5, 1, 3, 4, 2, 5, 1, 4, 3]
    # Reverse items 1, 4, 8, 9, 11, 12 (6 - x): 3->3, 5->1, 2->4, 5->1, 4->2, 3->3.
    # Scored items: 3, 4, 2, 1, 1, 3, 4, 4, 1, 1, 2, 3 -> sum 29 -> total 29 / 12 = 2.41666...
    result = score("scs-sf", answers)
    assert result["scored_items"] == [3, 4, 2, 1, 1, 3, 4, 4, 1, 1, 2, 3]
    assert result["total"] == pytest.approx(29 / 12)
    # Subscales are means of the raw answers of their two items:
    # self-kindness (2, 6): (4 + 3) / 2 = 3.5     self-judgment (11, 12): (4 + 3) / 2 = 3.5
    # common humanity (5, 10): (1 + 1) / 2 = 1.0  isolation (4, 8): (5 + 2) / 2 = 3.5
    # mindfulness (3, 7): (2 + 4) / 2 = 3.0       over-identification (1, 9): (3 + 5) / 2 = 4.0
    assert result["subscales"] == {
        "self_kindness": 3.5,
        "self_judgment": 3.5,
        "common_humanity": 1.0,
        "isolation": 3.5,
        "mindfulness": 3.0,
        "over_identification": 4.0,
    }


def test_questionnaires_scs_sf_all_fives_is_the_midpoint_because_of_reversal() -> None:
    # Six positive items score 5; the six reversed items score 6 - 5 = 1. (6*5 + 6*1) / 12 = 36 / 12 = 3.0
    assert score(SCS_SF, [5] * 12)["total"] == 3.0


def test_questionnaires_scs_sf_extremes() -> None:
    most = [1 if n in SCS_SF_REVERSED else 5 for n in range(1, 13)]  # every item scores 5 -> 60 / 12 = 5.0
    least = [5 if n in SCS_SF_REVERSED else 1 for n in range(1, 13)]  # every item scores 1 -> 12 / 12 = 1.0
    assert score(SCS_SF, most)["total"] == 5.0
    assert score(SCS_SF, least)["total"] == 1.0


def test_questionnaires_csi4_sum_and_cutoff_hand_worked() -> None:
    # 3 + 4 + 3 + 3 = 13 < 13.5 -> below the cut-off
    low = score("csi-4", [3, 4, 3, 3])
    assert low == {"total": 13, "below_cutoff": True, "cutoff": CSI4_DISTRESS_CUTOFF}
    # 4 + 4 + 3 + 3 = 14 >= 13.5 -> not below
    assert score(CSI4, [4, 4, 3, 3])["below_cutoff"] is False
    # item 1 runs 0-6, items 2-4 run 0-5: 6 + 5 + 5 + 5 = 21 (the maximum); 0 + 0 + 0 + 0 = 0
    assert score(CSI4, [6, 5, 5, 5])["total"] == 21
    assert score(CSI4, [0, 0, 0, 0])["total"] == 0


@pytest.mark.parametrize(
    ("instrument", "answers", "message"),
    [
        ("csi-4", [3, 6, 3, 3], "Item 2 takes a whole number from 0 to 5"),  # 6 is valid on item 1 only
        ("csi-4", [7, 3, 3, 3], "Item 1 takes a whole number from 0 to 6"),
        ("csi-4", [3, 3, 3], "csi-4 has 4 items; got 3"),
        ("scs-sf", [0] + [3] * 11, "Item 1 takes a whole number from 1 to 5"),
        ("scs-sf", [3] * 13, "scs-sf has 12 items; got 13"),
    ],
)
def test_questionnaires_reject_invalid_answers(instrument: str, answers: list[int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        score(instrument, answers)


def test_questionnaires_lookup_is_forgiving_and_lists_choices() -> None:
    assert get_instrument("SCS_SF") is SCS_SF
    assert get_instrument("csi4") is CSI4
    with pytest.raises(QuestionnaireNotFoundError, match="Available: scs-sf, csi-4"):
        get_instrument("phq-9")


def test_questionnaires_interpretation_names_the_cutoff_and_is_not_a_verdict() -> None:
    text = interpret(CSI4, score(CSI4, [3, 4, 3, 3]))
    assert "13 out of 21" in text and "13.5" in text and "not who is to blame" in text
    assert "2.42" in interpret(SCS_SF, score(SCS_SF, [3, 4, 2, 5, 1, 3, 4, 2, 5, 1, 4, 3]))
