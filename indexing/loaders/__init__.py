"""Document loaders: one per file type, each returning cleaned text with sections and pages.

`load_document` picks the loader by suffix. Every loader raises `DocumentLoadError` with a
one-line reason naming the file when it cannot read one; the pipeline reports it and goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
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


def load_document(path: Path) -> LoadedDocument:
    """Load one file with the loader for its suffix."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        supported = " ".join(sorted(SUPPORTED_SUFFIXES, key=list(LOADERS).index))
        raise DocumentLoadError(
            f"{path.name}: unknown file type {path.suffix or '(no suffix)'!r}; "
            f"supported: {supported}"
        )
    return loader(path)


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
