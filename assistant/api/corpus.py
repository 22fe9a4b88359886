"""The corpus folder as the API writes to it: checked names, checked content, atomic writes.

Uploads are kept in the corpus folder under a sanitised name, so a rebuild reproduces the
index from the folder alone. Paths sent to `POST /index` are resolved against the folder
without saying whether anything outside it exists.
"""

from __future__ import annotations

import errno
import io
import os
import re
import tempfile
import unicodedata
import zipfile
from pathlib import Path, PurePosixPath, PureWindowsPath

from assistant.errors import InvalidRequestError, ReadOnlyStoreError
from assistant.settings import Settings
from indexing.loaders import SUPPORTED_SUFFIXES
from indexing.pipeline import IGNORED_STEMS

MAX_NAME = 120
_UNSAFE = re.compile(r"[^\w.\- ]+")
_TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
_KINDS = ", ".join(sorted(SUPPORTED_SUFFIXES))


def safe_name(filename: str) -> str:
    """A file name fit for the corpus folder: no folders, no hidden or reserved names."""
    base = PureWindowsPath(PurePosixPath(filename).name).name
    base = unicodedata.normalize("NFC", base).strip()
    base = _UNSAFE.sub("-", base).strip(" -")
    stem, suffix = os.path.splitext(base)
    suffix = suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InvalidRequestError(
            f"{filename!r} is not a kind of document the corpus takes: upload one of {_KINDS}"
        )
    if not stem or base.startswith("."):
        raise InvalidRequestError(
            f"{filename!r} is a hidden or empty file name: name the document, e.g. "
            f"'rapport-2024{suffix}'"
        )
    if stem.lower() in IGNORED_STEMS:
        raise InvalidRequestError(
            f"{filename!r} is a reserved name (README and catalogue files are never indexed): "
            "upload the document under its own name"
        )
    return stem[: MAX_NAME - len(suffix)] + suffix


def check_content(name: str, data: bytes) -> None:
    """Raise unless the bytes are what the name's suffix says (PDF, Word or UTF-8 text)."""
    suffix = Path(name).suffix.lower()
    if not data:
        raise InvalidRequestError(f"{name!r} is empty: upload the document itself")
    if suffix == ".pdf":
        if b"%PDF-" not in data[:1024]:
            raise InvalidRequestError(f"{name!r} is not a PDF (no %PDF- header): upload the PDF")
    elif suffix == ".docx":
        if not _is_docx(data):
            raise InvalidRequestError(
                f"{name!r} is not a Word document (.docx: a zip with word/document.xml): "
                "save it as .docx and upload again"
            )
    elif suffix in _TEXT_SUFFIXES:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidRequestError(
                f"{name!r} is not UTF-8 text (byte {error.start}): save it as UTF-8 and upload "
                "again"
            ) from None
        if "\x00" in text:
            raise InvalidRequestError(f"{name!r} holds NUL bytes, so it is no text file")


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def index_paths(settings: Settings, paths: list[str]) -> list[Path]:
    """The corpus files the paths name; one message for any that is not one, outside or not."""
    folder = settings.corpus.folder.resolve()
    found: list[Path] = []
    for given in paths:
        name = PurePosixPath(given.replace("\\", "/")).name
        if Path(name).stem.lower() in IGNORED_STEMS:
            raise InvalidRequestError(
                f"{given!r} is a README or catalogue file, which is never indexed"
            )
        candidate = Path(given)
        if not candidate.is_absolute():
            # A name in the corpus folder, or a path relative to the service's folder.
            inside = folder / candidate
            candidate = inside if inside.is_file() else candidate
        resolved = candidate.resolve()
        if (
            folder not in resolved.parents
            or not resolved.is_file()
            or resolved.name.startswith(".")
            or resolved.suffix.lower() not in SUPPORTED_SUFFIXES
        ):
            # Whether the file exists elsewhere is none of the caller's business.
            raise InvalidRequestError(
                f"{given!r} is not a document in the corpus folder: give the name of a "
                f"{_KINDS} file in it (GET /documents lists the indexed ones)"
            )
        found.append(resolved)
    return found


def corpus_name(folder: Path, path: Path) -> str:
    """A corpus file's name relative to the corpus folder."""
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return path.name


def write_document(folder: Path, name: str, data: bytes, replace: bool) -> Path:
    """Write an upload into the corpus folder in one step (a temporary file, then a rename)."""
    target = folder / name
    if target.exists() and not replace:
        raise InvalidRequestError(
            f"the corpus folder has a file named {name!r} already: send replace=true to "
            "replace it, or upload under another name"
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=".upload-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise unwritable(folder, error) from error
    return target


def remove_document(folder: Path, name: str) -> bool:
    """Delete a corpus file (False when it was gone already)."""
    target = (folder / name).resolve()
    if folder.resolve() not in target.parents:
        raise InvalidRequestError(f"{name!r} is not a file of the corpus folder")
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise unwritable(folder, error) from error
    return True


def unwritable(where: Path, error: OSError) -> ReadOnlyStoreError:
    """The error for a folder the service cannot write to."""
    reason = os.strerror(error.errno) if error.errno else str(error)
    return ReadOnlyStoreError(
        f"cannot write to {str(where)!r} ({reason}): make it writable for the service's user; "
        "searching and answering go on meanwhile"
    )


def is_read_only(error: BaseException) -> bool:
    """True when an error says a file or database may not be written."""
    if isinstance(error, OSError) and error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return True
    text = str(error).lower()
    return "readonly database" in text or "read-only" in text or "read only" in text


def describe_failure(settings: Settings, error: Exception) -> str:
    """One line on why an index job failed."""
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if is_read_only(error):
        where = settings.store.chroma_url or str(settings.store.path)
        return (
            f"the store at {where!r} is read-only ({first}): make it writable for the "
            "service's user, then index again; searching and answering go on meanwhile"
        )
    return f"indexing failed unexpectedly ({type(error).__name__}: {first}); the log has details"


def check_writable(settings: Settings) -> None:
    """Raise `ReadOnlyStoreError` when the embedded store's files cannot be written."""
    if settings.store.chroma_url:
        return  # a Chroma server answers for itself when the job writes
    folder = settings.store.path
    for path in (folder, *(folder.glob("*.sqlite3") if folder.is_dir() else ())):
        if path.exists() and not os.access(path, os.W_OK):
            raise ReadOnlyStoreError(
                f"the store at {str(folder)!r} is read-only ({path.name} cannot be written): "
                "make it writable for the service's user to index; searching and answering "
                "go on meanwhile"
            )
