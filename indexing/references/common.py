"""What bibliography parsing and citation finding share: name and year patterns, official
designations, text without markup, and surname comparison. Pure functions over text."""

from __future__ import annotations

import re

from indexing.catalogue import fold_diacritics

# --- shared patterns ------------------------------------------------------------------------

UPPER = "A-ZÀ-ÖØ-Þ"
LETTERS = r"[^\W\d_]"
_PARTICLE = r"(?:van|von|de|der|den|du|da|di|del|la|le|af|av|ten|ter)"
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
# A surname as printed: Sletterød, O'Brien, Eikeland-Hansen, van der Heide.
SURNAME = rf"(?:{_PARTICLE}\s+){{0,2}}[{UPPER}]{LETTERS}*(?:[-'’]{LETTERS}+)*"
CORPORATE_CHUNK = re.compile(rf"^[{UPPER}]{LETTERS}+(?:[\s-]+{LETTERS}+){{0,5}}$")
YEAR = r"(?:1[5-9]|20)\d{2}[a-z]?|n\.\s?d\.|u\.\s?å\."
DASH = r"\s*[–—-]\s*"
_SESSION = rf"\(\s*(\d{{4}}){DASH}(\d{{4}})\s*\)"
# Official Norwegian documents cited by their designation; each maps to a stable key.
DESIGNATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"NOU\s*(\d{4})\s*:\s*(\d+)"), "nou-{0}-{1}"),
    (re.compile(rf"Meld\.\s*St\.\s*(?:nr\.\s*)?(\d+)\s*{_SESSION}"), "meld-st-{0}-{1}-{2}"),
    (
        re.compile(rf"(?:St\.\s*meld\.|Stortingsmelding)\s*(?:nr\.?\s*)?(\d+)\s*{_SESSION}"),
        "st-meld-{0}-{1}-{2}",
    ),
    (re.compile(rf"Prop\.\s*(\d+)\s*([LS])\s*{_SESSION}"), "prop-{0}-{1}-{2}-{3}"),
)


def official_designation(text: str) -> tuple[str, re.Match[str]] | None:
    """The key and match of an official designation at the start of text."""
    for pattern, key in DESIGNATIONS:
        match = pattern.match(text)
        if match:
            return key.format(*(g.lower() for g in match.groups())), match
    return None


# --- text without markup ----------------------------------------------------------------------


def _markdown_link(match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    return url if label.strip().startswith("http") or not label.strip() else f"{label} {url}"


def plain(text: str) -> str:
    """Entry text without markdown, HTML markers and line breaks."""
    text = re.sub(r"\[([^\]]*)\]\((https?://[^)\s]+)\)", _markdown_link, text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = re.sub(r"<sup>.*?</sup>", "", text, flags=re.IGNORECASE | re.DOTALL)
    text = re.sub(r"</?(?:sub|em|i|b|strong|span)\b[^>]*>", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!&<>])", r"\1", text)
    text = text.replace("*", "")
    text = re.sub(r"(?<![\w/.])_+|_+(?![\w/.])", "", text)
    return re.sub(r"\s+", " ", text).strip()


def mask(text: str) -> str:
    """The text with footnote markers and emphasis blanked out, offsets unchanged."""

    def blank(match: re.Match[str]) -> str:
        return " " * (match.end() - match.start())

    view = re.sub(r"<sup>.*?</sup>|</?[a-zA-Z]+>", blank, text, flags=re.IGNORECASE)
    view = re.sub(r"\\(?=[*_()&])", " ", view)
    view = re.sub(r"\*+", blank, view)
    return re.sub(r"(?<!\w)_+|_+(?!\w)", blank, view)


# --- surnames -------------------------------------------------------------------------------


def surname_key(name: str) -> str:
    """A surname folded for comparison: 'van der Heide' → 'heide', 'Røiseland' → 'roiseland'."""
    words = name.split()
    # Particles sort nowhere ('van der Heide' is cited as 'Heide' too), unless they are the name.
    words = [w for w in words if w.lower() not in _PARTICLES] or words
    return re.sub(r"[^a-z]", "", fold_diacritics(" ".join(words)).lower())


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def close_names(a: str, b: str) -> bool:
    """Whether two surname keys are the same name, allowing a typo relative to the length."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    # Short names differ by one letter too often to tolerate a typo: Loga/Lora, Berg/Borg.
    allowed = 0 if shorter < 5 else 1 if shorter < 9 else 2
    return allowed > 0 and _edit_distance(a, b, allowed) <= allowed


def surname_of(author: str) -> str:
    """The surname of a bibliography author: 'Aasen, T. M. B.' → 'Aasen'."""
    if official_designation(author):
        return author
    return author.split(",", 1)[0].strip()
