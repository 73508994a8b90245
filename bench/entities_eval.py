"""Entity mentions and canonical actors measured on MEANTIME (English, intra-document layer).

Gold: ENTITY_MENTION markables that are names (syntactic_type NAM), typed by the ENTITY they
refer to (REFERS_TO): PER -> PERSON, ORG -> ORG/NORP, LOC -> GPE/LOC/FAC, PRO -> PRODUCT/
WORK_OF_ART/EVENT, FIN -> MONEY. MEANTIME annotated the title, date line and first sentences
only, so mentions are scored up to sentence 5 (or the last sentence with a gold mention).

- mention P/R/F1, overlap (any character overlap, same mapped type) and exact (same span);
- canonicalisation: B-cubed P/R/F1 of our actor_id clustering of the matched mentions against
  the gold entity of each mention (do mentions of one entity share one actor, and only them?).

Splits: `tune` = airbus + apple, `heldout` = gm + stock.
Run: `.venv/bin/python -m bench.entities_eval`, or `--dir FOLDER` to score the MEANTIME files of any
folder.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from bench.common import EVAL, add_dir_option, meantime_tokens, parsed, prf, write_result

TYPE_MAP = {
    "PER": {"PERSON"},
    "ORG": {"ORG", "NORP"},
    "LOC": {"GPE", "LOC", "FAC"},
    "PRO": {"PRODUCT", "WORK_OF_ART", "EVENT"},
    "FIN": {"MONEY"},
}
SPLITS = {"tune": ["corpus_airbus", "corpus_apple"], "heldout": ["corpus_gm", "corpus_stock"]}


@dataclass
class GoldMention:
    start: int
    end: int
    type: str
    entity: str


def read(path: Any) -> tuple[str, list[GoldMention], int]:
    """(text, gold name mentions, end of the annotated region)."""
    root = ElementTree.parse(path).getroot()
    text, offsets = meantime_tokens(root)
    entities = {e.get("m_id"): e.get("ent_type", "") for e in root.iter("ENTITY")}
    refers: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        for src in rel.findall("source"):
            if target is not None:
                refers[src.get("m_id", "")] = target.get("m_id", "")
    gold: list[GoldMention] = []
    for m in root.iter("ENTITY_MENTION"):
        if m.get("syntactic_type") != "NAM":
            continue
        anchors = [
            offsets[a.get("t_id", "")] for a in m.iter("token_anchor") if a.get("t_id") in offsets
        ]
        entity = refers.get(m.get("m_id", ""))
        if not anchors or entity is None or entities.get(entity) not in TYPE_MAP:
            continue
        gold.append(
            GoldMention(
                min(a for a, _ in anchors), max(b for _, b in anchors), entities[entity], entity
            )
        )
    last_line = max([5, *(text[: g.end].count("\n") for g in gold)])
    line_ends = [mm.start() for mm in re.finditer("\n", text)] + [len(text)]
    return text, gold, line_ends[min(last_line, len(line_ends) - 1)]


def b_cubed(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """B-cubed precision/recall/F1 of predicted clusters (first) against gold clusters (second)."""
    by_pred: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(pairs):
        by_pred[p].add(i)
        by_gold[g].add(i)
    if not pairs:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    precision = sum(len(by_pred[p] & by_gold[g]) / len(by_pred[p]) for p, g in pairs) / len(pairs)
    recall = sum(len(by_pred[p] & by_gold[g]) / len(by_gold[g]) for p, g in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate(
    split: str, nlp: Any = None, aliases_path: str | None = None, folder: Path | None = None
) -> dict[str, Any]:
    """Mention and canonicalisation scores of extract_entities on a split, or on the MEANTIME
    CAT files (*.xml) under `folder`."""
    from tasks.enrich import worker_nlp
    from tasks.entities import extract_entities

    nlp_, aliases = worker_nlp("en_core_web_sm", aliases_path)
    nlp = nlp or nlp_
    files = (
        sorted(folder.rglob("*.xml"))
        if folder is not None
        else [
            f
            for part in SPLITS[split]
            for f in sorted((EVAL / "meantime" / "intra-doc_annotation" / part).glob("*.xml"))
        ]
    )
    docs = [read(f) for f in files]
    spacy_docs = parsed(nlp, f"entities-{split}", [t for t, _g, _u in docs])
    n_gold = n_pred = overlap_tp = exact_tp = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, pred, gold
    clusters: list[tuple[str, str]] = []
    for (text, gold, until), doc in zip(docs, spacy_docs, strict=True):
        preds = [m for m in extract_entities(doc, aliases) if m.start_char < until]
        n_gold += len(gold)
        n_pred += len(preds)
        for m in preds:
            by_type[m.label][1] += 1
        used: set[int] = set()
        for g in gold:
            by_type[g.type][2] += 1
            candidates = [
                (i, m)
                for i, m in enumerate(preds)
                if i not in used
                and m.start_char < g.end
                and g.start < m.end_char
                and m.label in TYPE_MAP[g.type]
            ]
            if not candidates:
                continue
            i, m = max(
                candidates, key=lambda c: min(c[1].end_char, g.end) - max(c[1].start_char, g.start)
            )
            used.add(i)
            overlap_tp += 1
            exact_tp += (m.start_char, m.end_char) == (g.start, g.end)
            by_type[g.type][0] += 1
            clusters.append((f"{text[:20]}|{m.actor_id}", f"{text[:20]}|{g.entity}"))
    return {
        "split": split,
        "documents": len(docs),
        "gold_mentions": n_gold,
        "predicted_mentions": n_pred,
        "overlap": prf(overlap_tp, n_pred, overlap_tp, n_gold),
        "exact": prf(exact_tp, n_pred, exact_tp, n_gold),
        "recall_by_gold_type": {t: round(v[0] / v[2], 4) for t, v in by_type.items() if v[2]},
        "canonicalisation_b_cubed": b_cubed(clusters),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Evaluate both splits and write bench/results/entities.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_dir_option(parser, "the MEANTIME CAT files (*.xml) under a folder")
    args = parser.parse_args(argv)
    if args.dir is not None:
        result = evaluate(args.dir.name, folder=args.dir)
        if not result["documents"]:
            parser.error(f"no *.xml file under {args.dir}")
        _print(args.dir.name, result)
        return {args.dir.name: result}
    if not (EVAL / "meantime").is_dir():
        print(f"skipped: {EVAL / 'meantime'} not found")
        return {}
    results = {split: evaluate(split) for split in SPLITS}
    for split, r in results.items():
        _print(split, r)
    write_result(
        "entities", {"dataset": "MEANTIME English intra-doc, NAM mentions", "splits": results}
    )
    return results


def _print(split: str, r: dict[str, Any]) -> None:
    o, e, c = r["overlap"], r["exact"], r["canonicalisation_b_cubed"]
    print(
        f"{split:8} docs {r['documents']:3}  overlap P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}"
        f"  exact F1 {e['f1']:.3f}  B3 F1 {c['f1']:.3f}  recall by type {r['recall_by_gold_type']}"
    )


if __name__ == "__main__":
    main()
