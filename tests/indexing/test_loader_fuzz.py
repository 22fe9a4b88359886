"""Fuzzing the loaders: a damaged file of any supported type loads or is refused with a reason.

Each seed file (a report PDF, a Word document, Markdown, text) is mutated many times with a
fixed seed: bytes flipped, spans cut out, spans repeated, the file truncated, random bytes
inserted. Every mutant must either load into a well-formed document (sections tiling the text)
or raise `DocumentLoadError` with a one-line reason naming the file; nothing else may escape.
Each mutant is also bounded in time, so a parser loop shows up as a failure, not a hung suite.
"""

from __future__ import annotations

import itertools
import random
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from docx import Document as WordDocument

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.loaders import load_document
from tests.helpers import CORPUS
from tests.pdf_factory import report_pdf

SEED = 20190312
MUTANTS = 150  # per seed file
SECONDS_PER_FILE = 20
PAPER_FILE = "stene-morkved-2019-kommunen-sin-framtidige-naeringsutviklingsrolle.md"


def word_document(path: Path) -> Path:
    document = WordDocument()
    document.core_properties.title = "Kommunen som brobygger"
    document.add_heading("1 Innledning", level=1)
    document.add_paragraph("Kommunen er brobygger mellom næringsliv og frivillighet. " * 20)
    document.add_heading("Litteratur", level=1)
    document.add_paragraph("Hansen, A. (2010). Kommunen som brobygger. Oslo: Forlag.")
    document.save(str(path))
    return path


def markdown(path: Path) -> Path:
    path.write_text((CORPUS / PAPER_FILE).read_text(encoding="utf-8")[:12000], encoding="utf-8")
    return path


def text(path: Path) -> Path:
    path.write_text("1 Innledning\n\n" + "Kommunen er tjenesteprodusent. " * 200, encoding="utf-8")
    return path


SEEDS: dict[str, Callable[[Path], Path]] = {
    "report.pdf": report_pdf,
    "notat.docx": word_document,
    "notat.md": markdown,
    "notat.txt": text,
}


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random damage of the kinds real files suffer."""
    if not data:
        return bytes(rng.randrange(256) for _ in range(64))
    kind = rng.randrange(5)
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randrange(1, 4096))
    if kind == 0:  # bytes flipped
        damaged = bytearray(data)
        for _ in range(rng.randrange(1, 32)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        return bytes(damaged)
    if kind == 1:  # a span cut out
        return data[:start] + data[end:]
    if kind == 2:  # a span repeated
        return data[:end] + data[start:end] * rng.randrange(2, 6) + data[end:]
    if kind == 3:  # truncated
        return data[:start]
    return (
        data[:start]
        + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 512)))
        + data[start:]
    )


@contextmanager
def time_limit(seconds: int, what: str) -> Iterator[None]:
    def expire(*_: object) -> None:
        raise TimeoutError(f"{what} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def well_formed(document: LoadedDocument) -> bool:
    sections = document.sections
    tiles = all(a.end == b.start for a, b in itertools.pairwise(sections))
    return (
        bool(sections)
        and sections[0].start == 0
        and sections[-1].end == len(document.text)
        and tiles
    )


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_a_damaged_file_loads_or_is_refused_with_a_reason(name: str, tmp_path: Path) -> None:
    seed = SEEDS[name](tmp_path / f"seed-{name}").read_bytes()
    rng = random.Random(f"{SEED}:{name}")
    loaded = refused = 0
    for number in range(MUTANTS):
        path = tmp_path / f"mutant-{number}-{name}"
        path.write_bytes(mutate(seed, rng))
        with time_limit(SECONDS_PER_FILE, f"loading mutant {number} of {name}"):
            try:
                document = load_document(path)
            except DocumentLoadError as error:
                assert path.name in error.detail and "\n" not in error.detail, error.detail
                refused += 1
                continue
        assert well_formed(document), f"mutant {number} of {name} gave sections that do not tile"
        loaded += 1
    assert loaded + refused == MUTANTS
