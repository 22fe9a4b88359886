"""The names a document uses: words its text capitalises inside a sentence and never writes in
lower case (places, people, organisations, programmes: "Ospedal", "Älvbacka", "ReSeNS").

Users type names as they come: "alvbacka", "ospedal næringsfond", "Rodmyra". Knowing how the
library spells its names lets a question be read with them (`assistant.retrieval.spelling`).
Pure functions, no I/O.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A word after one of these (or a line break, or a figure) opens a sentence, a line, a list
# item or a table cell: capitalised there, it says nothing of being a name.
_OPENERS = frozenset('.!?:;«»"“”(–—-•*#|')
MIN_LETTERS = 3
# Longer words in capitals are set so, not spelt so ("SOCIAL", "ENTREPRENØREN").
MAX_ABBREVIATION = 5


def proper_names(text: str) -> list[str]:
    """The words the text capitalises inside sentences and never writes in lower case,
    sorted. Leave out what is not running text of the document's own (its bibliography,
    whose English titles capitalise every word)."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for match in _WORD.finditer(text):
        word = match[0]
        if word[0].islower():
            lower.add(word.casefold())
        elif len(word) >= MIN_LETTERS and not _shouted(word) and not _opens(text, match.start()):
            capitalised.add(word)
    shortened = {
        form[:-cut]
        for form in lower
        for cut in range(1, MAX_ENDING + 1)
        if len(form) - cut >= MIN_STEM
    }
    return sorted(
        word for word in capitalised if not _written_in_lower_case(word, lower, shortened)
    )


# A word and another form of it (its definite or plural form: "innkjøpskontor",
# "innkjøpskontoret") differ in an ending this long at most,
MAX_ENDING = 3
# after a stem this long at least ("Nord" is no form of "norden").
MIN_STEM = 6


def _written_in_lower_case(word: str, lower: set[str], shortened: set[str]) -> bool:
    """Whether the text writes the word, or another form of it, in lower case (`shortened`:
    the lower-case words without their last letters): a common noun capitalised where it
    opens a table's cell ("Ansvar Innkjøpskontoret i Vestmark") is no name where the text
    writes "et felles innkjøpskontor"."""
    folded = word.casefold()
    if folded in lower or folded in shortened:
        return True
    stems = range(max(MIN_STEM, len(folded) - MAX_ENDING), len(folded))
    return any(folded[:cut] in lower for cut in stems)


def _shouted(word: str) -> bool:
    """A word in capitals longer than an abbreviation: a heading's or a cover's ("SOCIAL")."""
    return word.isupper() and len(word) > MAX_ABBREVIATION


def _opens(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence, line, list item or cell."""
    at = start - 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return at < 0 or text[at] == "\n" or text[at] in _OPENERS or text[at].isdigit()
