"""The research report's charts: pygal charts of one look, rendered as stable SVG files.

pygal, not matplotlib: every run that writes rows rebuilds the report at its end. On the
500-article bench corpus matplotlib drew the report's nine charts in ~1.0 s of the report's
1.2-1.35 s, and its import took 1.2-1.6 s of CPU, which the NLP workers lack while they parse;
pygal imports in ~0.05 s and draws the nine in ~0.2 s (the report 0.40-0.50 s in all).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import pygal
from pygal import Bar, DateLine, Dot, HorizontalStackedBar, StackedBar
from pygal.graph.graph import Graph
from pygal.style import Style

__all__ = [
    "Bar",
    "DateLine",
    "Dot",
    "Graph",
    "StackedBar",
    "bar_columns",
    "bar_rows",
    "chart",
    "count_axis",
    "cut",
    "dot_matrix",
    "log_axis",
    "render_svg",
    "x_labels",
]

# pygal puts an import hook for its map plugins (pygal.maps.*, unused here) on sys.meta_path, in
# the protocol before Python 3.4: on 3.11 every import that reaches it warns ("find_spec() not
# found"), and where warnings are errors, an optional import elsewhere then fails with the
# warning instead of ImportError (fsspec's isal). Taken off as soon as pygal is imported.
sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, pygal.PluginImportFixer)]

CHART_WIDTH = 1000  # pixels: the page's column (1120 px) less the figure's padding
ROW_PIXELS = 30  # height of a bar, or of a row of dots, in the charts that grow with their rows
MAX_X_LABELS = 16  # labels under a chart's columns; more columns are labelled every k-th
MAX_CELL_NUMBERS = 400  # a dot matrix with more cells than this prints no counts on its dots
LABEL_CHARS = 32  # a longer label is cut (pygal's truncation ends it with "…")
# Tableau 10 (matplotlib's default cycle): distinct, and fair to most colour-blind readers
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
_INK = "#1d2330"  # the page's text colour
_STYLE = Style(
    background="white",
    plot_background="white",
    foreground=_INK,
    foreground_strong=_INK,
    foreground_subtle="#dde1e7",
    colors=PALETTE,
    opacity=".85",
    opacity_hover=".95",
    font_family="DejaVu Sans, Verdana, Arial, sans-serif",
    title_font_size=14,
    label_font_size=11,
    major_label_font_size=11,
    legend_font_size=11,
    value_font_size=9,
)
# pygal stamps each file with the day it drew it: taken out, so the same data gives the same file
_RENDER_STAMP = re.compile(rb"<!--Generated with pygal.*?-->")
# ... and gives it a script of the chart's whole config for its tooltips, which no chart of the
# report runs: a file of the report holds no script (its text is XML-escaped, so no "</script>")
_SCRIPT = re.compile(rb"<script\b[^>]*?(?:/>|>.*?</script>)", re.DOTALL)


def chart(kind: type[Graph], title: str, height: float, **options: Any) -> Graph:
    """A chart of `kind` (pygal.Bar, pygal.StackedBar, ...) in the report's look: its style and
    width, long labels cut, the legend below, counts as whole numbers, and no script (the page
    allows none; pygal's tooltips are its only use of one). `options` are pygal's."""
    config: dict[str, Any] = {
        "style": _STYLE,
        "width": CHART_WIDTH,
        "height": round(height),
        "title": title,
        "js": [],
        "truncate_label": LABEL_CHARS,
        "truncate_legend": LABEL_CHARS,
        "legend_at_bottom": True,
        "print_zeroes": False,
        "value_formatter": _whole,
    }
    config.update(options)
    return kind(**config)


def _whole(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def cut(label: str) -> str:
    """The label cut to LABEL_CHARS characters, its end "…": pygal cuts the labels under a
    chart's columns, not those beside its rows (a horizontal bar's, a dot matrix')."""
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def count_axis(peak: float) -> list[int]:
    """Whole-number ticks from 0 to `peak` or just past it, at most 7 (counts have no 0.5)."""
    step, k = 1, 0
    while peak / step > 6:  # steps of 1, 2, 5, 10, 20, 50, ...
        k += 1
        step = (1, 2, 5)[k % 3] * 10 ** (k // 3)
    return list(range(0, int(peak) + step, step)) if peak else [0, 1]


def log_axis(peak: float) -> list[int]:
    """Powers of ten from 1 to `peak` (pygal's log axis ends at its largest value)."""
    ticks = [1]
    while ticks[-1] * 10 <= peak:
        ticks.append(ticks[-1] * 10)
    return ticks


def x_labels(graph: Graph, labels: Sequence[str], max_labels: int = MAX_X_LABELS) -> None:
    """Label a chart's columns, every k-th of them past `max_labels`, slanted when they are
    many or long."""
    graph.x_labels = list(labels)
    every = -(-len(labels) // max_labels)
    if every > 1:
        graph.x_labels_major_every = every
        graph.show_minor_x_labels = False
    many_or_long = len(labels) > 12 or any(len(label) > 8 for label in labels)
    graph.x_label_rotation = 45 if many_or_long else 0


def bar_columns(
    title: str,
    height: float,
    axis_title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[int]],
    max_labels: int = MAX_X_LABELS,
) -> Graph:
    """Stacked columns, one per label, left to right as given, each column's `series` values
    stacked; a series' name is its legend entry."""
    graph = chart(StackedBar, title, height, y_title=axis_title)
    x_labels(graph, labels, max_labels)
    for label, values in series.items():
        graph.add(label, [v or None for v in values])
    graph.y_labels = count_axis(max(map(sum, zip(*series.values(), strict=True))))
    return graph


def bar_rows(
    title: str,
    axis_title: str,
    names: Sequence[str],
    series: dict[str, Sequence[int | None]],
) -> Graph:
    """Horizontal bars, one row per name, top to bottom as given (pygal draws its first row at
    the bottom), each row's `series` values stacked; a series' name is its legend entry."""
    graph = chart(HorizontalStackedBar, title, 150 + ROW_PIXELS * len(names), x_title=axis_title)
    graph.x_labels = [cut(name) for name in reversed(names)]
    for label, values in series.items():
        graph.add(label, [v or None for v in reversed(values)])
    rows = zip(*series.values(), strict=True)
    graph.y_labels = count_axis(max((sum(v or 0 for v in row) for row in rows), default=0))
    return graph


def dot_matrix(
    title: str,
    matrix: Sequence[Sequence[int]],
    rows: Sequence[str],
    cols: Sequence[str],
    max_labels: int = 24,
) -> Graph:
    """A matrix of counts as dots sized by their count (a heat map for a page without a colour
    scale): one row per name, top to bottom as given, and the counts on the dots while the
    cells are few enough to read them (MAX_CELL_NUMBERS)."""
    longest = min(LABEL_CHARS, max((len(c) for c in cols), default=0))
    graph = chart(
        Dot,
        title,
        120 + ROW_PIXELS * len(rows) + 7 * longest,  # slanted column labels take their length
        # every row in one colour (pygal darkens each series past its colours): the dots'
        # sizes carry the counts
        style=Style(**{**_STYLE.to_dict(), "colors": (PALETTE[0],) * max(1, len(rows))}),
        show_legend=False,
        print_values=len(rows) * len(cols) <= MAX_CELL_NUMBERS,
    )
    x_labels(graph, [cut(c) for c in cols], max_labels)
    for name, row in zip(rows, matrix, strict=True):
        graph.add(cut(name), [v or None for v in row])
    return graph


def render_svg(graph: Graph, name: str) -> bytes:
    """The chart's SVG, the same bytes for the same data (its element ids come from `name`), with
    no script."""
    graph.uuid = name  # pygal's default is a random one
    return _SCRIPT.sub(b"", _RENDER_STAMP.sub(b"", graph.render()))
