"""Topic relevance: why an article is in the corpus, as a score and the rules that matched.

The same compiled rules score extracted text (`score`) and act as a cheap prefilter on raw
bytes before extraction (`prefilter`), so a CC-NEWS file can be scanned for one topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from config.schema import TopicConfig
from tasks.records import StageError


class OffTopic(StageError):
    """The article scored below the topic threshold or hit an exclusion rule."""

    stage = "clean"


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    raw: re.Pattern[bytes]
    weight: float
    max_count: int
    mode: str


@dataclass(frozen=True, slots=True)
class Topic:
    """Compiled topic rules."""

    name: str
    threshold: float
    rules: tuple[_Rule, ...]
    any_raw: re.Pattern[bytes] | None

    def score(self, text: str) -> tuple[float, dict[str, int]]:
        """(relevance score, rule -> match count) of a text; exclusion rules make it -inf."""
        total = 0.0
        matches: dict[str, int] = {}
        for rule in self.rules:
            count = sum(1 for _ in rule.pattern.finditer(text))
            if count:
                matches[rule.name] = count
            if rule.mode == "none" and count:
                return float("-inf"), matches
            if rule.mode == "required" and not count:
                return float("-inf"), matches
            total += rule.weight * min(count, rule.max_count)
        return total, matches

    def check(self, text: str) -> tuple[float, dict[str, int]]:
        """score() or raise OffTopic with the score and matches in the detail."""
        value, matches = self.score(text)
        if value < self.threshold:
            shown = "-inf" if value == float("-inf") else f"{value:.2f}"
            raise OffTopic("off_topic", f"relevance {shown} < {self.threshold}; matches {matches}")
        return value, matches

    def prefilter(self, payload: bytes) -> bool:
        """True when raw bytes mention the topic at all (cheap test before extraction)."""
        return self.any_raw is None or self.any_raw.search(payload) is not None


def _alternation(rule_phrases: list[str], regexes: list[str]) -> str:
    # "six-party talks" also matches "six party talks" and "six-party\ntalks"
    parts = [
        r"\b" + re.escape(p).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") + r"\b"
        for p in rule_phrases
    ]
    parts.extend(f"(?:{r})" for r in regexes)
    return "|".join(parts) or r"(?!x)x"


def compile_topic(cfg: TopicConfig | None) -> Topic | None:
    """Compile a topic config (None when the run has no topic)."""
    if cfg is None:
        return None
    rules = []
    positive: list[str] = []
    for r in cfg.rules:
        source = _alternation(r.phrases, r.regexes)
        rules.append(
            _Rule(
                r.name,
                re.compile(source, re.IGNORECASE),
                re.compile(source.encode("utf-8"), re.IGNORECASE),
                r.weight,
                r.max_count,
                r.mode,
            )
        )
        if r.mode != "none":
            positive.append(source)
    any_raw = re.compile("|".join(positive).encode("utf-8"), re.IGNORECASE) if positive else None
    return Topic(cfg.name, cfg.threshold, tuple(rules), any_raw)
