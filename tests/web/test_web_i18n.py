"""The interface in English and Serbian (Latin and Cyrillic): catalogues complete and compiled."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from web_fixtures import post, sign_in

WEB = Path(__file__).resolve().parents[2] / "src" / "accord" / "web"
LOCALES = ("sr_Latn", "sr_Cyrl")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s")


def _source_messages() -> set[str]:
    method_map = [("templates/**.html", "jinja2"), ("**.py", "python")]
    keywords = {"_": None, "N_": None}
    return {str(m[2]) for m in extract_from_dir(WEB, method_map, keywords=keywords)}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale: str) -> None:
    with (WEB / "locale" / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle)
    translated = {str(m.id): str(m.string) for m in catalogue if m.id}
    assert set(translated) == _source_messages()
    for msgid, text in translated.items():
        assert text, msgid
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(msgid)), msgid


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogue_is_current(locale: str) -> None:
    folder = WEB / "locale" / locale / "LC_MESSAGES"
    with (folder / "messages.po").open("rb") as handle:
        catalogue = read_po(handle)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    assert (folder / "messages.mo").read_bytes() == compiled.getvalue(), (
        f"recompile {folder / 'messages.mo'} (docs/web.md says how)"
    )


def test_the_cyrillic_catalogue_is_in_cyrillic() -> None:
    with (WEB / "locale" / "sr_Cyrl" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle)
    assert catalogue.get("Search").string == "Претрага"


def test_a_user_sees_the_interface_in_their_language(client: TestClient) -> None:
    sign_in(client, "milan")
    page = client.get("/search").text
    assert '<html lang="sr-Cyrl"' in page
    assert "Претрага" in page
    sign_in(client, "jelena")
    assert "Pretraga" in client.get("/search").text


def test_a_user_can_change_their_language(client: TestClient) -> None:

    sign_in(client, "ana")
    post(client, "/language", {"language": "sr-Latn", "back": "/search"}, page="/search")
    assert "Odjava" in client.get("/search").text
    sign_in(client, "ana")
    assert "Odjava" in client.get("/search").text
