"""Language detection picks refusal thresholds and the BM25 weight, so it must be right."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant.answering.language import (
    LANGUAGES,
    Language,
    detect_language,
    language_scores,
    quoted_in,
    share_words,
)

HELD_OUT = Path(__file__).parent / "data" / "language_questions.txt"
MIN_ACCURACY = 0.9


def held_out() -> list[tuple[str, str]]:
    pairs = []
    for line in HELD_OUT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, question = line.split("\t")
            pairs.append((lang, question))
    return pairs


def test_the_held_out_list_has_thirty_questions_in_each_language() -> None:
    counts = Counter(lang for lang, _ in held_out())
    assert set(counts) == set(LANGUAGES)
    assert min(counts.values()) >= 30


def test_each_language_is_recognised_on_held_out_questions() -> None:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong = []
    for lang, question in held_out():
        found = detect_language(question)
        total[lang] += 1
        right[lang] += found == lang
        if found != lang:
            wrong.append(f"{question!r}: {lang} read as {found}")
    accuracy = {lang: right[lang] / total[lang] for lang in LANGUAGES}
    print("\nlanguage detection accuracy on held-out questions:")
    for lang in LANGUAGES:
        print(f"  {lang}: {accuracy[lang]:.3f} ({right[lang]} of {total[lang]})")
    print("  misread: " + ("; ".join(wrong) or "none"))
    assert all(value >= MIN_ACCURACY for value in accuracy.values()), accuracy


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Kva er kjernen i det internasjonale governanceomgrepet?", "nn"),
        ("Kor lenge varte det?", "nn"),
        ("Kven er kunnskapspartnar i Örebro-partnarskapet?", "nn"),  # a Swedish name
        ("Hvor mange innbyggere eier hälsocentralen?", "nb"),
        ("Hva var arbeidsledigheten i Älvbacka i 2021?", "nb"),  # "var" is Norwegian too
        ("Kva var budsjettet til Älvbacka kommun?", "nn"),
        ("Var ligger Älvbacka?", "sv"),
        ("Hvorfor er finansiering en utfordring?", "nb"),  # -ing is not English
        ("Vad menas med kvadrupel helix?", "sv"),
        ("Is it in the library?", "en"),
    ],
)
def test_short_questions_are_read_by_their_grammar(question: str, language: str) -> None:
    assert detect_language(question) == language


def test_shared_words_count_for_each_language_that_has_them() -> None:
    scores = language_scores("og det")
    assert scores["nb"] == scores["nn"] > scores["sv"] > 0
    assert scores["en"] == 0


def test_a_text_without_any_sign_is_bokmal() -> None:
    assert detect_language("2030?") == "nb"


def test_the_scandinavian_languages_share_words_and_english_shares_none_with_them() -> None:
    assert share_words("sv", "nb") and share_words("nn", "nb") and share_words("en", "en")
    assert not share_words("sv", "en") and not share_words("en", "nn")


@pytest.mark.parametrize(
    ("language", "sources", "notice"),
    [
        ("en", ["nb", "nn"], "The answer quotes the sources in Norwegian."),
        ("en", ["en", "sv"], "The answer quotes the sources in Swedish."),
        ("sv", ["en"], "Svaret citerar källorna på engelska."),
        ("nb", ["sv", "en", "sv"], "Svaret siterer kildene på svensk og engelsk."),
        ("nn", ["nb", "sv"], "Svaret siterer kjeldene på svensk."),
        (
            "en",
            ["nb", "sv", "da"],
            "The answer quotes the sources in Norwegian, Swedish and Danish.",
        ),
    ],
)
def test_an_answer_names_the_languages_of_the_sources_it_quotes_in_another_language(
    language: Language, sources: list[str], notice: str
) -> None:
    assert quoted_in(language, sources) == notice


@pytest.mark.parametrize(
    ("language", "sources"), [("nb", ["nn", "nb"]), ("nn", ["nb"]), ("sv", ["sv"]), ("en", [])]
)
def test_an_answer_quoting_only_sources_in_its_own_language_has_no_language_notice(
    language: Language, sources: list[str]
) -> None:
    assert quoted_in(language, sources) is None
