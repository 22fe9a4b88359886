"""The role explorer, the library and the app's navigation, against the real service."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.client import ServiceClient
from assistant.domain import Message
from tests.helpers import ServerThread, make_settings
from tests.ui.conftest import html_bodies, open_app, open_in_app, open_page, unescape_markdown
from ui.client import accepts_uploads
from ui.topics import documents_discussing, suggested_questions, topic, works_cited_about


def test_works_cited_about_a_role_are_those_cited_in_its_quotes_and_passages(
    paper_assistant: Any,
) -> None:
    query = topic("playmaker").query
    answer = paper_assistant.chat([Message(role="user", content=query)])
    passages = paper_assistant.search(query, 10)
    references = paper_assistant.references().references
    works = works_cited_about(answer, passages, references)
    ids = [w.id for w in works]
    assert len(ids) == len(set(ids))
    for citation in answer.citations:
        assert set(citation.cites) <= set(ids)
    spans = [(p.start, p.end) for p in passages]
    for work in works:
        quoted = any(work.id in c.cites for c in answer.citations)
        inside = any(
            start <= c.start < end
            for c in work.citations
            for start, end in spans  # type: ignore[attr-defined]
        )
        assert quoted or inside
    mentions = documents_discussing(passages)
    assert [m.doc_id for m in mentions] == ["stene-morkved-2019"]
    assert mentions[0].passages == len(passages)


def test_the_roles_page_shows_what_the_literature_says_with_sources(api_url: str) -> None:
    app = open_in_app("roles", api_url)
    assert not app.exception, app.exception
    assert app.selectbox(key="role").options == [
        "forvalter",
        "tjenesteprodusent",
        "entreprenør",
        "entreprenør › forhandler",
        "entreprenør › innovatør",
        "entreprenør › brobygger",
        "playmaker",
    ]
    app.selectbox(key="role").set_value("playmaker").run()
    assert app.header[0].value == "Playmaker"
    assert any("pa-answer" in b and "[1]" in b for b in html_bodies(app))
    subheaders = [s.value for s in app.subheader]
    assert "Verk litteraturen viser til om rollen" in subheaders
    markdown = [unescape_markdown(m.value) for m in app.markdown]
    assert any("Kommunen sin framtidige næringsutviklingsrolle" in m for m in markdown)
    assert any("Carlsson" in m and "ikke i biblioteket" in m for m in markdown)
    links = [link.label for link in app.get("page_link")]
    assert links == suggested_questions(topic("playmaker"), "nb")


def test_two_roles_side_by_side(api_url: str) -> None:
    app = open_in_app("roles", api_url, language="en")
    app.selectbox(key="role").set_value("forhandler")
    app.selectbox(key="compare").set_value("brobygger").run()
    assert not app.exception, app.exception
    assert [h.value for h in app.header] == ["Negotiator", "Bridge builder"]
    assert len(app.columns) >= 2
    captions = [c.value for c in app.caption]
    assert captions.count("Part of the entrepreneur role") == 2


def test_a_suggested_question_opens_in_the_chat(api_url: str) -> None:
    app = open_app(api_url).run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Spør litteraturen"
    app.switch_page("pages/roles.py").run()
    assert not app.exception, app.exception
    link = app.get("page_link")[0]
    assert link.proto.page.endswith("chat") or "chat" in link.proto.page
    question = link.label
    app.switch_page("pages/chat.py")
    app.query_params["q"] = question
    app.run()
    assert not app.exception, app.exception
    asked = [unescape_markdown(m.value) for m in app.chat_message[0].markdown]
    assert question in asked
    assert len(app.chat_message) == 2, "the question and the service's answer"
    assert "q" not in app.query_params, "asked once, not again on the next run"


def test_the_library_lists_documents_and_their_bibliography(page: Callable[..., AppTest]) -> None:
    app = page("library")
    assert not app.exception, app.exception
    documents = app.dataframe[0].value
    assert list(documents.columns) == ["Tittel", "Forfattere", "År", "Språk", "Sider", "Passasjer"]
    row = documents.iloc[0]
    assert row["Tittel"] == "Kommunen sin framtidige næringsutviklingsrolle"
    assert row["År"] == 2019 and row["Sider"] == 14 and row["Passasjer"] > 0
    bibliography = app.dataframe[1].value
    assert len(bibliography) == 28
    assert not bibliography["I biblioteket"].any()
    assert "0 av 28 verk i litteraturlisten er i biblioteket." in [c.value for c in app.caption]


def test_the_library_offers_an_upload_or_says_how_to_add_a_document(
    page: Callable[..., AppTest], api_url: str
) -> None:
    app = page("library", language="en")
    with ServiceClient(api_url) as client:
        takes_uploads = accepts_uploads(client)
    if takes_uploads:
        assert app.text_input(key="admin_key").label == "Admin key"
        assert app.get("file_uploader")
    else:
        assert any("policy-assistant index" in i.value for i in app.info)
        assert not app.get("file_uploader")


@pytest.mark.parametrize("name", ["chat", "roles", "brief", "library"])
def test_every_page_says_what_to_do_when_the_service_is_down(name: str, nowhere: str) -> None:
    app = open_in_app(name, nowhere, language="en")
    if name == "brief":
        app.multiselect(key="brief_roles").set_value(["forvalter"])
        app.button[0].click().run()
    assert not app.exception, app.exception
    assert app.error, f"{name}: no message"
    assert "make run" in app.error[0].value and nowhere in app.error[0].value


# --- a document that tries to carry markup into the app ---------------------------------------

PLANTED = (
    "Kommunen som brobygger <script>alert('brobygger')</script> skal lenke næringslivet "
    "[klikk her](javascript:alert(1)) til kommunens tjenester. "
    "Brobyggeren <img src=x onerror=alert(2)> kobler gründere og kommunen sammen."
)
CATALOGUE = """\
- id: planted-markup
  title: "Brobygging <b>fet</b> [lenke](javascript:alert(3))"
  authors: ["Hacker, <i>Ivar</i>"]
  year: 2024
  kind: other
  language: nb
  file: planted.txt
"""


@pytest.fixture(scope="module")
def planted_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real service over one document full of markup (fake embedder, every question answered)."""
    from assistant.api import create_app
    from assistant.service import Assistant
    from indexing.embedders import FakeEmbedder
    from indexing.pipeline import index_corpus
    from indexing.store import open_store

    folder: Path = tmp_path_factory.mktemp("planted-corpus")
    (folder / "planted.txt").write_text(f"Brobygging\n\n{PLANTED}\n")
    (folder / "catalogue.yaml").write_text(CATALOGUE)
    settings = make_settings(
        tmp_path_factory.mktemp("planted-store"),
        folder,
        embedder={"backend": "fake"},
        answer={"min_support": -1.0},
    )
    with open_store(settings, FakeEmbedder()) as store:
        assert index_corpus(settings, store).ok
    assistant = Assistant.open(settings, {"command": "pytest"})
    try:
        with ServerThread(create_app(settings, assistant=assistant)) as server:
            yield server.url
    finally:
        assistant.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_document_markup_is_shown_as_text_never_rendered(planted_url: str) -> None:
    app = open_page("chat", planted_url).run()
    app.chat_input[0].set_value("Hva gjør kommunen som brobygger?").run()
    assert not app.exception, app.exception
    app.toggle[0].set_value(True).run()
    bodies = html_bodies(app)
    shown = "\n".join(bodies)
    assert "&lt;script&gt;alert(&#x27;brobygger&#x27;)&lt;/script&gt;" in shown
    assert "[klikk her](javascript:alert(1))" in shown
    for body in bodies:
        assert "<script" not in body and "<img" not in body and "<a " not in body
    for element in [*app.markdown, *app.caption]:
        assert "<b>" not in element.value and "](javascript" not in element.value
    labels = [e.label for e in app.expander]
    assert all("](javascript" not in label for label in labels)
    assert any(
        "Brobygging <b>fet</b> [lenke](javascript:alert(3))" in unescape_markdown(m.value)
        for m in app.markdown
    )
