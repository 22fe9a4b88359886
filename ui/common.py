"""What every page shares: the language switch, the service's client, errors and sources shown.

Streamlit code only; what is shown is computed in `ui.sources`, `ui.topics` and `ui.brief`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from assistant.answering.citations import document_reference
from assistant.client import ServiceClient
from assistant.domain import Answer, Citation, Passage, Reference
from assistant.errors import IndexNotReadyError, PolicyAssistantError
from assistant.schemas import DocumentDetail, DocumentSummary, Readiness, ServiceInfo
from ui import client as service
from ui.i18n import DEFAULT, LANGUAGES, Language, t
from ui.sources import (
    answer_html,
    citation_label,
    cited_works,
    context,
    full_reference,
    passage_of,
    plain,
    text_html,
)

CHAT_PAGE = "pages/chat.py"
# Streamlit's bundled icon font: emoji need a font the machine may not have.
IN_LIBRARY = ":green[:material/check_circle:]"
NOT_IN_LIBRARY = ":gray[:material/do_not_disturb_on:]"


def language() -> Language:
    """The language the user chose in the sidebar (bokmål until they switch)."""
    current: Language = st.session_state.get("language", DEFAULT)
    options = list(LANGUAGES)
    chosen = st.sidebar.radio(
        "Språk / Language",
        options,
        index=options.index(current),
        format_func=LANGUAGES.__getitem__,
        horizontal=True,
        key="language_choice",
    )
    st.session_state["language"] = chosen or current
    return st.session_state["language"]


def service_url() -> str:
    """The service's URL: the session's, else the settings'."""
    if "api_url" not in st.session_state:
        from assistant.settings import get_settings

        settings = get_settings()
        st.session_state["api_url"] = settings.ui.service_url(settings.api)
    return str(st.session_state["api_url"])


def client() -> ServiceClient:
    """The session's client of the service."""
    url = service_url()
    cached = st.session_state.get("_client")
    if not isinstance(cached, ServiceClient) or cached.base_url != url.rstrip("/"):
        cached = service.connect(url)
        st.session_state["_client"] = cached
    return cached


@contextmanager
def service_errors(lang: Language) -> Iterator[None]:
    """Show a service failure as a message that says what to do, then stop the page."""
    try:
        yield
    except service.ServiceDownError as error:
        st.error(t("service.down", lang, url=error.url), icon=":material/cloud_off:")
        st.stop()
    except IndexNotReadyError as error:
        st.warning(t("service.not_ready", lang, detail=error.detail))
        st.stop()
    except PolicyAssistantError as error:
        st.error(t("service.error", lang, detail=error.detail))
        st.stop()


def ready(api: ServiceClient) -> Readiness:
    """The service's readiness (raises when it is down or has no index)."""
    return service.check(api)


def info(api: ServiceClient) -> ServiceInfo:
    """What the service can do."""
    return _info(api.base_url)


def documents(api: ServiceClient) -> list[DocumentSummary]:
    """The indexed documents."""
    return _documents(api.base_url)


def references(api: ServiceClient) -> list[Reference]:
    """Every bibliography entry of the indexed documents."""
    return list(_references(api.base_url))


def document(api: ServiceClient, doc_id: str) -> tuple[DocumentDetail, str]:
    """One document's structure and its text."""
    return _document(api.base_url, doc_id)


# Listings change only when the index does; a short cache keeps reruns quick.
@st.cache_data(ttl=30, show_spinner=False)
def _info(url: str) -> ServiceInfo:
    api = service.connect(url)
    service.check(api)
    return service.calling(api, api.info)


@st.cache_data(ttl=30, show_spinner=False)
def _documents(url: str) -> list[DocumentSummary]:
    api = service.connect(url)
    return service.calling(api, api.documents)


@st.cache_data(ttl=30, show_spinner=False)
def _references(url: str) -> list[Reference]:
    api = service.connect(url)
    return list(service.calling(api, api.references).references)


@st.cache_data(ttl=30, show_spinner=False)
def _document(url: str, doc_id: str) -> tuple[DocumentDetail, str]:
    api = service.connect(url)
    detail = service.calling(api, lambda: api.document(doc_id))
    return detail, service.calling(api, lambda: api.document_text(doc_id))


# --- answers and their sources -----------------------------------------------------------


def show_answer(answer: Answer, lang: Language, key: str, api: ServiceClient) -> None:
    """An answer: its text with markers, notices, support flags, then every source."""
    if not answer.grounded:
        show_refusal(answer, lang, key)
        return
    st.html(answer_html(answer.answer, [c.marker for c in answer.citations]))
    if answer.notice:
        st.info(plain(t("chat.notice", lang, notice=answer.notice)))
    show_support(answer, lang)
    if answer.citations:
        st.caption(t("chat.sources", lang))
    for citation in answer.citations:
        with st.expander(plain(citation_label(citation, lang))):
            show_source(citation, answer.passages, lang, f"{key}-{citation.marker}", api)


def show_refusal(answer: Answer, lang: Language, key: str) -> None:
    """A refusal: the service's words, then the closest passages as possibly related."""
    st.warning(plain(answer.answer), icon=":material/block:")
    if answer.passages:
        with st.expander(t("chat.related", lang)):
            for passage in answer.passages:
                show_passage(passage, lang)


def show_passage(passage: Passage, lang: Language) -> None:
    """A retrieved passage with where it stands."""
    page = f", {t('page', lang)} {passage.page}" if passage.page else ""
    st.markdown(f"**{plain(passage.title)}**  \n{plain(passage.section + page)}")
    st.html(text_html(passage.text))


def show_support(answer: Answer, lang: Language) -> None:
    """Per-sentence support of an LLM answer: the flagged ones, or every sentence's verdict."""
    sentences = getattr(answer, "sentences", None)
    if sentences:
        with st.expander(t("chat.sentences", lang)):
            for sentence in sentences:
                data = sentence if isinstance(sentence, dict) else sentence.model_dump()
                supported = bool(data.get("supported", True))
                mark = ":green[:material/check:]" if supported else ":orange[:material/warning:]"
                verdict = t("chat.supported" if supported else "chat.unsupported", lang)
                st.markdown(f"{mark} {plain(str(data.get('text', '')))} — *{verdict}*")
    if answer.flagged:
        lines = [f"- {plain(f.sentence)} — {plain(f.reason)}" for f in answer.flagged]
        st.warning(f"**{t('chat.flagged', lang)}**\n\n" + "\n".join(lines))


def show_source(
    citation: Citation, passages: list[Passage], lang: Language, key: str, api: ServiceClient
) -> None:
    """One source: its work, the quote marked in its passage, the neighbours, the works cited."""
    st.markdown(plain(document_reference(citation.authors, citation.year, citation.title, lang)))
    page = f" · {t('page', lang)} {citation.page}" if citation.page else ""
    st.caption(plain(citation.section) + page)
    passage = passage_of(citation, passages)
    if passage is not None and passage.start <= citation.start and citation.end <= passage.end:
        span = (citation.start - passage.start, citation.end - passage.start)
        st.html(text_html(passage.text, span))
    else:
        st.html(text_html(citation.quote, (0, len(citation.quote))))
    if st.toggle(t("source.context", lang), key=f"context-{key}"):
        with service_errors(lang):
            detail, text = document(api, citation.doc_id)
        around = context(text, citation, passage, detail.chunk_ids)
        if around.index:
            st.caption(t("source.position", lang, index=around.index, count=around.count))
        if around.before:
            st.caption(t("source.before", lang))
            st.html(text_html(around.before))
        st.html(text_html(around.passage, around.quote))
        if around.after:
            st.caption(t("source.after", lang))
            st.html(text_html(around.after))
    with service_errors(lang):
        entries = references(api)
    works = cited_works(citation, entries)
    st.caption(t("source.cites", lang))
    if not works:
        st.markdown(t("source.no_cites", lang))
    for work in works:
        status = t("in_library" if work.in_library else "not_in_library", lang)
        mark = IN_LIBRARY if work.in_library else NOT_IN_LIBRARY
        st.markdown(f"{mark} {plain(work.text)} — *{status}*")


def show_works(works: list[Reference], lang: Language) -> None:
    """Bibliography entries with whether each is in the library."""
    for work in works:
        status = t("in_library" if work.in_corpus else "not_in_library", lang)
        mark = IN_LIBRARY if work.in_corpus else NOT_IN_LIBRARY
        st.markdown(f"{mark} {plain(work.raw)} — *{status}*")


def reference_text(reference: Reference) -> str:
    """A bibliography entry as printed, else rebuilt from its parts."""
    return reference.raw or full_reference(reference.authors, reference.year, reference.title)
