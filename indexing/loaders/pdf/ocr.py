"""Text for scanned pages: the images of each page read by the Tesseract command-line tool.

Used only when a PDF has no text layer. Tesseract is a Debian package (``tesseract-ocr`` with
the ``-nor`` and ``-swe`` language packs), not a Python one; without it the loader says how to
install it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

from assistant.errors import DocumentLoadError

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-nor tesseract-ocr-swe"
# Languages asked for, in order of preference, when their data is installed.
LANGUAGES = ("nor", "swe", "eng", "dan")
# Seconds one page may take before it is given up.
PAGE_TIMEOUT = 120


def tesseract() -> str | None:
    """Path of the tesseract program, if installed."""
    return shutil.which("tesseract")


def ocr_pages(reader: PdfReader, name: str) -> list[str]:
    """Each page's text read from its images; raises when Tesseract is not installed."""
    program = tesseract()
    if program is None:
        raise DocumentLoadError(
            f"{name}: no extractable text (a scanned PDF?); install Tesseract to read it "
            f"({INSTALL_HINT}) or run OCR on it first"
        )
    languages = "+".join(_available(program)) or "eng"
    texts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="policy-assistant-ocr-") as folder:
        for number, page in enumerate(reader.pages, start=1):
            parts = []
            for index, image in enumerate(page.images):
                if image.image is None:
                    continue
                target = Path(folder) / f"page{number}-{index}.png"
                image.image.save(target)
                parts.append(_read(program, target, languages, name))
            texts.append("\n".join(parts))
    return texts


def _available(program: str) -> list[str]:
    try:
        listed = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return []
    return [language for language in LANGUAGES if language in listed]


def _read(program: str, image: Path, languages: str, name: str) -> str:
    try:
        result = subprocess.run(
            [program, str(image), "stdout", "-l", languages, "--psm", "3"],
            capture_output=True,
            text=True,
            timeout=PAGE_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise DocumentLoadError(f"{name}: OCR failed ({type(error).__name__})") from error
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "no output"
        raise DocumentLoadError(f"{name}: OCR failed ({detail})")
    return result.stdout
