"""The topic prefilter on raw bytes: the fast Hyperscan/RE2 path agrees with the plain regex of the rules."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from config.schema import TopicConfig, load_config
from tasks.topic import Topic, _dfa, _without_lookarounds, compile_topic

NK = compile_topic(load_config("nk_talks").topic)


def topic(rules: list[dict]) -> Topic:
    compiled = compile_topic(
        TopicConfig.model_validate({"name": "t", "threshold": 1, "rules": rules})
    )
    assert compiled is not None
    return compiled


@pytest.mark.parametrize(
    ("payload", "passes"),
    [
        (b"<p>The SIX-PARTY\ntalks resumed</p>", True),
        (b"<p>talks on the six-party framework</p>", True),
        (b"The North said on Monday", True),  # the preset's case-sensitive regex (a lookahead)
        (b"snow across the north of the region", False),
        (b"The North.", False),  # the lookahead wants a lower-case word next
        (b"a story about the city marathon", False),
        (b"nuclear\xff\xfe talks", False),  # invalid UTF-8 never raises
        (b"Pyongyang", True),
    ],
)
def test_preset_prefilter_cases(payload: bytes, passes: bool) -> None:
    assert NK is not None
    assert NK.prefilter(payload) is passes
    assert (NK.any_raw is not None and NK.any_raw.search(payload) is not None) is passes


def test_backreferences_stay_with_python_re() -> None:
    t = topic([{"name": "r", "regexes": [r"(ab)\1x"]}])
    assert t.raw_rest is not None and t.raw_dfa is None
    assert t.prefilter(b"ababx") and not t.prefilter(b"ab\x01x")


def test_a_rule_of_only_exclusions_lets_everything_through() -> None:
    t = topic([{"name": "sport", "phrases": ["football"], "mode": "none"}])
    assert t.prefilter(b"anything at all")


@pytest.mark.parametrize(
    ("regex", "superset"),
    [
        (r"a(?=b)c", "ac"),
        (r"x(?<!y(z))w[(?=]\(?=", r"xw[(?=]\(?="),
        (r"(?:a|b)(?!c)", "(?:a|b)"),
    ],
)
def test_without_lookarounds(regex: str, superset: str) -> None:
    assert _without_lookarounds(regex) == superset


WORDS = ["six", "party", "talks", "-", " ", "\n", "The", "North", "north", "said", "DPRK", "x", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.binary(max_size=8))
def test_fast_prefilter_agrees_with_the_rule_regex(words: list[str], noise: bytes) -> None:
    assert NK is not None and NK.any_raw is not None
    payload = "".join(words).encode() + noise + " ".join(words).encode()
    assert NK.prefilter(payload) == (NK.any_raw.search(payload) is not None)


def test_preset_gate_is_hyperscan_where_installed() -> None:
    pytest.importorskip("hyperscan")
    assert NK is not None and NK.raw_gate is not None
    assert NK.raw_gate.engine == "hyperscan"
    reloaded = pickle.loads(pickle.dumps(NK))  # the dask runner ships the topic to workers
    assert reloaded.raw_gate.engine == "hyperscan"
    assert reloaded.prefilter(b"<p>Six-Party talks</p>") and not reloaded.prefilter(b"talks")


GATE_BYTES = [
    b"six",
    b"party",
    b"talks",
    b"-",
    b" ",
    b"\n",
    b"\t",
    b"\x0b",
    b"The",
    b"North",
    b"north",
    b"DPRK",
    b"dprk",
    b"\xc3\xa9",
    b"x",
    b"_",
    b"'s",
    b"`s",
    b"a",
    b".",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GATE_BYTES), max_size=14), st.binary(max_size=6))
def test_gate_agrees_with_re2_on_the_same_patterns(parts: list[bytes], noise: bytes) -> None:
    # the gate must pass every page RE2 (and so `re`) passes: a page it drops is never fetched
    assert NK is not None and NK.raw_gate is not None
    re2_gate = _dfa("|".join(NK.raw_gate.patterns))
    assert re2_gate is not None
    payload = noise.join(parts) + noise
    assert NK.raw_gate.passes(payload) == (re2_gate.search(payload) is not None)
