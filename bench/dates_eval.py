"""Temporal expressions measured on TimeBank/AQUAINT (TimeML) and MEANTIME (CAT XML).

TempEval-3 scoring: a predicted expression matches a gold TIMEX3 when their character spans
overlap (each used once); value-F1 counts a match only when the normalised value strings are
equal; span-F1 counts any overlap; type accuracy is over matched pairs. The anchor is each
document's creation time (DCT). MEANTIME annotated only the title, date line and first
sentences of each article, so predictions after that region (sentence 5, or the last sentence
with a gold timex) are not scored. Splits: `tune` = TimeBank + MEANTIME airbus/apple (the rules
were developed on these); `study` = the AQUAINT documents with an even index in sorted filename
order (their errors may be inspected, to learn AQUAINT-style newswire); `heldout` = AQUAINT +
MEANTIME gm/stock (as before, for continuity). The heldout breakdown reports AQUAINT's two halves
apart, `AQUAINT-even (studied)` and `AQUAINT-odd (unstudied)`: the odd half, gm and stock are
never inspected one error at a time, only scored in aggregate, so they stay an honest estimate.
`--errors` lists errors of `tune` or `study` only.

Run: `.venv/bin/python -m bench.dates_eval [--split tune|study|heldout|both] [--limit N]
[--errors N]`, or `--dir FOLDER` to score the TimeML and MEANTIME files of any folder (TempEval-3's
test set, your own annotations).
"""

from __future__ import annotations

import argparse
import html
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from bench.common import EVAL, add_dir_option, meantime_tokens, parsed, prf, write_result

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
SPLITS = {
    "tune": [("timebank", "TimeBank"), ("meantime", "corpus_airbus"), ("meantime", "corpus_apple")],
    "study": [("timebank", "AQUAINT")],  # its even half only, see _PARITY
    "heldout": [("timebank", "AQUAINT"), ("meantime", "corpus_gm"), ("meantime", "corpus_stock")],
}
# AQUAINT's files by index in sorted filename order: `study` takes the even ones (0, 2, ...)
_PARITY = {"study": 0}
# the halves of AQUAINT reported apart in the heldout breakdown: (label, parity)
_AQUAINT_HALVES = [("AQUAINT-even (studied)", 0), ("AQUAINT-odd (unstudied)", 1)]
# the splits whose errors may be read one by one
_INSPECTABLE = ("tune", "study")


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class EvalDoc:
    name: str
    text: str
    dct: date | None
    gold: list[GoldTimex]
    scored_until: int | None = None  # MEANTIME: end of the annotated region


def _dct(value: str) -> date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return date(int(match[1]), int(match[2]), int(match[3])) if match else None


def read_tml(path: Path) -> EvalDoc:
    """Plain text of <TEXT> and its TIMEX3s, offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    gold: list[GoldTimex] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag = m.group(1), m.group(2)
        if tag != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text_so_far = "".join(out)
            lead = len(text_so_far[start:length]) - len(text_so_far[start:length].lstrip())
            gold.append(
                GoldTimex(start + lead, length, attrs.get("type", ""), attrs.get("value", ""))
            )
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return EvalDoc(path.stem, "".join(out), _dct(dct_match.group(1)) if dct_match else None, gold)


def read_meantime(path: Path) -> EvalDoc:
    """Tokens joined by spaces (sentences by newlines) and TIMEX3s anchored to those tokens."""
    root = ElementTree.parse(path).getroot()
    text, offsets = meantime_tokens(root)
    gold: list[GoldTimex] = []
    dct = None
    for timex in root.iter("TIMEX3"):
        anchors = [
            offsets[a.get("t_id", "")]
            for a in timex.iter("token_anchor")
            if a.get("t_id") in offsets
        ]
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _dct(timex.get("value", ""))
        if anchors:
            gold.append(
                GoldTimex(
                    min(a for a, _ in anchors),
                    max(b for _, b in anchors),
                    timex.get("type", ""),
                    timex.get("value", ""),
                )
            )
    # MEANTIME annotated the title, the date line and the first sentences of each article,
    # not the rest: score up to sentence 5 or the last sentence holding a gold timex
    last_line = max([5, *(text[: g.end].count("\n") for g in gold)])
    line_ends = [m.start() for m in re.finditer("\n", text)] + [len(text)]
    until = line_ends[min(last_line, len(line_ends) - 1)]
    return EvalDoc(path.stem, text, dct, gold, until)


def load(split: str, limit: int | None = None) -> list[EvalDoc]:
    """The documents of a split."""
    docs: list[EvalDoc] = []
    for corpus, part in SPLITS[split]:
        if corpus == "timebank":
            files = sorted((EVAL / "timebank" / part).glob("*.tml"))
            if split in _PARITY:
                half = _aquaint_half(_PARITY[split])
                files = [f for f in files if f.stem in half]
            docs.extend(read_tml(f) for f in files[:limit])
        else:
            files = sorted((EVAL / "meantime" / "intra-doc_annotation" / part).glob("*.xml"))
            docs.extend(read_meantime(f) for f in files[:limit])
    return docs


def score(docs: list[EvalDoc], predictions: list[list[Any]]) -> dict[str, Any]:
    """TempEval-3 style value-F1, span-F1 and type accuracy."""
    n_gold = n_pred = overlap = value_ok = type_ok = 0
    for doc, all_preds in zip(docs, predictions, strict=True):
        limit = doc.scored_until if doc.scored_until is not None else len(doc.text)
        preds = [p for p in all_preds if p.start_char < limit]
        n_gold += len(doc.gold)
        n_pred += len(preds)
        used: set[int] = set()
        for g in doc.gold:
            best = None
            for i, p in enumerate(preds):
                if i in used or p.end_char <= g.start or p.start_char >= g.end:
                    continue
                if best is None or (p.value == g.value and preds[best].value != g.value):
                    best = i
            if best is None:
                continue
            used.add(best)
            overlap += 1
            value_ok += preds[best].value == g.value
            type_ok += preds[best].type == g.type
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "value": prf(value_ok, n_pred, value_ok, n_gold),
        "span": prf(overlap, n_pred, overlap, n_gold),
        "type_accuracy": round(type_ok / overlap, 4) if overlap else 0.0,
    }


def load_dir(folder: Path, limit: int | None = None) -> list[EvalDoc]:
    """The documents of any folder: each TimeML file (*.tml, TempEval-3's format) and each
    MEANTIME CAT file (*.xml) under it, by path."""
    files = sorted(folder.rglob("*.tml"))[:limit] + sorted(folder.rglob("*.xml"))[:limit]
    return [read_tml(f) if f.suffix == ".tml" else read_meantime(f) for f in files]


def _predict(docs: list[EvalDoc], key: str, nlp: Any = None) -> list[list[Any]]:
    from tasks.dates import extract_dates
    from tasks.nlp import load_nlp

    spacy_docs = parsed(nlp or load_nlp(), key, [d.text for d in docs])
    return [extract_dates(sd, d.dct) for d, sd in zip(docs, spacy_docs, strict=True)]


def evaluate_dir(folder: Path, limit: int | None = None, nlp: Any = None) -> dict[str, Any]:
    """Score extract_dates on the documents of a folder (see load_dir)."""
    docs = load_dir(folder, limit)
    predictions = _predict(docs, f"dates-dir-{folder.name}", nlp)
    return {"split": str(folder), "documents": len(docs), **score(docs, predictions)}


def evaluate(split: str, limit: int | None = None, nlp: Any = None) -> dict[str, Any]:
    """Score extract_dates on a split."""
    docs = load(split, limit)
    predictions = _predict(docs, f"dates-{split}-{limit or 'all'}", nlp)
    result = {"split": split, "documents": len(docs), **score(docs, predictions)}
    by_corpus: dict[str, Any] = {}
    for corpus, part in SPLITS[split]:
        idx = [i for i, d in enumerate(docs) if _part_of(d, corpus, part)]
        by_corpus[part] = score([docs[i] for i in idx], [predictions[i] for i in idx])["value"]
        if part == "AQUAINT" and split == "heldout":
            for label, parity in _AQUAINT_HALVES:
                names = _aquaint_half(parity)
                half = [i for i in idx if docs[i].name in names]
                scored = score([docs[i] for i in half], [predictions[i] for i in half])
                by_corpus[label] = scored["value"]
    result["value_by_corpus"] = by_corpus
    return result


def _aquaint_half(parity: int) -> set[str]:
    """Names of the AQUAINT documents whose index in sorted filename order has this parity."""
    files = sorted((EVAL / "timebank" / "AQUAINT").glob("*.tml"))
    return {f.stem for f in files[parity::2]}


def _part_of(doc: EvalDoc, corpus: str, part: str) -> bool:
    if corpus == "timebank":
        return (EVAL / "timebank" / part / f"{doc.name}.tml").is_file()
    return (EVAL / "meantime" / "intra-doc_annotation" / part / f"{doc.name}.xml").is_file()


def errors(split: str, limit: int | None = None) -> Counter[tuple[str, str, str]]:
    """(gold text, gold value, predicted value) of mismatches, for development: of `tune` and
    `study` only (the unstudied half of AQUAINT, gm and stock are scored, never read)."""
    if split not in _INSPECTABLE:
        raise ValueError(f"errors are listed for {_INSPECTABLE} only, not {split!r}")
    from tasks.dates import extract_dates
    from tasks.nlp import load_nlp

    nlp = load_nlp()
    docs = load(split, limit)
    spacy_docs = parsed(nlp, f"dates-{split}-{limit or 'all'}", [d.text for d in docs])
    out: Counter[tuple[str, str, str]] = Counter()
    for d, sd in zip(docs, spacy_docs, strict=True):
        limit = d.scored_until if d.scored_until is not None else len(d.text)
        preds = [p for p in extract_dates(sd, d.dct) if p.start_char < limit]  # as score() does
        for g in d.gold:
            hits = [p for p in preds if p.start_char < g.end and g.start < p.end_char]
            if not hits:
                out[(d.text[g.start : g.end].lower(), g.value, "MISSED")] += 1
            elif all(p.value != g.value for p in hits):
                out[(d.text[g.start : g.end].lower(), g.value, hits[0].value)] += 1
        for p in preds:
            if not any(p.start_char < g.end and g.start < p.end_char for g in d.gold):
                out[(p.text.lower(), "SPURIOUS", p.value)] += 1
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Evaluate and write bench/results/dates.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["tune", "study", "heldout", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    add_dir_option(parser, "the TimeML (*.tml) and MEANTIME (*.xml) files under a folder")
    args = parser.parse_args(argv)
    if args.dir is not None:
        result = evaluate_dir(args.dir, args.limit)
        if not result["documents"]:
            parser.error(f"no *.tml or *.xml file under {args.dir}")
        _print(args.dir.name, result)
        return {args.dir.name: result}
    if not (EVAL / "timebank").is_dir():
        print(f"skipped: {EVAL / 'timebank'} not found")
        return {}
    splits = ["tune", "heldout"] if args.split == "both" else [args.split]
    if args.errors and splits[0] not in _INSPECTABLE:
        parser.error(f"--errors lists errors of {' or '.join(_INSPECTABLE)} only")
    results = {split: evaluate(split, args.limit) for split in splits}
    for split, r in results.items():
        _print(split, r)
    if args.errors:
        for (text, gold, pred), n in errors(splits[0], args.limit).most_common(args.errors):
            print(f"{n:4}  {text!r:40} gold {gold:14} pred {pred}")
    if args.limit is None and args.split == "both":  # a partial run must not overwrite the figures
        write_result(
            "dates",
            {
                "datasets": "TimeBank+AQUAINT (TBAQ-cleaned), MEANTIME en",
                "scoring": "TempEval-3 overlap + value",
                "splits": results,
            },
        )
    return results


def _print(split: str, r: dict[str, Any]) -> None:
    v, s = r["value"], r["span"]
    print(
        f"{split:8} docs {r['documents']:4}  value P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f}"
        f"  span F1 {s['f1']:.3f}  type acc {r['type_accuracy']:.3f}"
        + (f"  by corpus {r['value_by_corpus']}" if "value_by_corpus" in r else "")
    )


if __name__ == "__main__":
    main()
