"""Dates: table-driven normalisation across month/year boundaries, every type, the seed, properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.dates import extract_dates, normalize
from tasks.nlp import load_nlp
from tasks.textrepair import repair_text


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


TUE_2010_01_05 = date(2010, 1, 5)
FRI_2009_12_11 = date(2009, 12, 11)

# (sentence, anchor, expression, type, value)
CASES = [
    # weekdays by tense, across a year boundary
    ("The envoys met on Monday.", TUE_2010_01_05, "Monday", "DATE", "2010-01-04"),
    ("The envoys met Thursday.", TUE_2010_01_05, "Thursday", "DATE", "2009-12-31"),
    ("The envoys will meet Thursday.", TUE_2010_01_05, "Thursday", "DATE", "2010-01-07"),
    (
        "The State Department said Thursday that talks could resume.",
        FRI_2009_12_11,
        "Thursday",
        "DATE",
        "2009-12-10",
    ),
    # relative days, weeks, months, years
    ("Officials met yesterday.", TUE_2010_01_05, "yesterday", "DATE", "2010-01-04"),
    ("The results come out tomorrow.", date(2009, 12, 31), "tomorrow", "DATE", "2010-01-01"),
    ("Prices fell last month.", TUE_2010_01_05, "last month", "DATE", "2009-12"),
    ("Prices will rise next month.", date(2009, 12, 20), "next month", "DATE", "2010-01"),
    ("Talks will resume next year.", FRI_2009_12_11, "next year", "DATE", "2010"),
    ("The rules changed last year.", TUE_2010_01_05, "last year", "DATE", "2009"),
    ("The minister travelled last week.", TUE_2010_01_05, "last week", "DATE", "2009-W53"),
    ("Sales have slowed this week.", FRI_2009_12_11, "this week", "DATE", "2009-W50"),
    ("Exports grew earlier this year.", FRI_2009_12_11, "earlier this year", "DATE", "2009"),
    # months without a year: tense decides the side of the anchor
    ("Talks stalled in January.", FRI_2009_12_11, "January", "DATE", "2009-01"),
    ("Talks will resume in January.", FRI_2009_12_11, "January", "DATE", "2010-01"),
    ("The test took place in May.", FRI_2009_12_11, "May", "DATE", "2009-05"),
    ("since Obama's inauguration in January", FRI_2009_12_11, "January", "DATE", "2009-01"),
    # explicit dates
    (
        "The accord was signed on Sept. 19, 2005.",
        FRI_2009_12_11,
        "Sept. 19, 2005",
        "DATE",
        "2005-09-19",
    ),
    (
        "It was signed on 19 September 2005.",
        FRI_2009_12_11,
        "19 September 2005",
        "DATE",
        "2005-09-19",
    ),
    ("The reactor was restarted in April 2009.", FRI_2009_12_11, "April 2009", "DATE", "2009-04"),
    ("Envoys meet Dec. 8-10 in Beijing.", date(2009, 12, 1), "Dec. 8-10", "DATE", "2009-12-08"),
    ("The hearing is on Jan. 12.", date(2009, 12, 22), "Jan. 12", "DATE", "2010-01-12"),
    ("under the 2005 joint statement", FRI_2009_12_11, "2005", "DATE", "2005"),
    ("In the 1990s the program grew.", FRI_2009_12_11, "the 1990s", "DATE", "199"),
    ("Profits fell in the third quarter.", FRI_2009_12_11, "the third quarter", "DATE", "2009-Q3"),
    ("Last spring the talks stalled.", FRI_2009_12_11, "Last spring", "DATE", "2009-SP"),
    # times
    (
        "The meeting began at 10 a.m. Tuesday.",
        TUE_2010_01_05,
        "10 a.m. Tuesday",
        "TIME",
        "2010-01-05T10:00",
    ),
    ("They spoke this morning.", TUE_2010_01_05, "this morning", "TIME", "2010-01-05TMO"),
    # durations
    ("He finished a three-day trip.", FRI_2009_12_11, "three-day", "DURATION", "P3D"),
    ("The freeze lasted six months.", FRI_2009_12_11, "six months", "DURATION", "P6M"),
    (
        "Output doubled over the past two years.",
        FRI_2009_12_11,
        "the past two years",
        "DURATION",
        "P2Y",
    ),
    ("It took a decade.", FRI_2009_12_11, "a decade", "DURATION", "P10Y"),
    # references and sets
    ("The North is now ready.", FRI_2009_12_11, "now", "DATE", "PRESENT_REF"),
    ("The two sides recently met.", FRI_2009_12_11, "recently", "DATE", "PAST_REF"),
    ("Relations may improve in the future.", FRI_2009_12_11, "in the future", "DATE", "FUTURE_REF"),
    ("The agency publishes a report every week.", FRI_2009_12_11, "every week", "SET", "P1W"),
    ("The council meets every Monday.", FRI_2009_12_11, "every Monday", "SET", "XXXX-WXX-1"),
    ("Inspectors report daily.", FRI_2009_12_11, "daily", "SET", "P1D"),
    # two years ago
    ("He left two years ago.", FRI_2009_12_11, "two years ago", "DATE", "2007"),
]


@pytest.mark.parametrize(("sentence", "anchor", "expression", "kind", "value"), CASES)
def test_normalisation(
    nlp, sentence: str, anchor: date, expression: str, kind: str, value: str
) -> None:
    found = {(t.text, t.type, t.value) for t in extract_dates(nlp(sentence), anchor)}
    matches = [f for f in found if expression in f[0] or f[0] in expression]
    assert matches, f"{expression!r} not found in {found}"
    assert (kind, value) in {(k, v) for _t, k, v in matches}, f"{expression!r}: {matches}"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The envoys met on Monday.", "XXXX-WXX-1"),
        ("Officials met yesterday.", "XXXX-XX-XX"),
        ("Talks stalled in January.", "XXXX-01"),
        ("Prices fell last month.", "XXXX-XX"),
    ],
)
def test_without_anchor_relative_values_stay_unresolved(nlp, sentence: str, value: str) -> None:
    found = extract_dates(nlp(sentence), None)
    assert [t.value for t in found] == [value]
    assert all(t.anchor is None for t in found)


def test_relative_flag_and_anchor_are_recorded(nlp) -> None:
    found = extract_dates(nlp("On Thursday, the 2005 statement was cited."), FRI_2009_12_11)
    by_text = {t.text: t for t in found}
    assert by_text["Thursday"].relative and by_text["Thursday"].anchor == FRI_2009_12_11
    assert not by_text["2005"].relative and by_text["2005"].anchor is None


def test_seed_expressions(nlp, seed_text: str) -> None:
    text = repair_text("\n".join(seed_text.split("\n")[3:]))
    found = {(t.text, t.value) for t in extract_dates(nlp(text), FRI_2009_12_11)}
    for expected in [("Thursday", "2009-12-10"), ("January", "2009-01"), ("2005", "2005")]:
        assert expected in found
    assert any("three-day" in t and v == "P3D" for t, v in found)


def test_normalize_is_usable_alone() -> None:
    assert normalize("last month", date(2010, 1, 5), "past") == ("DATE", "2009-12", "month", True)
    assert normalize("Dec. 25, 2009", None) == ("DATE", "2009-12-25", "day", False)
    assert normalize("banana", FRI_2009_12_11) is None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                *"0123456789 -/.,:aAdDyYnN",
                "May",
                "Monday",
                "last ",
                "next ",
                "2009",
                "Dec. ",
                " ago",
                " years",
            ]
        ),
        max_size=30,
    ).map("".join)
    | st.text(max_size=120),
    st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))),
)
def test_arbitrary_text_never_raises_and_offsets_hold(nlp, text: str, anchor: date | None) -> None:
    for t in extract_dates(nlp(text), anchor):
        assert 0 <= t.start_char < t.end_char <= len(text)
        assert text[t.start_char : t.end_char] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
