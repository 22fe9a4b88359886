"""Evaluation test sets: the YAML format (see evals/README.md), its validation and its hash.

A test set is a YAML list of items, or a mapping with ``name``, ``description`` and ``items``.
`load_testset` validates the whole file and raises one `TestSetError` listing every problem,
each naming the file, the item (its number counting from 1, its id and its line) and the field,
and saying what to fix.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, ClassVar, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.errors import TestSetError
from evals.textnorm import normalise

LANGUAGES: tuple[str, ...] = ("nb", "nn", "en", "sv")
Language = Literal["nb", "nn", "en", "sv"]
ITEM_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
BUNDLED_TESTSET = Path(__file__).resolve().parent / "testsets" / "policy_paper.yaml"
TOP_LEVEL_KEYS = ("name", "description", "corpus", "items")


class Turn(BaseModel):
    """One earlier turn of the conversation a follow-up question belongs to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Literal["user", "assistant"]
    content: str = Field(min_length=1)


class TestItem(BaseModel):
    """One question with what a correct answer must rest on."""

    __test__: ClassVar[bool] = False  # not a pytest test class
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ITEM_ID_PATTERN, description="Unique slug.")
    question: str = Field(description="What the user asks, in `lang`.")
    lang: Language = Field(description="Language of the question: nb, nn, en or sv.")
    evidence: tuple[str, ...] = Field(
        (),
        description="Literal snippets of the source; a passage containing any one supports "
        "the answer. Required for answerable items, empty for unanswerable ones.",
    )
    key_facts: tuple[str, ...] = Field((), description="Strings a correct answer must contain.")
    unanswerable: bool = Field(False, description="The literature does not answer it.")
    history: tuple[Turn, ...] = Field((), description="Earlier turns, for follow-ups.")
    tags: tuple[str, ...] = Field((), description="E.g. role:brobygger, section:4.1, followup.")

    @field_validator("question")
    @classmethod
    def _question_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the question is blank; write the question the user asks")
        return value.strip()

    @field_validator("evidence", "key_facts")
    @classmethod
    def _strings_have_content(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        for value in values:
            if not normalise(value):
                raise ValueError(
                    f"{value!r} has no letters or digits, so it would match any text; "
                    "give a literal phrase"
                )
        return tuple(value.strip() for value in values)

    @model_validator(mode="after")
    def _evidence_matches_answerability(self) -> TestItem:
        if self.unanswerable and self.evidence:
            raise ValueError(
                "evidence: an unanswerable item has no evidence; remove the snippets "
                "or set `unanswerable: false`"
            )
        if self.unanswerable and self.key_facts:
            raise ValueError(
                "key_facts: an unanswerable item has no key facts; remove them "
                "or set `unanswerable: false`"
            )
        if not self.unanswerable and not self.evidence:
            raise ValueError(
                "evidence: an answerable item needs at least one literal snippet of the "
                "source; add `evidence` or set `unanswerable: true`"
            )
        return self

    @property
    def answerable(self) -> bool:
        """Whether the literature answers the question."""
        return not self.unanswerable

    @property
    def is_followup(self) -> bool:
        """Whether the question comes after earlier turns."""
        return bool(self.history)

    def messages(self) -> list[Turn]:
        """The conversation to send: the history, then the question as the user's turn."""
        return [*self.history, Turn(role="user", content=self.question)]


class TestSet(BaseModel):
    """A named list of test items with unique ids."""

    __test__: ClassVar[bool] = False  # not a pytest test class
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    description: str = ""
    corpus: Path | None = Field(
        None, description="The corpus folder the evidence comes from (absolute once loaded)."
    )
    items: tuple[TestItem, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self) -> TestSet:
        if problems := _duplicate_ids([item.id for item in self.items]):
            raise ValueError("; ".join(problems))
        return self

    def item(self, item_id: str) -> TestItem:
        """The item with this id."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


def testset_hash(testset: TestSet) -> str:
    """Hex sha256 of the items' canonical JSON: same questions and evidence, same hash.

    Defaults are written out, keys sorted, no whitespace, UTF-8; the set's name and
    description are left out, so renaming a set keeps results comparable.
    """
    items = [item.model_dump(mode="json") for item in testset.items]
    canonical = json.dumps(items, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_testset(path: str | Path) -> TestSet:
    """Read and validate a test-set YAML file; `TestSetError` says what is wrong and where."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TestSetError(f"{path}: no such test-set file; give the path of a YAML file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise TestSetError(f"{path}: cannot be read as UTF-8 text ({error})") from None
    testset = parse_testset(text, source=str(path), default_name=path.stem)
    if testset.corpus is not None:
        folder = (path.parent / testset.corpus).resolve()
        if not folder.is_dir():
            raise TestSetError(
                f"{path}: `corpus: {testset.corpus}` is not a folder (looked for {folder}); "
                "give the corpus folder relative to the test-set file"
            )
        testset = testset.model_copy(update={"corpus": folder})
    return testset


def parse_testset(text: str, source: str = "<test set>", default_name: str = "testset") -> TestSet:
    """Validate test-set YAML text; `source` names it in error messages."""
    data, item_lines = _parse_yaml(text, source)
    name, description, corpus, raw_items = _split_top_level(data, source, default_name)
    items: list[TestItem] = []
    problems: list[str] = []
    for index, raw in enumerate(raw_items):
        where = _item_label(index, raw, item_lines)
        if not isinstance(raw, dict):
            problems.append(
                f"{where}: is a {type(raw).__name__}, not a mapping; "
                "write each item as `- id: ...` with `question:`, `lang:`, ... below it"
            )
            continue
        try:
            items.append(TestItem.model_validate(raw))
        except ValidationError as error:
            problems.extend(f"{where}: {_explain(detail)}" for detail in error.errors())
    ids = [raw.get("id") if isinstance(raw, dict) else None for raw in raw_items]
    problems.extend(_duplicate_ids(ids, item_lines))
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise TestSetError(f"{source}: {len(problems)} problem(s):\n  {shown}{more}")
    return TestSet(name=name, description=description, corpus=corpus, items=tuple(items))


def _parse_yaml(text: str, source: str) -> tuple[Any, list[int]]:
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise TestSetError(
            f"{source}: YAML syntax error{where}: {problem}; fix the YAML there (quote "
            "strings containing ': ' or starting with '*', '&', '!', '[', '{' or a quote)"
        ) from None
    return data, _item_lines(root)


def _item_lines(root: yaml.Node | None) -> list[int]:
    """Line (from 1) where each item starts, for error messages."""
    node = root
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) == "items"), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [child.start_mark.line + 1 for child in node.value]


def _split_top_level(
    data: Any, source: str, default_name: str
) -> tuple[str, str, Path | None, list[Any]]:
    corpus: Path | None = None
    if isinstance(data, list):
        raw_items, name, description = data, default_name, ""
    elif isinstance(data, dict):
        unknown = sorted(str(key) for key in data if key not in TOP_LEVEL_KEYS)
        if unknown:
            raise TestSetError(
                f"{source}: unknown top-level key(s) {', '.join(map(repr, unknown))}; "
                f"a test set mapping has only {', '.join(TOP_LEVEL_KEYS)}"
            )
        if "items" not in data:
            raise TestSetError(f"{source}: no `items:`; put the questions in a list under items")
        raw_items = data["items"]
        name = data.get("name", default_name)
        description = data.get("description") or ""
        if not isinstance(name, str) or not name.strip():
            raise TestSetError(f"{source}: `name` must be a non-empty string")
        if not isinstance(description, str):
            raise TestSetError(f"{source}: `description` must be a string")
        if data.get("corpus") is not None:
            if not isinstance(data["corpus"], str) or not data["corpus"].strip():
                raise TestSetError(
                    f"{source}: `corpus` must be a folder path relative to the test-set file, "
                    "e.g. `corpus: ../corpora/policy_paper`"
                )
            corpus = Path(data["corpus"])
    else:
        raise TestSetError(
            f"{source}: the file holds a {type(data).__name__}; write a list of items, or a "
            "mapping with `name`, `description` and `items`"
        )
    if not isinstance(raw_items, list) or not raw_items:
        raise TestSetError(f"{source}: `items` must be a non-empty list of questions")
    return name, description, corpus, raw_items


def _item_label(index: int, raw: Any, lines: list[int]) -> str:
    item_id = raw.get("id") if isinstance(raw, dict) else None
    line = f", line {lines[index]}" if index < len(lines) else ""
    named = f" (id {item_id!r}{line})" if item_id is not None else f" (no id{line})"
    return f"item #{index + 1}{named}"


_HINTS: dict[str, str] = {
    "id": "give each item a unique slug of lowercase letters, digits, '.', '_' or '-'",
    "question": "write the question the user asks as a non-empty string",
    "lang": f"use one of {', '.join(LANGUAGES)}",
    "evidence": "give a list of short literal snippets copied from the source",
    "key_facts": "give a list of short strings a correct answer must contain",
    "unanswerable": "write true or false",
    "history": "give a list of turns, each `{role: user|assistant, content: ...}`",
    "tags": "give a list of strings such as section:4.1 or followup",
}


def _explain(detail: Any) -> str:
    """One pydantic error as 'field ...: what is wrong; what to do'."""
    loc = [str(part) for part in detail["loc"]]
    message = str(detail["msg"]).removeprefix("Value error, ")
    kind = detail["type"]
    if not loc:  # a cross-field check; its message starts with the field it is about
        return message
    field = ".".join(loc)
    if kind == "extra_forbidden":
        known = ", ".join(TestItem.model_fields) if len(loc) == 1 else "role, content"
        return f"unknown field {field!r}; remove it or fix its spelling (known: {known})"
    if kind == "missing":
        return f"field {field!r} is missing; {_HINTS.get(loc[0], 'add it')}"
    given = detail.get("input")
    if isinstance(given, str | int | float | bool) and kind != "value_error":
        message = f"{message} (got {given!r})"
    if loc[0] == "history" and loc[-1] == "role":
        return f"field {field!r}: {message}; a history turn's role is 'user' or 'assistant'"
    hint = _HINTS.get(loc[0])
    if kind.startswith("value_error") or hint is None:
        return f"field {field!r}: {message}"
    return f"field {field!r}: {message}; {hint}"


def _duplicate_ids(ids: list[Any], lines: list[int] | None = None) -> list[str]:
    seen: dict[Any, int] = {}
    problems: list[str] = []
    for index, item_id in enumerate(ids):
        if item_id is None:
            continue
        if item_id in seen:
            first = seen[item_id]
            at = ""
            if lines and index < len(lines):
                at = f" (lines {lines[first]} and {lines[index]})"
            problems.append(
                f"items #{first + 1} and #{index + 1} both have id {item_id!r}{at}; "
                "ids must be unique, rename one"
            )
        else:
            seen[item_id] = index
    return problems
