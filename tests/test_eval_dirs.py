"""The evaluation harnesses score any folder in their corpus's format (`--dir`), not only the
development sets: a researcher's own annotations, another split, TempEval-3's test set."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import dates_eval, entities_eval, quotes_eval

_STORY = (
    "Talks resume in Beijing\n\n"
    '"We will return to the table," said Kim Song, the envoy. '
    "He added that the North wanted a treaty.\n"
)


def _span(text: str, words: str) -> str:
    start = text.index(words)
    return f"{start} {start + len(words)}\t{words}"


def _polnear_folder(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "talks.txt").write_text(_STORY, encoding="utf-8")
    ann = [
        f"T1\tSource {_span(_STORY, 'Kim Song, the envoy')}",
        f"T2\tCue {_span(_STORY, 'said')}",
        f"T3\tContent {_span(_STORY, 'We will return to the table,')}",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        f"T4\tSource {_span(_STORY, 'He')}",
        f"T5\tCue {_span(_STORY, 'added')}",
        f"T6\tContent {_span(_STORY, 'that the North wanted a treaty')}",
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
    ]
    (root / "attributions" / "talks_annotator.ann").write_text("\n".join(ann) + "\n")
    return root


def test_quotes_harness_scores_a_folder_in_polnear_layout(tmp_path: Path, capsys) -> None:
    folder = _polnear_folder(tmp_path / "mine")
    result = quotes_eval.main(["--dir", str(folder)])["mine"]
    # both attributions found and both spoken by Kim Song ("He" resolved to him)
    assert (result["gold_quotes"], result["predicted_quotes"]) == (2, 2)
    assert result["f1"] == 1.0 and result["speaker_accuracy"] == 1.0
    assert "mine" in capsys.readouterr().out


def test_quotes_harness_reads_an_annotation_named_as_its_text(tmp_path: Path) -> None:
    folder = _polnear_folder(tmp_path / "mine")
    (folder / "text" / "talks.txt").rename(folder / "text" / "nk_talks.txt")
    (folder / "attributions" / "talks_annotator.ann").rename(
        folder / "attributions" / "nk_talks.ann"
    )
    result = quotes_eval.main(["--dir", str(folder)])["mine"]
    assert (result["documents"], result["gold_quotes"]) == (1, 2)


def test_quotes_harness_refuses_a_folder_of_another_layout(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        quotes_eval.main(["--dir", str(tmp_path)])


_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>talks</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2009-12-11" functionInDocument="CREATION_TIME">
December 11, 2009</TIMEX3></DCT>
<TEXT>
The State Department said <TIMEX3 tid="t1" type="DATE" value="2009-12-10">Thursday</TIMEX3>
that the envoy's <TIMEX3 tid="t2" type="DURATION" value="P3D">three-day</TIMEX3> trip went well.
</TEXT>
</TimeML>
"""


def test_dates_harness_scores_the_timeml_files_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "talks.tml").write_text(_TML, encoding="utf-8")
    result = dates_eval.main(["--dir", str(tmp_path)])[tmp_path.name]
    assert result["documents"] == 1 and result["gold"] == 2
    # "Thursday" before a Friday's article is the day before; "three-day" lasts three days
    assert result["value"]["recall"] == 1.0


_MEANTIME = """<?xml version="1.0" encoding="UTF-8"?>
<Document doc_name="talks" doc_id="1" lang="en">
<token t_id="1" sentence="0" number="0">Kim</token>
<token t_id="2" sentence="0" number="1">Song</token>
<token t_id="3" sentence="0" number="2">met</token>
<token t_id="4" sentence="0" number="3">Barack</token>
<token t_id="5" sentence="0" number="4">Obama</token>
<token t_id="6" sentence="0" number="5">in</token>
<token t_id="7" sentence="0" number="6">Washington</token>
<token t_id="8" sentence="0" number="7">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="4"/><token_anchor t_id="5"/>
</ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="7"/></ENTITY_MENTION>
<ENTITY m_id="10" ent_type="PER" TAG_DESCRIPTOR="Barack_Obama"/>
<ENTITY m_id="11" ent_type="LOC" TAG_DESCRIPTOR="Washington"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="11"/></REFERS_TO>
</Relations>
</Document>
"""


def test_entities_harness_scores_the_meantime_files_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "talks.xml").write_text(_MEANTIME, encoding="utf-8")
    result = entities_eval.main(["--dir", str(tmp_path)])[tmp_path.name]
    assert result["documents"] == 1 and result["gold_mentions"] == 2
    assert result["recall_by_gold_type"] == {"PER": 1.0, "LOC": 1.0}
