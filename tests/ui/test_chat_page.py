"""The chat page, driven by AppTest against the real service serving the working paper."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import html_bodies, open_page, unescape_markdown

QUESTION = "Hva betyr det at kommunen skal være brobygger?"
OFF_TOPIC = "Hvor mange mål scoret Rosenborg i eliteserien i 1998?"


def ask(app: AppTest, question: str) -> AppTest:
    app.chat_input[0].set_value(question).run()
    assert not app.exception, app.exception
    return app


def test_a_question_is_answered_with_quotes_and_openable_sources(
    page: Callable[..., AppTest],
) -> None:
    app = ask(page("chat"), QUESTION)
    answer = next(b for b in html_bodies(app) if "pa-answer" in b)
    assert "[1]" in answer
    labels = [unescape_markdown(e.label) for e in app.expander]
    sources = [label for label in labels if label.startswith("[")]
    assert sources and sources[0].startswith("[1] Stene & Mørkved (2019), s. ")
    # Each source shows its quote marked inside its passage.
    assert any("<mark>" in b for b in html_bodies(app))


def test_opening_a_source_shows_its_neighbours_and_the_works_it_cites(
    page: Callable[..., AppTest],
) -> None:
    app = ask(page("chat"), QUESTION)
    before = len(html_bodies(app))
    app.toggle[0].set_value(True).run()
    assert not app.exception, app.exception
    captions = [c.value for c in app.caption]
    assert any(c.startswith("Passasje ") and " av " in c for c in captions)
    assert "Foran" in captions or "Etter" in captions
    assert len(html_bodies(app)) > before
    assert "Verk sitatet viser til" in captions


def test_a_refusal_looks_like_one_and_offers_the_closest_passages(
    page: Callable[..., AppTest],
) -> None:
    app = ask(page("chat"), OFF_TOPIC)
    assert app.warning, "a refusal is shown as a warning"
    assert "ikke" in unescape_markdown(app.warning[0].value)
    labels = [e.label for e in app.expander]
    assert "Kanskje beslektet (de nærmeste passasjene)" in labels
    assert not any("pa-answer" in b for b in html_bodies(app))


def test_a_follow_up_shows_the_question_the_service_searched_for(
    page: Callable[..., AppTest],
) -> None:
    app = ask(page("chat"), QUESTION)
    ask(app, "Hvorfor er den rollen viktig?")
    standalone = [unescape_markdown(c.value) for c in app.caption if "Søkte etter" in c.value]
    assert standalone and "brobygger" in standalone[-1]
    assert len(app.chat_message) == 4


def test_the_english_switch_changes_every_label(page: Callable[..., AppTest]) -> None:
    app = page("chat", language="en")
    assert app.title[0].value == "Ask the literature"
    assert app.chat_input[0].placeholder == "Ask about the literature"
    assert app.slider(key="top_k").label == "Number of sources"
    assert app.multiselect(key="doc_ids").placeholder == "Choose"
    app.radio(key="language_choice").set_value("nb").run()
    assert app.title[0].value == "Spør litteraturen"
    assert app.multiselect(key="doc_ids").placeholder == "Velg"


def test_the_number_of_sources_starts_at_the_services_default(
    page: Callable[..., AppTest], api_url: str
) -> None:
    default = httpx.get(f"{api_url}/info", timeout=30).json()["default_top_k"]
    assert page("chat").slider(key="top_k").value == default


def test_the_sidebar_filters_by_document(page: Callable[..., AppTest]) -> None:
    app = page("chat")
    assert app.multiselect(key="doc_ids").options
    app.multiselect(key="doc_ids").set_value(["stene-morkved-2019"]).run()
    ask(app, QUESTION)
    labels = [unescape_markdown(e.label) for e in app.expander if e.label.startswith("\\[")]
    assert labels and all("Stene & Mørkved" in label for label in labels)


def test_the_conversation_downloads_as_markdown_with_its_sources(
    page: Callable[..., AppTest], downloads: Callable[[AppTest, str], bytes]
) -> None:
    app = ask(page("chat"), QUESTION)
    markdown = downloads(app, "download").decode()
    assert markdown.startswith("# Spør litteraturen") and f"## 1. {QUESTION}" in markdown
    labels = [unescape_markdown(e.label) for e in app.expander if e.label.startswith("\\[")]
    assert labels and markdown.count("   > «") == len(labels)


def test_a_new_conversation_starts_empty(page: Callable[..., AppTest]) -> None:
    app = ask(page("chat"), QUESTION)
    assert app.chat_message
    app.button(key="new").click().run()
    assert not app.chat_message


def test_the_service_down_says_what_to_do(nowhere: str) -> None:
    app = open_page("chat", nowhere).run()
    assert not app.exception, app.exception
    assert app.error and "make run" in app.error[0].value and nowhere in app.error[0].value
