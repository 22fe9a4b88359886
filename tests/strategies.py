"""Hypothesis strategies for Norwegian-looking text, built from letters rather than regexes
(hypothesis generates these far faster than it matches `from_regex`)."""

from __future__ import annotations

from hypothesis import strategies as st

LOWER = "abcdefghijklmnopqrstuvwxyzæøå"


def word(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """A lower-case word."""
    return st.text(alphabet=LOWER, min_size=min_size, max_size=max_size)


def capitalised(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """A word starting with a capital: its first letter plus `min_size`..`max_size` more."""
    return st.builds(str.__add__, st.sampled_from(LOWER.upper()), word(min_size, max_size))


def words(
    first: st.SearchStrategy[str], rest: st.SearchStrategy[str], most: int, least: int = 0
) -> st.SearchStrategy[str]:
    """A first word and `least`..`most` further words, joined by spaces."""
    return st.builds(
        lambda head, tail: " ".join([head, *tail]),
        first,
        st.lists(rest, min_size=least, max_size=most),
    )
