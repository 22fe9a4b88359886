"""The literature's own terms in bokmål, nynorsk, Swedish and English, for searching across
languages: BM25 cannot match "bridge-builder" in a bokmål passage that says "brobygger", so a
question naming one of these terms also searches for its forms in the other languages.

Each concept lists the beginnings of the words that name it (folded as
`constraints.fold` folds: ø → o, æ → ae, ä → a, å → a), found at a word's start or, in the
languages that compound, inside it ("næringsfondet", "samskapingsprosjekt"). Only the terms of
the field: the roles of the municipality and the ways of working the literature discusses.
"""

from __future__ import annotations

import re

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
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _named(folded: str, form: str, compounds: bool) -> bool:
    if " " in form:
        return form in folded
    return any(
        word.startswith(form) or (compounds and len(form) >= 6 and form in word)
        for word in _WORD.findall(folded)
    )


def glossary_terms(folded: str, compounds: bool = True) -> frozenset[str]:
    """The terms of `TERMS` a folded text names, in any of its forms."""
    return frozenset(
        term for term, forms in TERMS.items() if any(_named(folded, f, compounds) for f in forms)
    )


def glossary_words(folded: str, compounds: bool = True) -> list[str]:
    """The other forms, in all four languages, of each term the folded question names (not
    the ones it uses: those would only weigh its own words twice)."""
    found = [
        forms for forms in TERMS.values() if any(_named(folded, form, compounds) for form in forms)
    ]
    return [
        form
        for forms in found
        for form in forms
        if len(form.replace(" ", "")) >= 4 and not _named(folded, form, compounds)
    ]
