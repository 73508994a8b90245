"""Config loading: strict keys, clear messages, presets, relative paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.schema import ConfigError, load_config, settings_from_dict

MINIMAL = {
    "output": "data/x",
    "sources": [{"kind": "urls", "name": "wire", "urls": ["https://example.org/a"]}],
}


def test_minimal_config_has_safe_defaults() -> None:
    settings = settings_from_dict(MINIMAL)
    assert settings.fetch.allow_private_addresses is False
    assert settings.topic is None
    assert settings.sources[0].name == "wire"
    assert settings.nlp.extract_in == "auto"


@pytest.mark.parametrize(
    ("patch", "fragment"),
    [
        ({"outptu": "x"}, "unknown key `outptu`"),
        ({"fetch": {"allow_private": True}}, "unknown key `fetch.allow_private`"),
        (
            {"sources": [{"kind": "urls", "name": "w", "urls": ["u"], "extra": 1}]},
            "unknown key `sources.0.urls.extra`",
        ),
        ({"sources": [{"kind": "rss", "name": "w"}]}, "sources.0"),
        ({"fetch": {"retries": "many"}}, "`fetch.retries`"),
        ({"sources": []}, "`sources`"),
        ({"nlp": {"extract_in": "gpu"}}, "`nlp.extract_in`"),
    ],
)
def test_bad_configs_name_the_key(patch: dict, fragment: str) -> None:
    with pytest.raises(ConfigError) as err:
        settings_from_dict({**MINIMAL, **patch})
    assert fragment in str(err.value)


def test_missing_output_is_named() -> None:
    with pytest.raises(ConfigError, match="missing key `output`"):
        settings_from_dict({"sources": MINIMAL["sources"]})


def test_duplicate_source_names_rejected() -> None:
    src = MINIMAL["sources"][0]
    with pytest.raises(ConfigError, match="repeated: wire"):
        settings_from_dict({**MINIMAL, "sources": [src, src]})


def test_yaml_file_paths_resolve_against_the_file(tmp_path: Path) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text(
        "output: out\nsources:\n  - {kind: html_files, name: saved, paths: ['pages/*.html']}\n"
    )
    settings = load_config(cfg)
    assert settings.resolve("pages") == tmp_path / "pages"


def test_missing_file_and_unknown_preset(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found and it is not a preset"):
        load_config(tmp_path / "nope.yaml")


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    cfg = tmp_path / "evil.yaml"
    cfg.write_text("output: !!python/object/apply:os.system ['echo pwned']\nsources: []\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(cfg)
