"""The Streamlit app: `policy-assistant up` (with the service) or `streamlit run ui/app.py`.

The chat comes first; the role explorer, the workshop brief, the library and the evaluator's
page follow. Every page talks to the service over HTTP through `ui.client`.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.i18n import DEFAULT, t

PAGES = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="policy-assistant", page_icon=":material/menu_book:", layout="wide")
lang = st.session_state.get("language", DEFAULT)
navigation = st.navigation(
    [
        st.Page(PAGES / "chat.py", title=t("nav.chat", lang), icon=":material/chat:", default=True),
        st.Page(PAGES / "roles.py", title=t("nav.roles", lang), icon=":material/groups:"),
        st.Page(PAGES / "brief.py", title=t("nav.brief", lang), icon=":material/description:"),
        st.Page(PAGES / "library.py", title=t("nav.library", lang), icon=":material/book_2:"),
        st.Page(
            PAGES / "evaluation.py", title=t("nav.evaluation", lang), icon=":material/fact_check:"
        ),
    ]
)
navigation.run()
