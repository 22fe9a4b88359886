"""A file over a limit fails with a one-line reason; every other file is indexed."""

from __future__ import annotations

import sys
import time
import types
import zlib
from pathlib import Path

import pytest

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from assistant.settings import LimitSettings
from indexing.bounded import load_bounded
from indexing.embedders import FakeEmbedder
from indexing.loaders import load_document
from indexing.pipeline import index_corpus
from indexing.store import open_store
from tests.helpers import make_settings


def hang_on_stuck_files(path: Path) -> LoadedDocument:
    """A parser caught in a loop on files named 'stuck…' (as pypdf can be on a crafted PDF)."""
    if path.name.startswith("stuck"):
        while True:
            time.sleep(0.1)
    return load_document(path)


def crash_on_files(path: Path) -> LoadedDocument:
    """A parser that takes its process down."""
    import os

    os._exit(3)


def one_huge_stream_pdf(path: Path, characters: int) -> None:
    """A small PDF whose one content stream inflates to `characters` characters of text."""
    lines = b"".join(
        b"BT /F1 10 Tf 20 %d Td (%s) Tj ET\n" % (700 - i % 600, b"Kommunen er brobygger " * 4)
        for i in range(characters // 88 + 1)
    )
    stream = zlib.compress(lines, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(body)


def allocate_a_gigabyte(path: Path) -> LoadedDocument:
    """A parser whose memory use explodes (as on a decompression bomb)."""
    held = bytearray(2**30)
    raise AssertionError(f"allocated {len(held)} bytes beyond the limit")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "catalogue.yaml").write_text("[]\n")
    (folder / "good.md").write_text("# 1 Innledning\n\nKommunen er brobygger i regionen.\n")
    return folder


def test_a_hanging_parser_is_stopped_and_the_other_files_are_indexed(
    corpus: Path, tmp_path: Path
) -> None:
    (corpus / "stuck.md").write_text("# 1 Innledning\n\nDenne fila henger.\n")
    settings = make_settings(tmp_path / "store", corpus, limits={"file_seconds": 2})
    began = time.monotonic()
    with open_store(settings, FakeEmbedder()) as store:
        summary = index_corpus(settings, store, loader=hang_on_stuck_files)
    assert time.monotonic() - began < 30
    assert summary.indexed == ["good"]
    [failure] = summary.failed
    assert failure.file == "stuck.md"
    assert "longer than 2 s" in failure.reason and "limits.file_seconds" in failure.reason


def test_a_text_file_over_the_character_limit_fails_with_its_reason(
    corpus: Path, tmp_path: Path
) -> None:
    (corpus / "enormous.txt").write_text("Kommunen er brobygger. " * 10_000)
    settings = make_settings(tmp_path / "store", corpus, limits={"file_characters": 100_000})
    with open_store(settings, FakeEmbedder()) as store:
        summary = index_corpus(settings, store)
    assert summary.indexed == ["good"]
    [failure] = summary.failed
    assert failure.file == "enormous.txt" and "\n" not in failure.reason
    assert "limits.file_characters" in failure.reason and "100,000" in failure.reason


def test_a_pdf_with_one_huge_stream_fails_with_its_reason(corpus: Path, tmp_path: Path) -> None:
    one_huge_stream_pdf(corpus / "bomb.pdf", 400_000)
    assert (corpus / "bomb.pdf").stat().st_size < 40_000
    settings = make_settings(tmp_path / "store", corpus, limits={"file_characters": 100_000})
    with open_store(settings, FakeEmbedder()) as store:
        summary = index_corpus(settings, store)
    assert summary.indexed == ["good"]
    [failure] = summary.failed
    assert failure.file == "bomb.pdf" and "limits.file_characters" in failure.reason


def test_a_parser_that_runs_out_of_memory_or_dies_fails_only_its_file(tmp_path: Path) -> None:
    path = tmp_path / "any.md"
    path.write_text("# 1 Innledning\n\nTekst.\n")
    with pytest.raises(DocumentLoadError, match="parser died"):
        load_bounded(path, LimitSettings(), loader=crash_on_files)
    document = load_bounded(path, LimitSettings())
    assert document.text.endswith("Tekst.")


def test_a_parser_that_needs_more_memory_than_allowed_fails(tmp_path: Path) -> None:
    path = tmp_path / "heavy.md"
    path.write_text("# 1 Innledning\n\nTekst.\n")
    with pytest.raises(DocumentLoadError) as raised:
        load_bounded(path, LimitSettings(file_memory_mb=512), loader=allocate_a_gigabyte)
    assert "heavy.md" in raised.value.detail and "limits.file_memory_mb" in raised.value.detail


def test_a_host_program_whose_main_script_runs_only_in_its_host_does_not_stop_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The indexer inside a program whose main script cannot run on its own (a Streamlit page,
    an application embedding the pipeline): the workers parse without running that script."""
    ran = tmp_path / "the host script ran"
    script = tmp_path / "page.py"
    script.write_text(
        f"from pathlib import Path\nPath({str(ran)!r}).touch()\n"
        "raise RuntimeError('this page runs only inside its host')\n"
    )
    host = types.ModuleType("__main__")
    host.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", host)
    path = tmp_path / "notat.md"
    path.write_text("# 1 Innledning\n\nKommunen er brobygger.\n")
    document = load_bounded(path, LimitSettings())
    assert document.text.endswith("Kommunen er brobygger.")
    assert not ran.exists(), "no worker ran the host's main script"
    assert sys.modules["__main__"] is host, "the host keeps its main module"
