"""The literature's own terms in bokmål, nynorsk, Swedish and English, for searching across
languages: BM25 cannot match "bridge-builder" in a bokmål passage that says "brobygger", so a
question naming one of these terms also searches for its forms in the other languages.

Each concept lists the beginnings of the words that name it (folded as
`fold` folds: ø → o, æ → ae, ä → a, å → a), found at a word's start or, in the
languages that compound, inside it ("næringsfondet", "samskapingsprosjekt"). Only the terms of
the field: the roles of the municipality and the ways of working the literature discusses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

TERMS: dict[str, tuple[str, ...]] = {
    "administrator": ("forvalter", "forvaltar", "myndighetsutov", "administrator", "regulator"),
    "service producer": ("tjenesteprodusent", "tenesteprodusent", "tenesteytar",
                         "serviceleverantor", "service provider", "service producer"),
    "negotiator": ("forhandler", "forhandlar", "forhandling", "forhandlare", "forhandling",
                   "negotiat"),
    "innovator": ("innovator", "innovatoren"),
    "bridge-builder": ("brobygg", "brobyggar", "bridge-build", "bridge build"),
    "playmaker": ("playmak",),
    "co-creation": ("samskap", "co-creat", "cocreat", "co creat"),
    "co-governance": ("samstyr", "co-governance", "collaborative governance"),
    "entrepreneur role": ("entreprenorrolle", "entreprenorroll", "entrepreneurial role",
                          "entrepreneur role"),
    "volunteering": ("frivillig", "volunteer", "voluntary", "ideell", "ideel"),
    "care farm": ("inn pa tunet", "care farm", "green care"),
}  # fmt: skip
def fold(text: str) -> str:
    """Case-folded text without diacritics, for comparing names and terms: 'Älvbackas' →
    'alvbackas'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ø", "o").replace("æ", "ae"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Least length of a form found inside a compound word ("samskapingsprosjekt").
COMPOUND_PART = 6


class FoldedText:
    """A folded text's words, read once, and which forms of a term table it holds."""

    def __init__(self, folded: str) -> None:
        self.words = _WORD.findall(folded)
        self._joined = f" {' '.join(self.words)} "

    def holds(self, form: str, inner: int | None) -> bool:
        """Whether the text holds a form: a phrase or a form of three letters or fewer
        ("vd") as whole words; else a word beginning with it or, when `inner` is given, a
        word holding a form at least that long inside it (a compound)."""
        if " " in form or len(form) <= 3:
            return f" {form} " in self._joined or (" " in form and f" {form}" in self._joined)
        return any(
            word.startswith(form) or (inner is not None and len(form) >= inner and form in word)
            for word in self.words
        )

    def named(self, table: Mapping[str, tuple[str, ...]], inner: int | None) -> frozenset[str]:
        """The keys of a term table (key: its forms) whose forms the text holds."""
        return frozenset(
            key for key, forms in table.items() if any(self.holds(f, inner) for f in forms)
        )


def glossary_terms(folded: str, compounds: bool = True) -> frozenset[str]:
    """The terms of `TERMS` a folded text names, in any of its forms."""
    return FoldedText(folded).named(TERMS, COMPOUND_PART if compounds else None)


def glossary_words(folded: str, compounds: bool = True) -> list[str]:
    """The other forms, in all four languages, of each term the folded question names (not
    the ones it uses: those would only weigh its own words twice)."""
    text = FoldedText(folded)
    inner = COMPOUND_PART if compounds else None
    return [
        form
        for term in sorted(text.named(TERMS, inner), key=list(TERMS).index)
        for form in TERMS[term]
        if len(form.replace(" ", "")) >= 4 and not text.holds(form, inner)
    ]
