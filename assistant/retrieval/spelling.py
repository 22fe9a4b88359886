"""A question read with the library's spelling of its names.

Users type names as they come: in lower case ("ospedal næringsfond søknader 2019"), without the
letters their keyboard lacks ("Alvbacka", "Rodmyra"), or after a capitalised first word that
makes the two look like one name ("Nådde Helgelandsprogrammet målet?"). Names decide a lot
here: which documents a question is about, and which sentences may answer it. So before
anything else a question's words are matched against the names the indexed documents use
(`DocumentRecord.names`): a word spelt like one of them but for case and diacritics takes the
library's spelling, and a capitalised first word that is no name but a word the library knows
is read in lower case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from assistant.domain import DocumentRecord

# The letters a keyboard may lack, as users write them without.
_PLAIN = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Shorter words are too often a common word that is also a name ("Vik", "Inn").
MIN_LETTERS = 4
# Documents holding a word (in any case), given the word; None when too many do.
DocumentsHolding = Callable[[str], set[str] | None]
# Whether the library's text uses a word at all (in any case).
Knows = Callable[[str], bool]


# Where a word opens the question, a sentence or a bracket.
_OPENING = re.compile(r"^\s*|[.!?]\s+|\(\s*")
# The rest of a label a question opens with: "Budsjett næringsfond: ...", "Älvbacka – ...".
_LABEL_END = re.compile(r"(?:\s+[\w-]+){0,2}(?:\s+[–—-]|:)\s")


def spelling_key(word: str) -> str:
    """A word without case and diacritics: "Älvbacka", "alvbacka" and "ALVBACKA" alike."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_PLAIN))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class NameSpelling:
    """The names of the indexed documents, by their spelling key."""

    def __init__(
        self, names: Mapping[str, Iterable[str]], holding: DocumentsHolding, knows: Knows
    ) -> None:
        """`names`: each document's names (by document id); `holding`: which documents'
        text holds a word; `knows`: whether the text uses a word at all."""
        self._spellings: dict[str, dict[str, set[str]]] = {}
        for doc_id, spelt in names.items():
            for name in spelt:
                if len(name) >= MIN_LETTERS:
                    by_spelling = self._spellings.setdefault(spelling_key(name), {})
                    by_spelling.setdefault(name, set()).add(doc_id)
        self._holding = holding
        self._knows = knows

    @classmethod
    def of_records(
        cls, records: Mapping[str, DocumentRecord], holding: DocumentsHolding, knows: Knows
    ) -> NameSpelling:
        return cls({doc_id: r.names for doc_id, r in records.items()}, holding, knows)

    def name(self, word: str) -> str | None:
        """The library's spelling of a name written as `word` (but for case and
        diacritics), when every document holding the word writes it as that name."""
        spellings = self._spellings.get(spelling_key(word))
        if not spellings:
            return None
        spelling, naming = max(spellings.items(), key=lambda item: (len(item[1]), item[0]))
        holding = self._holding(spelling)
        if holding is None or not holding <= naming:
            return None  # a document uses it as a common word ("analyse", "regional")
        return spelling

    def restore(self, question: str) -> str:
        """The question with the library's spelling of the names it writes otherwise, and a
        capitalised word opening the question, a sentence or a bracket ("... (Äger
        Fjellstrand kommun ...)") read in lower case when a name follows it, or when it opens
        the question's label ("Budsjett: ..."), and it is a word the library uses and no
        name of it."""
        restored = _WORD.sub(self._restored_word, question)
        for opening in _OPENING.finditer(restored):
            first = _WORD.match(restored, opening.end())
            if first is None or not first[0][:1].isupper() or first[0].isupper():
                continue
            following = _WORD.search(restored, first.end())
            between = restored[first.end() : following.start()] if following else ""
            # Before a name, or as a label set off by a dash or colon ("Budsjett: ..."), a
            # capitalised first word reads as a name (`constraints.asked_names`).
            before_name = (
                following is not None and following[0][:1].isupper() and between.strip() == ""
            )
            label = opening.start() == 0 and _LABEL_END.match(restored, first.end())
            if (
                (before_name or label)
                and spelling_key(first[0]) not in self._spellings
                and self._knows(first[0])
            ):
                lowered = first[0].lower()  # as long as the word: later offsets stand
                restored = restored[: first.start()] + lowered + restored[first.end() :]
        return restored

    def _restored_word(self, match: re.Match[str]) -> str:
        word = match[0]
        if len(word) < MIN_LETTERS or word.isupper():
            return word
        name = self.name(word)
        if name is None or name == word:
            return word
        if name.casefold() != word.casefold() and self._knows(word):
            return word  # a word of its own, not the name without its letters ("more", "Møre")
        return name
