"""Document loaders: one per file type, each returning cleaned text with sections and pages.

`load_document` picks the loader by suffix and detects the text's language where the loader
has not (Markdown and plain text carry no language of their own). Every loader raises
`DocumentLoadError` with a one-line reason naming the file when it cannot read one; the pipeline
reports it and goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.loaders._metadata import document_language
from indexing.loaders.docx import load_docx, parse_docx_blocks
from indexing.loaders.markdown import load_markdown, parse_markdown
from indexing.loaders.pdf import load_pdf, parse_pdf_pages
from indexing.loaders.text import load_text, parse_text

Loader = Callable[[Path], LoadedDocument]

LOADERS: dict[str, Loader] = {
    ".pdf": load_pdf,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".docx": load_docx,
}
SUPPORTED_SUFFIXES = frozenset(LOADERS)


def load_document(path: Path | str) -> LoadedDocument:
    """Load one file with the loader for its suffix, its language detected from the text."""
    path = Path(path)
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        supported = " ".join(sorted(SUPPORTED_SUFFIXES, key=list(LOADERS).index))
        raise DocumentLoadError(
            f"{path.name}: unknown file type {path.suffix or '(no suffix)'!r}; "
            f"supported: {supported}"
        )
    loaded = loader(path)
    if loaded.language is None:
        loaded = loaded.model_copy(update={"language": document_language(loaded.text)})
    return loaded


__all__ = [
    "LOADERS",
    "SUPPORTED_SUFFIXES",
    "load_document",
    "load_docx",
    "load_markdown",
    "load_pdf",
    "load_text",
    "parse_docx_blocks",
    "parse_markdown",
    "parse_pdf_pages",
    "parse_text",
]
