"""The workshop brief: key quotes by role or theme, works, questions; edit, then download."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import client as service
from ui import common
from ui.brief import brief_markdown, build_brief, markdown_docx
from ui.i18n import t
from ui.topics import ROLES, THEMES, Topic, custom_theme, topic

lang = common.language()
api = common.client()
st.title(t("brief.title", lang))
st.caption(t("brief.caption", lang))


@st.cache_data(ttl=300, show_spinner=False)
def fetch(url: str, query: str, top_k: int) -> tuple[Any, Any]:
    """The answer to a topic's question and the passages a search for its questions finds."""
    client = service.connect(url)
    answer = service.calling(client, lambda: client.ask(query, top_k=top_k))
    passages = service.calling(client, lambda: client.search(f"{query}?", top_k=top_k))
    return answer, passages


with st.form("topics"):
    role_keys = st.multiselect(
        t("brief.roles", lang),
        [r.key for r in ROLES],
        format_func=lambda k: topic(k).name(lang),
        key="brief_roles",
        placeholder=t("choose", lang),
    )
    theme_keys = st.multiselect(
        t("brief.themes", lang),
        [th.key for th in THEMES],
        format_func=lambda k: topic(k).name(lang),
        key="brief_themes",
        placeholder=t("choose", lang),
    )
    own = st.text_input(t("brief.custom", lang), key="brief_custom")
    per_topic = st.slider(t("brief.quotes_per_topic", lang), 1, 8, 4, key="brief_quotes")
    build = st.form_submit_button(t("brief.build", lang), type="primary")

if build:
    chosen: list[Topic] = [topic(k) for k in (*role_keys, *theme_keys)]
    if own.strip():
        chosen.append(custom_theme(own))
    if not chosen:
        st.warning(t("brief.choose", lang))
        st.stop()
    with st.spinner(t("chat.thinking", lang)), common.service_errors(lang):
        common.ready(api)
        fetched = [(subject, *fetch(api.base_url, subject.query, 8)) for subject in chosen]
        references = common.references(api)
    brief = build_brief(
        [(subject, answer) for subject, answer, _ in fetched],
        references,
        [p for _, _, passages in fetched for p in passages],
        lang,
        per_topic,
    )
    st.session_state["brief_text"] = brief_markdown(brief)

if "brief_text" in st.session_state:
    text = st.text_area(t("brief.edit", lang), key="brief_text", height=480)
    name = "verkstedsnotat" if lang == "nb" else "workshop-brief"
    left, right = st.columns(2)
    left.download_button(
        t("brief.download_md", lang),
        text,
        file_name=f"{name}.md",
        mime="text/markdown",
        icon=":material/download:",
        key="download_md",
    )
    right.download_button(
        t("brief.download_docx", lang),
        markdown_docx(text),
        file_name=f"{name}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        icon=":material/description:",
        key="download_docx",
    )
