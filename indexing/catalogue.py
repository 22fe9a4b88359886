"""The corpus catalogue: every work the product knows of, read from ``catalogue.yaml``.

The catalogue is a YAML list of :class:`~assistant.domain.CatalogueEntry` mappings. A catalogue
that cannot be used (bad YAML, an unknown field, a wrong type, a duplicate id or file) raises
:class:`~assistant.errors.ConfigurationError` naming the file, the entry, the field and the fix.
Findings that must not stop indexing, such as a listed file that is not in the corpus folder
yet, are returned by :meth:`Catalogue.problems` instead.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ValidationError

from assistant.domain import CatalogueEntry
from assistant.errors import ConfigurationError

if TYPE_CHECKING:
    from indexing.references.linking import EntryIndex

logger = logging.getLogger(__name__)

FIELDS = tuple(CatalogueEntry.model_fields)
# Letters NFKD does not decompose into a base letter and a mark.
_FOLD = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L"}
)
_YEAR_IN_NAME = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


class CatalogueProblem(BaseModel):
    """A finding that does not stop indexing, e.g. an entry whose file is not there yet."""

    entry_id: str | None = None
    field: str | None = None
    message: str


def fold_diacritics(text: str) -> str:
    """Text with diacritics removed: 'Røiseland' → 'Roiseland', 'Similä' → 'Simila'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slugify(text: str) -> str:
    """A catalogue-id slug: 'Sletterød & Carlsson' → 'sletterod-carlsson'."""
    return re.sub(r"[^a-z0-9]+", "-", fold_diacritics(text).lower()).strip("-")


class Catalogue:
    """The catalogue's entries, looked up by id and by file, and checked against the folder."""

    def __init__(
        self,
        entries: Iterable[CatalogueEntry],
        folder: Path,
        source: Path | None = None,
        problems: Iterable[CatalogueProblem] = (),
    ) -> None:
        self.entries = list(entries)
        self.folder = folder
        self.source = source if source is not None else folder / "catalogue.yaml"
        self._by_id: dict[str, CatalogueEntry] = {}
        self._by_file: dict[str, CatalogueEntry] = {}
        for index, entry in enumerate(self.entries):
            self._add(index, entry)
        self._by_folded_file = {name.casefold(): e for name, e in self._by_file.items()}
        # Names of the files of each folder by stem, listed again only when the folder changes
        # (its mtime): once per run rather than once per file.
        self._stems: dict[Path, tuple[int, dict[str, list[str]]]] = {}
        self._present = {
            entry.id for entry in self.entries if entry.file and (folder / entry.file).is_file()
        }
        self._problems = [*problems, *self._find_problems()]

    def _add(self, index: int, entry: CatalogueEntry) -> None:
        where = f"{str(self.source)!r}: entry {index + 1} (id {entry.id!r})"
        if entry.id in self._by_id:
            first = self.entries.index(self._by_id[entry.id]) + 1
            raise ConfigurationError(
                f"{where}: field 'id': {entry.id!r} is already the id of entry {first}; "
                "give each work its own id"
            )
        self._by_id[entry.id] = entry
        if entry.file is None:
            return
        file = PurePosixPath(entry.file.replace("\\", "/"))
        if file.is_absolute() or ".." in file.parts or not file.parts:
            raise ConfigurationError(
                f"{where}: field 'file': {entry.file!r} must be a file name inside the corpus "
                f"folder {str(self.folder)!r}; copy the file there and give its name"
            )
        if entry.file in self._by_file:
            other = self._by_file[entry.file].id
            raise ConfigurationError(
                f"{where}: field 'file': {entry.file!r} is already the file of {other!r}; "
                "one file holds one work, so remove it from one of the entries"
            )
        self._by_file[entry.file] = entry

    def _find_problems(self) -> Iterator[CatalogueProblem]:
        for entry in self.entries:
            if entry.file and entry.id not in self._present:
                yield CatalogueProblem(
                    entry_id=entry.id,
                    field="file",
                    message=f"{entry.id!r} lists file {entry.file!r}, which is not in the corpus "
                    f"folder {str(self.folder)!r}; add the file or set `file: null`",
                )
            for citing in entry.cited_by:
                if citing not in self._by_id:
                    yield CatalogueProblem(
                        entry_id=entry.id,
                        field="cited_by",
                        message=f"{entry.id!r} is cited by {citing!r}, which is not in the "
                        "catalogue; correct the id or catalogue that document",
                    )

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> CatalogueEntry | None:
        """The entry with this id, if catalogued."""
        return self._by_id.get(entry_id)

    def by_file(self, name: str) -> CatalogueEntry | None:
        """The entry whose `file` is this name (relative to the corpus folder), if any."""
        entry = self._by_file.get(name)
        if entry is None:
            # Case-insensitive file systems and hand-typed names: 'Rapport.PDF' is 'rapport.pdf'.
            entry = self._by_folded_file.get(name.casefold())
        return entry

    @cached_property
    def entry_index(self) -> EntryIndex:
        """The entries indexed for linking references (built once per catalogue)."""
        from indexing.references.linking import EntryIndex

        return EntryIndex(self.entries)

    def has_full_text(self, entry_id: str) -> bool:
        """True when the entry's file is in the corpus folder."""
        return entry_id in self._present

    def in_corpus(self) -> list[CatalogueEntry]:
        """The entries whose file is in the corpus folder."""
        return [entry for entry in self.entries if entry.id in self._present]

    def missing_from_corpus(self) -> list[CatalogueEntry]:
        """Cited works whose full text is not in the corpus folder."""
        return [e for e in self.entries if e.cited_by and e.id not in self._present]

    def problems(self) -> list[CatalogueProblem]:
        """Findings that do not stop indexing, such as listed files that are not there."""
        return list(self._problems)

    def entry_for_file(self, path: Path, title: str | None = None) -> CatalogueEntry:
        """The catalogued entry of a corpus file, or one guessed from its name (and title)."""
        name = self._name_in_folder(path)
        entry = self.by_file(name)
        if entry is not None:
            return entry
        return CatalogueEntry(
            id=self._guess_id(PurePosixPath(name)),
            title=(title or "").strip() or _title_from_stem(PurePosixPath(name).stem),
            year=_year_from_stem(PurePosixPath(name).stem),
            kind="other",
            file=name,
            notes="Not in the catalogue: id, title and year are guessed from the file name. "
            "Add an entry to catalogue.yaml to give its proper metadata.",
        )

    def _name_in_folder(self, path: Path) -> str:
        """The file's name relative to the corpus folder, as `file:` would give it."""
        if not path.is_absolute():
            return path.as_posix()
        try:
            return path.resolve().relative_to(self.folder.resolve()).as_posix()
        except ValueError:
            return path.name

    def _guess_id(self, name: PurePosixPath) -> str:
        slug = slugify(name.stem) or "document"
        # 'rapport.pdf' beside 'rapport.docx', or a stem that is a catalogued id, would give
        # two documents one id; the suffix tells them apart.
        names = self._names_by_stem((self.folder / name).parent).get(name.stem, [])
        siblings = [other for other in names if other != name.name]
        if slug in self._by_id or siblings:
            slug = slugify(name.name) or "document"
        return slug

    def _names_by_stem(self, folder: Path) -> dict[str, list[str]]:
        try:
            changed = folder.stat().st_mtime_ns
        except OSError:
            return {}
        cached = self._stems.get(folder)
        if cached is not None and cached[0] == changed:
            return cached[1]
        listing: dict[str, list[str]] = {}
        for path in folder.iterdir():
            if not path.name.startswith("."):
                listing.setdefault(path.stem, []).append(path.name)
        self._stems[folder] = (changed, listing)
        return listing


def _title_from_stem(stem: str) -> str:
    words = " ".join(re.split(r"[-_\s]+", stem)).strip()
    return words[:1].upper() + words[1:] if words else stem


def _year_from_stem(stem: str) -> int | None:
    match = _YEAR_IN_NAME.search(stem)
    return int(match.group()) if match else None


# --- loading --------------------------------------------------------------------------------


def load_catalogue(path: Path) -> Catalogue:
    """Read and validate the catalogue; its folder is the corpus folder."""
    folder = path.parent
    if not folder.is_dir():
        raise ConfigurationError(
            f"corpus folder {str(folder)!r} does not exist; create it and put the documents "
            "there, or set POLICY_ASSISTANT_CORPUS__FOLDER to the folder that holds them"
        )
    if not path.exists():
        problem = CatalogueProblem(
            message=f"no catalogue at {str(path)!r}: every document gets metadata guessed from "
            "its file name; see corpus/README.md to write one"
        )
        logger.warning(problem.message)
        return Catalogue([], folder, path, [problem])
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConfigurationError(
            f"{str(path)!r} is not UTF-8 text (byte {error.start}); save it as UTF-8"
        ) from error
    except OSError as error:
        raise ConfigurationError(
            f"{str(path)!r} cannot be read: {error.strerror or error}"
        ) from error
    catalogue = Catalogue(parse_catalogue(text, path), folder, path)
    for problem in catalogue.problems():
        logger.warning("%s: %s", path, problem.message)
    return catalogue


# libyaml when PyYAML has it: a catalogue of thousands of entries is read on every index run.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_catalogue(text: str, source: Path) -> list[CatalogueEntry]:
    """The validated entries of a catalogue's YAML text; `source` names it in errors."""
    try:
        data = yaml.load(text, Loader=_LOADER)
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        raise ConfigurationError(_yaml_error_message(error, source)) from error
    if data is None:
        return []
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise ConfigurationError(
            f"{str(source)!r}: the catalogue must be a YAML list of entries, each starting "
            "with `- id: ...` (see corpus/README.md)"
        )
    entries: list[CatalogueEntry] = []
    errors: list[str] = []
    for index, (item, node) in enumerate(zip(data, root.value, strict=True)):
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            errors.append(
                f"{str(source)!r}: entry {index + 1} (line {line}) is not a mapping of fields; "
                "write it as `- id: ...` with `title:` and the other fields indented below"
            )
            continue
        repeated = _repeated_field(node)
        if repeated:
            errors.append(
                f"{str(source)!r}: entry {index + 1} (line {line}): field {repeated!r} is given "
                "more than once and YAML keeps only the last; keep one"
            )
            continue
        try:
            entries.append(CatalogueEntry.model_validate(item))
        except ValidationError as error:
            errors.extend(_entry_error_messages(error, item, node, index, source))
    if errors:
        raise ConfigurationError("\n".join(errors))
    return entries


def _yaml_error_message(error: yaml.YAMLError, source: Path) -> str:
    mark = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    where = ""
    if mark is not None:
        where = f" at line {mark.line + 1}, column {mark.column + 1}"
        if context is not None and context.line != mark.line:
            where += f" (in what opens at line {context.line + 1})"
    problem = getattr(error, "problem", None) or str(error)
    return (
        f"{str(source)!r} is not valid YAML{where}: {problem}; check the indentation there and "
        "quote values that contain ': ' or start with a quote, '[' or '{'"
    )


def _entry_error_messages(
    error: ValidationError, item: dict[str, Any], node: yaml.Node, index: int, source: Path
) -> Iterator[str]:
    entry_id = item.get("id")
    who = f"id {entry_id!r}" if isinstance(entry_id, str) else "no id"
    for detail in error.errors():
        field = str(detail["loc"][0]) if detail["loc"] else "?"
        line = _field_line(node, field) or node.start_mark.line + 1
        yield (
            f"{str(source)!r}: entry {index + 1} ({who}, line {line}): field {field!r}: "
            f"{detail['msg']}; {_fix_for(detail, field)}"
        )


def _repeated_field(node: yaml.Node) -> str | None:
    seen: set[str] = set()
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            name = str(getattr(key, "value", ""))
            if name in seen:
                return name
            seen.add(name)
    return None


def _field_line(node: yaml.Node, field: str) -> int | None:
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            if getattr(key, "value", None) == field:
                return int(key.start_mark.line) + 1
    return None


def _fix_for(detail: Any, field: str) -> str:
    """How to fix one validation error, in the words a catalogue editor needs."""
    kind = detail["type"]
    if kind == "extra_forbidden":
        return f"remove it or correct its name; the fields are {', '.join(FIELDS)}"
    if kind == "missing":
        return f"add `{field}:` to the entry"
    if field == "id":
        return "use lower-case letters, digits, '-', '.' and '_', e.g. 'stene-stickler-2018'"
    if field == "year":
        return "write the year as a number, e.g. `year: 2016`, or leave the field out"
    if field == "kind":
        return "use one of the kinds listed"
    if field == "language" and isinstance(detail.get("input"), bool):
        return "YAML read a bare no as false; Norwegian is `nb` (bokmål) or `nn` (nynorsk)"
    if isinstance(detail.get("input"), bool):
        return f"YAML read a bare yes/no/on/off as true/false; quote it, e.g. `{field}: 'no'`"
    if field == "authors":
        return 'write a list of strings, e.g. `authors: ["Stene, M.", "Stickler, K."]`'
    if field == "cited_by":
        return "write a list of catalogue ids, e.g. `cited_by: [stene-morkved-2019]`"
    return "correct the value"
