"""The library: the indexed documents, their bibliographies, and adding a document."""

from __future__ import annotations

import streamlit as st

from ui import client as service
from ui import common
from ui.i18n import t
from ui.library import bibliography_rows, document_rows, document_warnings
from ui.sources import plain

lang = common.language()
api = common.client()
st.title(t("library.title", lang))
st.caption(t("library.caption", lang))

with common.service_errors(lang):
    common.ready(api)
    documents = common.documents(api)
    references = common.references(api)
    uploads = service.accepts_uploads(api)

st.subheader(t("library.documents", lang))
st.dataframe(document_rows(documents, lang), hide_index=True, width="stretch")
for warning in document_warnings(documents, lang):
    st.warning(plain(warning), icon="⚠️")

st.subheader(t("library.bibliography", lang))
for document in documents:
    rows = bibliography_rows(document.id, references, lang)
    inside = sum(1 for r in references if r.citing_doc_id == document.id and r.in_corpus)
    label = f"{plain(document.title)} — {len(rows)}"
    with st.expander(label, expanded=len(documents) == 1):
        st.caption(t("library.in_count", lang, inside=inside, total=len(rows)))
        st.dataframe(rows, hide_index=True, width="stretch")

st.subheader(t("library.add", lang))
if not uploads:
    st.info(t("library.how_to_add", lang, folder="corpus/"))
    st.stop()
key = st.text_input(t("library.admin_key", lang), type="password", key="admin_key")
upload = st.file_uploader(
    t("library.file", lang), type=["pdf", "docx", "md", "txt"], key="upload_file"
)
if upload is not None and st.button(t("library.upload", lang), key="upload", type="primary"):
    status = st.status(t("library.indexing", lang, name=upload.name), expanded=True)
    with common.service_errors(lang):
        outcome = service.upload_document(
            api,
            upload.name,
            upload.getvalue(),
            key,
            on_progress=lambda job: status.write(plain(service.progress_text(job))),
        )
    if outcome.notice:
        st.info(plain(outcome.notice))
    if not outcome.supported:
        status.update(state="error", label=t("library.unsupported", lang))
        st.info(t("library.how_to_add", lang, folder="corpus/"))
    elif outcome.failed:
        status.update(state="error", label=t("library.upload_failed", lang, detail=outcome.detail))
    else:
        status.update(state="complete", label=t("library.indexed", lang, name=upload.name))
        st.cache_data.clear()
