"""Settings precedence: defaults < TOML file < environment < overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.settings import load_settings, settings_help


def test_precedence_file_then_environment_then_overrides(tmp_path: Path) -> None:
    config = tmp_path / "newsgraph.toml"
    config.write_text('database = "file.db"\nbatch_size = 7\nworkers = 3\n', encoding="utf-8")
    env = {"NEWSGRAPH_BATCH_SIZE": "9", "NEWSGRAPH_STAGES": "clean,language"}
    settings = load_settings(config, environ=env, overrides={"workers": 1})
    assert settings.database == "file.db"
    assert settings.batch_size == 9
    assert settings.stages == ["clean", "language"]
    assert settings.workers == 1


def test_invalid_value_is_a_config_error_naming_the_setting() -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        load_settings(environ={"NEWSGRAPH_BATCH_SIZE": "many"})


def test_unreadable_config_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read settings"):
        load_settings(tmp_path / "absent.toml", environ={})


def test_every_setting_has_help() -> None:
    assert all(help_text for _, _, help_text in settings_help())


@pytest.mark.parametrize("raw", ['["en","nb"]', "en,nb", " en , nb ", '[ "en", "nb" ]'])
def test_list_settings_parse_from_json_or_commas(raw: str) -> None:
    assert load_settings(environ={"NEWSGRAPH_LANGUAGES": raw}).languages == ["en", "nb"]


def test_table_settings_parse_from_json() -> None:
    settings = load_settings(environ={"NEWSGRAPH_MODELS": '{"nb": "/models/nb"}'})
    assert settings.models == {"nb": "/models/nb"}


def test_broken_json_list_is_a_config_error_naming_the_variable() -> None:
    with pytest.raises(ConfigError, match="NEWSGRAPH_LANGUAGES"):
        load_settings(environ={"NEWSGRAPH_LANGUAGES": '["en",'})
