"""The chat: questions answered with cited quotes, streamed, every source one click away."""

from __future__ import annotations

import streamlit as st

from assistant.domain import Message, SearchFilters
from ui import client as service
from ui import common
from ui.i18n import t
from ui.sources import Turn, conversation_markdown, plain, text_html

lang = common.language()
api = common.client()
st.title(t("chat.title", lang))
st.caption(t("chat.caption", lang))

with common.service_errors(lang):
    info = common.info(api)
    documents = common.documents(api)

# --- sidebar: how to answer --------------------------------------------------------------

st.sidebar.subheader(t("sidebar.settings", lang))
mode_labels = {
    "extractive": t("sidebar.mode.extractive", lang),
    "llm": t("sidebar.mode.llm", lang, model=info.llm_model or ""),
}
if len(info.answer_modes) > 1:
    mode = st.sidebar.radio(
        t("sidebar.mode", lang),
        info.answer_modes,
        index=info.answer_modes.index(info.default_mode),
        format_func=mode_labels.__getitem__,
        key="mode",
    )
else:
    mode = info.answer_modes[0]
    st.sidebar.caption(f"{t('sidebar.mode', lang)}: {mode_labels[mode]}")
top_k = st.sidebar.slider(t("sidebar.top_k", lang), 1, 10, min(info.default_top_k, 10), key="top_k")
titles = {d.id: d.title for d in documents}
chosen_docs = st.sidebar.multiselect(
    t("sidebar.documents", lang),
    list(titles),
    format_func=titles.__getitem__,
    key="doc_ids",
    placeholder=t("choose", lang),
)
years = sorted({d.year for d in documents if d.year})
year_range: tuple[int, int] | None = None
if len(years) > 1:
    year_range = st.sidebar.slider(
        t("sidebar.years", lang), years[0], years[-1], (years[0], years[-1]), key="years"
    )
if st.sidebar.button(t("sidebar.new", lang), icon=":material/add_comment:", key="new"):
    st.session_state["turns"] = []

filters = None
if chosen_docs or (year_range and year_range != (years[0], years[-1])):
    filters = SearchFilters(
        doc_ids=chosen_docs or None,
        year_from=year_range[0] if year_range else None,
        year_to=year_range[1] if year_range else None,
    )

# --- the conversation --------------------------------------------------------------------

turns: list[Turn] = st.session_state.setdefault("turns", [])


def show_turn(turn: Turn, number: int) -> None:
    """One question and its answer."""
    with st.chat_message("user"):
        st.markdown(plain(turn.question))
    with st.chat_message("assistant"):
        if turn.answer is None:
            st.error(turn.error or "")
            return
        answer = turn.answer
        if answer.standalone_question.strip() != turn.question.strip():
            question = answer.standalone_question
            st.caption(plain(t("chat.standalone", lang, question=question)))
        for note in turn.notes:
            st.info(plain(note))
        common.show_answer(answer, lang, f"turn{number}", api)


for number, turn in enumerate(turns):
    show_turn(turn, number)

asked = st.chat_input(t("chat.input", lang), max_chars=info.max_question_chars)
linked = st.query_params.get("q")
if linked and not asked:
    asked = linked
    del st.query_params["q"]

if asked:
    turn = Turn(asked)
    history: list[Message] = []
    for earlier in turns:
        if earlier.answer is not None:
            history += [
                Message(role="user", content=earlier.question),
                Message(role="assistant", content=earlier.answer.answer),
            ]
    messages = [*history[-18:], Message(role="user", content=asked)]
    with st.chat_message("user"):
        st.markdown(plain(asked))
    with st.chat_message("assistant"):
        shown = st.empty()
        shown.caption(t("chat.thinking", lang))
        streamed = ""
        with common.service_errors(lang):
            for event in service.stream_answer(api, messages, top_k, mode, filters):
                if event.kind == "delta":
                    streamed += event.text
                    shown.html(text_html(streamed))
                elif event.kind == "reset":
                    streamed = ""
                    turn.notes.append(t("chat.reset", lang))
                elif event.kind == "answer":
                    turn.answer = event.answer
                elif event.kind == "error":
                    turn.error = t("service.error", lang, detail=event.detail)
        shown.empty()
    if turn.answer is None and turn.error is None:
        turn.error = t("service.error", lang, detail="no answer")
    turns.append(turn)
    st.rerun()

if turns:
    references = common.references(api)
    st.sidebar.download_button(
        t("sidebar.download", lang),
        conversation_markdown(turns, references, lang),
        file_name="samtale.md" if lang == "nb" else "conversation.md",
        mime="text/markdown",
        icon=":material/download:",
        key="download",
    )
