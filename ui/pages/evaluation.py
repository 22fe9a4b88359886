"""The evaluator's page: a results folder's aggregates, plots and every question, filterable.

Thin on purpose: what is shown is computed by `ui.results`; this file only lays it out.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import results as view

ROOT = Path.cwd()
STATUS_MARK = {"passed": "✅", "failed": "❌", "error": "⚠️"}

st.title("Evaluation results")

if "results_dir" not in st.session_state:
    asked = st.query_params.get("results")
    found = view.find_results(ROOT)
    st.session_state["results_dir"] = asked or (str(found[0]) if found else "")
folder_text = st.text_input(
    "Results folder",
    key="results_dir",
    help="A folder written by `policy-assistant eval --out DIR` (it holds results.json).",
)
if not folder_text:
    st.info("No results yet: run `make eval-gate` or `policy-assistant eval TESTSET --out DIR`.")
    st.stop()
folder = Path(folder_text)
try:
    run = view.load_run(folder)
except Exception as error:  # shown to the evaluator, who picks another folder
    st.error(getattr(error, "detail", None) or f"cannot read {folder}: {error}")
    st.stop()

for line in view.summary(run):
    if line.startswith("Gate FAILED"):
        st.error(line)
    elif line.startswith("Note"):
        st.warning(line)
    else:
        st.write(line)

st.subheader("Configurations")
st.caption("★ marks the best value of each metric.")
st.dataframe(view.aggregate_rows(run), hide_index=True, width="stretch")

charts = view.plots(folder)
if charts:
    with st.expander("Plots", expanded=False):
        for title, path in charts:
            st.image(str(path), caption=title)

st.subheader("Questions")
names = [c.name for c in run.configurations]
chosen = st.selectbox("Configuration", names, key="configuration")
configuration = run.configuration(chosen or names[0])
offered = view.options(configuration)
columns = st.columns(4)
filters = view.Filters(
    tags=columns[0].multiselect("Tags", offered["tags"], key="tags"),
    languages=columns[1].multiselect("Languages", offered["languages"], key="languages"),
    statuses=columns[2].multiselect("Outcome", offered["statuses"], key="statuses"),
    failures=columns[3].multiselect("What went wrong", offered["failures"], key="failures"),
    text=st.text_input("Search questions", key="search"),
)
shown = view.filter_items(configuration.items, filters)
pages = view.page_count(len(shown))
page = 1
if pages > 1:
    page = int(st.number_input(f"Page (of {pages})", 1, pages, 1, key="page"))
st.caption(f"{len(shown)} of {len(configuration.items)} questions")

for item in view.page_of(shown, page):
    outcome = view.status(item)
    with st.expander(f"{STATUS_MARK[outcome]} `{item.id}` ({item.lang}) — {item.question}"):
        if item.history:
            st.markdown("**Earlier turns**")
            for turn in item.history:
                st.markdown(f"- *{turn['role']}*: {turn['content']}")
        if item.reasons:
            st.markdown("**What went wrong:** " + "; ".join(item.reasons))
        left, right = st.columns(2)
        with left:
            st.markdown("**Expected**")
            if item.unanswerable:
                st.write("A refusal: the literature does not cover this.")
            else:
                for snippet in item.evidence:
                    st.markdown(f"> {snippet}")
                if item.key_facts:
                    st.write("Key facts: " + ", ".join(item.key_facts))
            if item.tags:
                st.caption("Tags: " + ", ".join(item.tags))
        with right:
            st.markdown("**Answer**")
            if item.error:
                st.error(item.error)
            elif item.answer is not None:
                st.write(item.answer.answer)
                for citation in item.answer.citations:
                    st.markdown(
                        f"[{citation.marker}] {citation.title}, {citation.section}, "
                        f"p. {citation.page or '?'}: «{citation.quote}»"
                    )
        if item.retrieved:
            st.markdown("**Retrieved passages** (✓ holds the evidence)")
            st.dataframe(
                [
                    {
                        "rank": p.rank,
                        "evidence": "✓" if p.relevant else "",
                        "section": p.section,
                        "page": p.page,
                        "text": p.preview,
                    }
                    for p in item.retrieved
                ],
                hide_index=True,
            )
        st.dataframe(view.item_metrics(item), hide_index=True)
