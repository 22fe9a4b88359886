"""The Streamlit app: `streamlit run ui/app.py` (or `make ui`).

One page for now, the evaluation results; the chat page comes with a later issue.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="policy-assistant", layout="wide")
navigation = st.navigation(
    [
        st.Page(
            PAGES / "evaluation.py",
            title="Evaluation",
            icon=":material/fact_check:",
            default=True,
        ),
    ]
)
navigation.run()
