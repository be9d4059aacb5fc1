"""Search, entity provenance, masking, escaping and scripts on the pages."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from web_fixtures import sign_in

from accord.app import App


def _entity_link(html: str, caption: str) -> str:
    found = re.search(r'href="(/entity/[^"]+)" dir="auto">' + re.escape(caption) + "<", html)
    assert found, f"no link to {caption}"
    return found.group(1)


def test_a_latin_search_finds_the_cyrillic_record(client: TestClient) -> None:
    sign_in(client, "ana")
    page = client.get("/search", params={"q": "Jovan Petrovic"})
    assert "Јован Петровић" in page.text
    assert "Jovan PETROVIC" in page.text


def test_htmx_search_answers_with_the_results_only(client: TestClient) -> None:
    sign_in(client, "ana")
    page = client.get("/search", params={"q": "Петровић"}, headers={"HX-Request": "true"})
    assert page.text.lstrip().startswith('<section id="results"')
    assert "Јован Петровић" in page.text


def test_the_entity_page_shows_each_statement_with_its_provenance(client: TestClient) -> None:
    sign_in(client, "ana")
    link = _entity_link(client.get("/search", params={"q": "Петровић"}).text, "Јован Петровић")
    page = client.get(link).text
    assert "Ministry of Interior of Serbia, Border Police" in page
    assert "rs-police-border" in page
    assert "ПУ-СУ-2024-101" in page
    assert "OFFICIAL-SENSITIVE" in page or "OFFICIAL" in page
    assert "Statements and their provenance" in page


def test_the_handling_code_and_its_conditions_are_shown(client: TestClient) -> None:
    sign_in(client, "sofia", purpose="sharing review")
    link = _entity_link(
        client.get("/search", params={"q": "Dragan Markovic"}).text, "Dragan MARKOVIC"
    )
    page = client.get(link).text
    assert 'class="handling handling-C">C</span>' in page
    assert "Not to be disseminated without NCA authority" in page


def test_a_name_made_of_markup_is_shown_as_text(client: TestClient) -> None:
    sign_in(client, "ana")
    page = client.get("/search", params={"q": "Evil"}).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    link = re.search(r'href="(/entity/[^"]+)" dir="auto">Evil', page)
    assert link
    entity = client.get(link.group(1)).text
    assert "<script>alert(1)" not in entity
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in entity


def test_arabic_and_cyrillic_values_take_their_direction_from_their_text(
    client: TestClient,
) -> None:
    sign_in(client, "ana")
    page = client.get("/search", params={"q": "HADDAD"}).text
    assert re.search(r'dir="auto">يوسف HADDAD<', page)


def test_victims_are_masked_for_an_analyst(client: TestClient, node: App) -> None:
    sign_in(client, "ana")
    entity = client.get(f"/entity/{_victim_ids(node)[0]}").text
    assert "[withheld: victim]" in entity
    assert "NOVAK" not in entity


def test_an_investigator_sees_victims_only_for_a_purpose_that_allows_it(
    client: TestClient, node: App
) -> None:
    victim = _victim_ids(node)[0]
    sign_in(client, "ivan", purpose="investigation")
    assert "NOVAK" in client.get(f"/entity/{victim}").text
    sign_in(client, "ivan", purpose="intelligence development")
    assert "NOVAK" not in client.get(f"/entity/{victim}").text


def test_each_consultation_is_logged_with_its_purpose(client: TestClient, node: App) -> None:
    sign_in(client, "ana", purpose="intelligence development")
    client.get("/search", params={"q": "Petrovic"})
    searches = [e for e in node.audit_events if e.detail.get("use") == "search"]
    assert searches[-1].actor == "ana"
    assert searches[-1].purpose == "intelligence development"


def test_an_unknown_entity_is_a_not_found_page(client: TestClient) -> None:
    sign_in(client, "ana")
    page = client.get("/entity/no-such.thing")
    assert page.status_code == 404
    assert "Not found" in page.text


def _victim_ids(node: App) -> list[str]:
    return sorted(
        {
            s.entity_id
            for s in node.store.iter_statements(schema=["Person"])
            if s.marking.is_victim and s.source == "web-intel"
        }
    )
