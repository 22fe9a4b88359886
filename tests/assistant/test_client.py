"""The HTTP client is thin: it needs httpx and pydantic, not the retriever or the store."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("chromadb", "langchain_core", "langchain_chroma", "langchain_text_splitters", "numpy")


def test_importing_the_client_loads_neither_chroma_nor_langchain() -> None:
    probe = (
        f"import sys, assistant.client; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""
