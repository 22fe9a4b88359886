"""The words by which a question calls a document by its kind ("the evaluation", "rapporten"),
shared by the scope (which documents a question names) and the constraint check (a possessive
before such a word names the document's author, not what a figure belongs to)."""

from __future__ import annotations

from assistant.retrieval.glossary import fold

# Words by which a question calls a document by its kind ("the evaluation", "the plan"): within
# the document they single out no passage. By kind: the words (whole, folded), and the
# beginnings of words by which a document's title or catalogue kind says it is of the kind. A
# word calls the documents a question names only where one of them is of its kind: "the
# strategy" asked of a company's annual report is what is asked about.
DOCUMENT_KINDS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    kind: (frozenset(fold(word) for word in words.split()), beginnings)
    for kind, (words, beginnings) in {
        "evaluation": (
            "evaluering evalueringa evalueringen evalueringens utvärdering utvärderingen "
            "evaluation",
            ("evaluer", "utværder", "evaluation"),
        ),
        "report": (
            "rapport rapporten rapportens report årsmelding årsmeldinga årsmeldingen årsberetning "
            "årsberetningen årsberetninga verksamhetsberättelse verksamhetsberättelsen "
            "årsredovisning årsredovisningen",
            ("rapport", "report", "årsmelding", "årsberetning", "verksamhetsberättelse"),
        ),
        "paper": (
            "notat notatet notatets arbeidsnotat arbeidsnotatet arbetsnotat arbetsnotatet paper "
            "arbetspapper arbetspappret brief",
            ("notat", "paper", "brief"),
        ),
        "plan": ("planen plana planens plan", ("plan",)),
        "strategy": ("strategien strategin strategi strategy", ("strategi", "strategy")),
        "minutes": ("referat referatet minutes", ("referat", "minutes")),
    }.items()
}
# Words that call any document one.
ANY_DOCUMENT = frozenset({"dokument", "dokumentet", "document"})


# The least a compound holds before its kind word ("forsknings|rapporten", "slutt|evaluering").
COMPOUND_HEAD = 3


def is_kind_word(folded: str, words: frozenset[str]) -> bool:
    """Whether a folded word is one of a kind's `words`, or a compound ending in one
    ("forskningsrapporten", "konsulentrapporten", "sluttevalueringen")."""
    return folded in words or any(
        folded.endswith(word) and len(folded) - len(word) >= COMPOUND_HEAD for word in words
    )


def names_a_kind(word: str) -> bool:
    """Whether a word calls a document one, or one of a kind ("evaluation", "rapporten",
    "forskningsrapporten")."""
    folded = fold(word)
    return folded in ANY_DOCUMENT or any(
        is_kind_word(folded, words) for words, _ in DOCUMENT_KINDS.values()
    )
