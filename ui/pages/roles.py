"""The role explorer: what the literature says of each municipal role, live and with sources."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import client as service
from ui import common
from ui.i18n import Language, t
from ui.sources import plain
from ui.topics import ROLES, Findings, Topic, findings, sub_roles, suggested_questions, topic

lang = common.language()
api = common.client()
st.title(t("roles.title", lang))
st.caption(t("roles.caption", lang))


@st.cache_data(ttl=300, show_spinner=False)
def fetch(url: str, query: str) -> tuple[Any, Any]:
    """The answer to a role's question and the passages a search for it finds."""
    client = service.connect(url)
    answer = service.calling(client, lambda: client.ask(query))
    passages = service.calling(client, lambda: client.search(query, top_k=10))
    return answer, passages


def role_label(role: Topic, language: Language) -> str:
    """A role's name, sub-roles under their parent."""
    name = role.name(language)
    return f"{topic(role.parent).name(language)} › {name}" if role.parent else name


def show_role(role: Topic, key: str) -> None:
    """Everything the page knows of one role."""
    st.header(role.name(lang).capitalize())
    if role.parent:
        st.caption(t("roles.part_of", lang, parent=topic(role.parent).name(lang)))
    children = sub_roles(role)
    if children:
        st.caption(" · ".join(c.name(lang) for c in children))
    with st.spinner(t("chat.thinking", lang)), common.service_errors(lang):
        answer, passages = fetch(api.base_url, role.query)
        found: Findings = findings(answer, passages, common.references(api))

    st.subheader(t("roles.says", lang))
    common.show_answer(found.answer, lang, f"{key}-{role.key}", api)

    st.subheader(t("roles.documents", lang))
    for mention in found.documents:
        year = mention.year or t("no_year", lang)
        st.markdown(f"- {plain(mention.title)} ({year}) — {mention.passages}")

    st.subheader(t("roles.works", lang))
    if not found.works:
        st.markdown(t("roles.no_works", lang))
    common.show_works(found.works, lang)

    st.subheader(t("roles.questions", lang))
    for question in suggested_questions(role, lang):
        st.page_link(
            common.CHAT_PAGE,
            label=question,
            icon=":material/chat:",
            query_params={"q": question},
        )


keys = [r.key for r in ROLES]
by_key = {r.key: r for r in ROLES}
chosen = st.selectbox(
    t("roles.role", lang),
    keys,
    format_func=lambda k: role_label(by_key[k], lang),
    key="role",
)
other = st.selectbox(
    t("roles.compare", lang),
    ["", *keys],
    format_func=lambda k: role_label(by_key[k], lang) if k else t("roles.none", lang),
    key="compare",
)
with common.service_errors(lang):
    common.ready(api)

if other and other != chosen:
    left, right = st.columns(2)
    with left:
        show_role(by_key[chosen or keys[0]], "left")
    with right:
        show_role(by_key[other], "right")
else:
    show_role(by_key[chosen or keys[0]], "main")
