"""Topic relevance: why an article is in the corpus, as a score and the rules that matched.

The same compiled rules score extracted text (`score`) and act as a cheap prefilter on raw
bytes before extraction (`prefilter`), so a CC-NEWS file can be scanned for one topic.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

import re2

try:  # Hyperscan ships x86-64 wheels only; elsewhere the gate is RE2's
    import hyperscan
except ImportError:  # pragma: no cover - depends on the platform
    hyperscan = None  # type: ignore[assignment]

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
    # the prefilter's form of any_raw: RE2 (a DFA, ~45x faster than `re` on this alternation
    # of ~60 phrases) for every phrase and every regex RE2 accepts; `re` for the rest
    # (lookarounds, backreferences)
    raw_dfa: re2._Regexp | None = None
    raw_rest: re.Pattern[bytes] | None = None
    # one pass that every positive page matches (raw_dfa plus raw_rest without its
    # lookarounds): an off-topic page costs this single scan
    raw_gate: _Gate | None = None

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
        if self.any_raw is None:
            return True
        if self.raw_gate is not None:
            if not self.raw_gate.passes(payload):
                return False
            if self.raw_rest is None:
                return True  # the gate is exactly raw_dfa then: no second scan
        if self.raw_dfa is not None and self.raw_dfa.search(payload) is not None:
            return True
        return self.raw_rest is not None and self.raw_rest.search(payload) is not None


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
    dfa_parts: list[str] = []
    rest_parts: list[str] = []
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
            if r.phrases:
                dfa_parts.append(_alternation(r.phrases, []))
            for regex in r.regexes:
                dfa_ok = not _BACKREF.search(regex) and _dfa(regex) is not None
                (dfa_parts if dfa_ok else rest_parts).append(f"(?:{regex})")
    if not positive:
        return Topic(cfg.name, cfg.threshold, tuple(rules), None)
    return Topic(
        cfg.name,
        cfg.threshold,
        tuple(rules),
        re.compile("|".join(positive).encode("utf-8"), re.IGNORECASE),
        _dfa("|".join(dfa_parts)) if dfa_parts else None,
        re.compile("|".join(rest_parts).encode("utf-8"), re.IGNORECASE) if rest_parts else None,
        _Gate.build(dfa_parts + [_without_lookarounds(p) for p in rest_parts]),
    )


class _Gate:
    """One scan of raw bytes for any of several patterns (case-insensitive).

    Hyperscan where it is installed and compiles every pattern, RE2's DFA otherwise. Both read
    \\b, \\s and case as ASCII, as `re` does on bytes. On the generated CC-NEWS pages of
    `bench.warc_scan` (7.9 KB each, 3% on topic) the NK talks gate took 4.5 us a page with
    Hyperscan and 15 us with RE2, which is bound by its DFA (~550 MB/s here for any
    case-insensitive pattern, even one literal word).
    """

    __slots__ = ("_database", "_dfa", "_local", "patterns")

    def __init__(self, patterns: list[str]) -> None:
        self.patterns = patterns
        self._dfa: re2._Regexp | None = None
        self._database = _hyperscan_database(patterns)
        self._local = threading.local()  # Hyperscan scratch space is per thread
        if self._database is None:
            self._dfa = _dfa("|".join(patterns))

    @classmethod
    def build(cls, patterns: list[str]) -> _Gate | None:
        """The gate, or None when no pattern is given or RE2 cannot take them all."""
        if not patterns:
            return None
        gate = cls(patterns)
        return gate if gate._database is not None or gate._dfa is not None else None

    @property
    def engine(self) -> str:
        """Which library scans: "hyperscan" or "re2"."""
        return "hyperscan" if self._database is not None else "re2"

    def passes(self, payload: bytes) -> bool:
        """Whether any pattern matches somewhere in the payload."""
        if self._database is None:
            return self._dfa is not None and self._dfa.search(payload) is not None
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = hyperscan.Scratch(self._database)
        try:
            self._database.scan(payload, match_event_handler=_stop, scratch=scratch)
        except hyperscan.ScanTerminated:
            return True
        return False

    def __reduce__(self) -> tuple[Callable[[list[str]], _Gate], tuple[list[str]]]:
        return (_Gate, (self.patterns,))  # compiled databases do not pickle: rebuild


def _stop(*_match: object) -> bool:
    return True  # the first match settles it: stop the scan


def _hyperscan_database(patterns: list[str]) -> hyperscan.Database | None:
    """A block-mode Hyperscan database of the patterns, or None (not installed, or a pattern it
    rejects: the gate then falls back to RE2 for all of them)."""
    if hyperscan is None:
        return None
    flags = (
        hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    )
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    try:
        database.compile(
            expressions=[p.encode("utf-8") for p in patterns],
            ids=list(range(len(patterns))),
            flags=[flags] * len(patterns),
        )
    except hyperscan.error:
        return None
    return database


_LOOKAROUND = re.compile(r"\(\?<?[=!]")
_BACKREF = re.compile(r"\\[1-9]|\(\?P=")  # RE2 would read \1 as an octal escape
_DFA_OPTIONS = re2.Options()
_DFA_OPTIONS.case_sensitive = False
_DFA_OPTIONS.log_errors = False  # a regex RE2 rejects is expected: it goes to `re` instead


def _dfa(source: str) -> re2._Regexp | None:
    """RE2 compilation of a pattern, or None when it uses what RE2 lacks (lookarounds...)."""
    try:
        return re2.compile(source.encode("utf-8"), _DFA_OPTIONS)
    except re2.error:
        return None


def _without_lookarounds(regex: str) -> str:
    """The regex with its lookaround groups removed: it matches a superset of the original."""
    out: list[str] = []
    i, depth_dropped, in_class = 0, 0, False
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            if not depth_dropped:
                out.append(regex[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(" and (depth_dropped or _LOOKAROUND.match(regex, i)):
            depth_dropped += 1
            i += 1
            continue
        elif ch == ")" and depth_dropped:
            depth_dropped -= 1
            i += 1
            continue
        if not depth_dropped:
            out.append(ch)
        i += 1
    return "".join(out)
