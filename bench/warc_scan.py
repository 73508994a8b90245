"""WARC scan: MB/s of the `warc` source with the topic prefilter vs bare fastwarc iteration.

A CC-NEWS-style `.warc.gz` is generated deterministically: one gzip member per record, HTTP
response records of news pages, most of them off the topic (as in a real CC-NEWS file, where
a single topic is a few percent of the records) and a few percent the generated six-party
talks pages of `bench.corpus`. Both scans read every response payload; the ratio says what
the source adds (host/URL filters, content-type test, the prefilter regex, Item/Skip records).
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bench.common import write_result
from bench.corpus import article

ON_TOPIC_SHARE = 0.03  # share of records about the talks; CC-NEWS holds every story of a day
OFF_TOPIC = [
    "The city council approved the new budget for road repairs after a long debate.",
    "Fans queued overnight for tickets to the championship final at the stadium.",
    "Heavy rain flooded several streets and closed the riverside market on Sunday.",
    "The central bank kept interest rates unchanged, citing steady consumer prices.",
    "A new exhibition of early photography opened at the museum this weekend.",
    "Farmers said the late frost had damaged much of the spring harvest.",
    "The company reported higher quarterly profits on strong export demand.",
    "Researchers described a species of beetle found in the mountain forests.",
    # common words that are also topic keywords, so the cheap gate cannot settle every page
    "Union leaders said talks with the airline would resume after the holiday.",
    "Snow is expected across the north of the region by Tuesday evening.",
    "The ruling party said the process of choosing a candidate would take months.",
]


_SYLLABLES = ["ka", "ro", "min", "te", "sul", "va", "dor", "ei", "lan", "pu", "shi", "mar", "ko"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4)))


def _off_topic_page(rng: random.Random, n: int) -> str:
    # template sentences plus made-up words and numbers: real pages vary, and compress about
    # 4-5x in gzip; a page of repeated sentences would compress 20x and flatter bare iteration
    def sentence() -> str:
        made_up = " ".join(_word(rng) for _ in range(rng.randint(6, 14)))
        return (
            f"{rng.choice(OFF_TOPIC)} In {_word(rng).title()}, {rng.randint(2, 9999)} "
            f"people {made_up}."
        )

    paragraphs = "".join("<p>" + " ".join(sentence() for _ in range(4)) + "</p>" for _ in range(10))
    nav = "".join(f'<li><a href="/{_word(rng)}/{i}">{_word(rng)}</a></li>' for i in range(25))
    return (
        f"<!DOCTYPE html><html><head><title>Local story {n}</title></head><body>"
        f"<nav><ul>{nav}</ul></nav><article><h1>Local story {n}</h1>{paragraphs}</article>"
        "<footer>Copyright the Daily Example</footer></body></html>"
    )


def write_warc(path: Path, records: int, seed: int = 11) -> tuple[int, int]:
    """Write a generated CC-NEWS-style WARC; returns (on-topic records, payload bytes)."""
    rng = random.Random(seed)
    on_topic = raw_bytes = 0
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n in range(records):
            if rng.random() < ON_TOPIC_SHARE:
                url_path, page, _ = article(n)
                url = f"https://talks.example{url_path}"
                on_topic += 1
            else:
                page = _off_topic_page(rng, n)
                url = f"https://daily{n % 40}.example/story/{n}.html"
            raw_bytes += len(page.encode("utf-8"))
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(page.encode("utf-8")),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": "2009-12-14T08:00:00Z"},
                )
            )
    return on_topic, raw_bytes


def bare_scan(path: Path) -> int:
    """Iterate response records with fastwarc and read every payload; returns the count."""
    count = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(
            stream, record_types=WarcRecordType.response, parse_http=True
        ):
            record.reader.read()
            count += 1
    return count


def source_scan(path: Path) -> tuple[int, int]:
    """Scan with the pipeline's `warc` source and the NK talks prefilter: (items, skipped)."""
    from config.schema import load_config
    from tasks.records import Skip
    from tasks.topic import compile_topic
    from tasks.warc import WarcFiles

    topic = compile_topic(load_config("nk_talks").topic)
    assert topic is not None
    files = WarcFiles("cc-news", [str(path)], prefilter=topic.prefilter)
    items = skipped = 0
    for item in files.items():
        if isinstance(item, Skip):
            skipped += 1
        else:
            items += 1
    return items, skipped


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Generate the WARC, time both scans (median of --repeats), write bench/results/warc.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "CC-NEWS-20091214000000-00001.warc.gz"
        on_topic, raw_bytes = write_warc(path, args.records)
        megabytes = path.stat().st_size / 2**20
        bare_s, ours_s = [], []
        for _ in range(args.repeats):  # interleaved, so drift on a shared machine hits both
            start = time.perf_counter()
            assert bare_scan(path) == args.records
            bare_s.append(time.perf_counter() - start)
            start = time.perf_counter()
            items, skipped = source_scan(path)
            ours_s.append(time.perf_counter() - start)
            assert items + skipped == args.records
    bare, ours = statistics.median(bare_s), statistics.median(ours_s)
    from config.schema import load_config
    from tasks.topic import compile_topic

    topic = compile_topic(load_config("nk_talks").topic)
    results = {
        "prefilter_engine": topic.raw_gate.engine if topic and topic.raw_gate else "none",
        "records": args.records,
        "file_mb_uncompressed": round(raw_bytes / 2**20, 1),
        "on_topic_records": on_topic,
        "prefilter_passed": items,
        "file_mb_gzip": round(megabytes, 1),
        "bare_fastwarc_mb_per_s": round(megabytes / bare, 1),
        "warc_source_prefilter_mb_per_s": round(megabytes / ours, 1),
        "ratio": round(bare / ours, 3),
    }
    print(f"WARC scan: {results}")
    write_result("warc", results)
    return results


if __name__ == "__main__":
    main()
