"""Worst-case inputs (issue 10, a run bounded by CPU): the seconds each stage that runs in the
flow's process or an NLP worker spends on page and text shapes that made a stage super-linear,
each at a size and at --factor times it. Linear cost grows by the factor; a growth well above it
is a quadratic path that a large page of that shape turns into minutes or hours.

- cleaning (`tasks.clean.clean_page`, trafilatura inside): a results table, a long list, a
  comment thread of short <div>s (trafilatura's jusText fallback), a paragraph of linked words
  (one text node per word), a page nested past libxml2's 256 levels, and a long article;
- the rules on a parsed text (`tasks.quotes.extract_quotes`, `tasks.dates.extract_dates`): a
  Q-and-A transcript, a run of unbalanced quote marks, a wall of names, a wall of dates.
  The parse itself is spaCy's and not counted.

Figures go to bench/results/worst_case.json.

Run: `.venv/bin/python -m bench.worst_case [--lines 4000] [--factor 4]`.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from bench.common import write_result
from config.schema import CleanConfig
from tasks.clean import CleanError, clean_page, load_models
from tasks.fetch import page_in_hand
from tasks.records import Item

_SAID = "The envoy said the six-party talks would resume in Beijing soon, officials told reporters."
_STORY = "".join(f"<p>Paragraph {n}: {_SAID} {_SAID}</p>" for n in range(8))
_NAMES = ("Stephen Bosworth", "Kim Jong Il", "Hillary Clinton", "Philip Crowley", "Wu Dawei")


def _page(body: str) -> str:
    return f"<html><head><title>Talks</title></head><body>{body}</body></html>"


PAGES: dict[str, Callable[[int], str]] = {  # shape -> page of n lines
    "table rows": lambda n: _page(
        "<table>"
        + "".join(f"<tr><td>District {i}</td><td>{i * 37 % 9000}</td></tr>" for i in range(n))
        + f"</table><article>{_STORY}</article>"
    ),
    "list items": lambda n: _page(
        "<ul>" + "".join(f"<li>Archive item {i}</li>" for i in range(n)) + "</ul>"
        f"<article>{_STORY}</article>"
    ),
    "short divs": lambda n: _page(
        "".join(f"<div>Comment {i} by reader{i}</div>" for i in range(n))
        + f"<article>{_STORY}</article>"
    ),
    "linked words in one paragraph": lambda n: _page(
        f"<article>{_STORY}<p>"
        + " ".join(f'<a href="/tag/{i}">word{i}</a>' for i in range(n))
        + "</p></article>"
    ),
    "nested 300 deep": lambda n: _page(
        "<div>" * 300 + "".join(f"<p>Line {i}: {_SAID}</p>" for i in range(n)) + "</div>" * 300
    ),
    "long article": lambda n: _page(
        "<article>" + "".join(f"<p>Paragraph {i}: {_SAID}</p>" for i in range(n)) + "</article>"
    ),
}

TEXTS: dict[str, Callable[[int], str]] = {  # shape -> text of n lines
    "Q-and-A transcript": lambda n: "\n".join(
        f'Q: Did envoy {i} meet Kang Sok-ju on Thursday?\nA: "We met for {i} hours," '
        f'{_NAMES[i % 5]} said. "There is more to do."'
        for i in range(n)
    ),
    "unbalanced quote marks": lambda n: "\n".join(
        f"He said \"the talks {i} would resume, officials said. 'Maybe ``not,'' she added."
        for i in range(n)
    ),
    "wall of names": lambda n: ", ".join(_NAMES[i % 5] for i in range(n)) + ".",
    "wall of dates": lambda n: " ".join(
        f"On Dec. {i % 28 + 1}, 2009, last week and {i} days ago, they met on Thursday."
        for i in range(n)
    ),
}


def _clean_seconds(html: str) -> tuple[float, int]:
    item = Item(url="https://news.example/worst", source="worst", body=html.encode())
    start = time.perf_counter()
    try:
        chars = len(clean_page(page_in_hand(item), CleanConfig()).text)
    except CleanError:
        chars = 0
    return time.perf_counter() - start, chars


def _rules_seconds(nlp: Any, text: str) -> tuple[float, int]:
    from tasks.dates import extract_dates
    from tasks.quotes import extract_quotes

    doc = nlp(text)
    start = time.perf_counter()
    found = len(extract_quotes(doc)) + len(extract_dates(doc, date(2009, 12, 11)))
    return time.perf_counter() - start, found


def _grows(
    measure: Callable[[str], tuple[float, int]],
    build: Callable[[int], str],
    lines: int,
    factor: int,
) -> dict[str, Any]:
    small, _ = measure(build(lines))
    large, found = measure(build(lines * factor))
    return {
        "lines": [lines, lines * factor],
        "seconds": [round(small, 3), round(large, 3)],
        "growth": round(large / max(small, 1e-6), 2),
        "output": found,
    }


def measure(lines: int, factor: int, text_lines: int | None = None) -> dict[str, Any]:
    """Each shape at `lines` and at `factor` times it (texts at `text_lines`, default a 20th)."""
    from tasks.nlp import load_nlp

    load_models()
    nlp = load_nlp()
    nlp.max_length = 10_000_000  # the texts are parsed whole here, not cut at MAX_NLP_CHARS
    # one of each first: the first page and text of a process pay for lazy imports and caches
    _clean_seconds(PAGES["long article"](10))
    _rules_seconds(nlp, TEXTS["Q-and-A transcript"](2))
    text_lines = text_lines or max(1, lines // 20)
    return {
        "factor": factor,
        "clean": {
            name: _grows(_clean_seconds, build, lines, factor) for name, build in PAGES.items()
        },
        "rules": {
            name: _grows(lambda text: _rules_seconds(nlp, text), build, text_lines, factor)
            for name, build in TEXTS.items()
        },
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Measure every shape and write bench/results/worst_case.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=4000)
    parser.add_argument("--factor", type=int, default=4)
    args = parser.parse_args(argv)
    results = measure(args.lines, args.factor)
    for stage in ("clean", "rules"):
        for name, row in results[stage].items():
            print(
                f"{stage:6} {name:32} {row['lines'][0]:>6} -> {row['lines'][1]:>6} lines: "
                f"{row['seconds'][0]:7.3f} -> {row['seconds'][1]:7.3f} s (x{row['growth']})"
            )
    write_result("worst_case", results)
    return results


if __name__ == "__main__":
    main()
