from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from accord.settings import Settings, SettingsError


def test_environment_overrides_file_and_defaults(tmp_path: Path) -> None:
    toml = tmp_path / "accord.toml"
    toml.write_text('[accord]\nnode_name = "from-file"\nmax_ingest_bytes = 10\n')
    env = {"ACCORD_SETTINGS": str(toml), "ACCORD_NODE_NAME": "from-env"}
    settings = Settings.load(env)
    assert settings.node_name == "from-env"
    assert settings.max_ingest_bytes == 10
    assert settings.ingest_chunk_rows == 5000


def test_unknown_settings_are_errors_naming_them(tmp_path: Path) -> None:
    missing = {"ACCORD_SETTINGS": str(tmp_path / "none.toml")}
    with pytest.raises(SettingsError, match=r"none\.toml does not exist"):
        Settings.load(missing)
    env = {"ACCORD_SETTINGS": str(tmp_path / "a.toml"), "ACCORD_DATABSE_URL": "x"}
    (tmp_path / "a.toml").write_text("")
    with pytest.raises(SettingsError, match=r"unknown setting.*databse_url"):
        Settings.load(env)


def test_area_settings_and_tool_variables_are_accepted(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("")
    env = {
        "ACCORD_SETTINGS": str(tmp_path / "a.toml"),
        "ACCORD_OIDC_ISSUER": "https://idp.example",
        "ACCORD_DEMO_SERVE": "0",
    }
    settings = Settings.load(env)
    assert settings.extra["oidc_issuer"] == "https://idp.example"
    assert "demo_serve" not in settings.extra


def test_bad_numbers_name_the_setting(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("")
    env = {"ACCORD_SETTINGS": str(tmp_path / "a.toml"), "ACCORD_MAX_INGEST_BYTES": "lots"}
    with pytest.raises(SettingsError, match="max_ingest_bytes"):
        Settings.load(env)


def test_node_secret_is_created_once_and_private(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "d")
    secret = settings.node_secret()
    assert len(secret) == 32 and settings.node_secret() == secret
    assert (tmp_path / "d" / "node.secret").stat().st_mode & 0o777 == 0o600


def test_threads_creating_the_node_secret_at_once_all_read_the_one_kept(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "d")
    with ThreadPoolExecutor(16) as pool:
        secrets_read = set(pool.map(lambda _: settings.node_secret(), range(64)))
    assert len(secrets_read) == 1 and len(secrets_read.pop()) == 32
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["node.secret"]
