"""The test-set loader accepts the documented format and says precisely what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.errors import TestSetError
from evals.testset import TestItem, TestSet, Turn, load_testset, parse_testset
from evals.testset import testset_hash as hash_of  # not named test_*: pytest would collect it
from evals.textnorm import contains_evidence, normalise, strip_markers, tokens

GOOD = """\
name: tiny
description: Two questions.
items:
  - id: brobygger
    question: "Hva betyr det at kommunen skal være brobygger?"
    lang: nb
    evidence: ["forhandler, innovatør og brobygger"]
    key_facts: [brobygger]
    tags: [role:brobygger, section:4.1]
  - id: tredje-rolle
    question: "Hva mener de med den tredje rollen?"
    lang: nb
    evidence: ["forhandler, innovatør og brobygger"]
    history:
      - {role: user, content: "Hvilke roller har kommunen?"}
      - {role: assistant, content: "Forhandler, innovatør og brobygger [1]."}
    tags: [followup]
  - id: world-cup
    question: "Who won the 2018 World Cup?"
    lang: en
    unanswerable: true
    tags: [offtopic]
"""


def write(tmp_path: Path, text: str, name: str = "set.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(TestSetError) as caught:
        load_testset(path)
    message = caught.value.detail
    assert str(path) in message, "every error names the file"
    return message


def item_yaml(**fields: str) -> str:
    """A one-item test set whose item has the given YAML fields (raw YAML values)."""
    body = "\n".join(f"    {key}: {value}" for key, value in fields.items())
    return f"items:\n  - {body.lstrip()}\n"


VALID = {"id": "a", "question": "Hva?", "lang": "nb", "evidence": '["fire ord i rad"]'}


# --- the format ---------------------------------------------------------------------------


def test_a_mapping_with_name_description_and_items_loads(tmp_path: Path) -> None:
    testset = load_testset(write(tmp_path, GOOD))
    assert testset.name == "tiny"
    assert testset.description == "Two questions."
    assert [item.id for item in testset.items] == ["brobygger", "tredje-rolle", "world-cup"]
    first, followup, offtopic = testset.items
    assert first.answerable and first.key_facts == ("brobygger",)
    assert first.tags == ("role:brobygger", "section:4.1")
    assert followup.is_followup and followup.history[1].role == "assistant"
    assert offtopic.unanswerable and offtopic.evidence == () and not offtopic.answerable


def test_a_plain_list_loads_and_is_named_after_the_file(tmp_path: Path) -> None:
    text = GOOD.split("items:\n", 1)[1].replace("\n  ", "\n").lstrip()
    testset = load_testset(write(tmp_path, text, "my_set.yaml"))
    assert testset.name == "my_set"
    assert len(testset.items) == 3


def test_a_test_set_names_its_corpus_relative_to_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "corpora" / "mine").mkdir(parents=True)
    (tmp_path / "sets").mkdir()
    text = "corpus: ../corpora/mine\n" + GOOD
    testset = load_testset(write(tmp_path / "sets", text))
    assert testset.corpus == (tmp_path / "corpora" / "mine").resolve()
    assert load_testset(write(tmp_path, GOOD)).corpus is None


def test_a_corpus_that_is_no_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TestSetError, match="relative to the test-set file"):
        load_testset(write(tmp_path, "corpus: ../nowhere\n" + GOOD))


def test_the_bundled_test_set_runs_on_the_frozen_paper() -> None:
    from tests.helpers import CORPUS, ROOT

    bundled = load_testset(ROOT / "evals" / "testsets" / "policy_paper.yaml")
    assert bundled.corpus == CORPUS.resolve()


def test_defaults_of_optional_fields(tmp_path: Path) -> None:
    item = load_testset(write(tmp_path, item_yaml(**VALID))).items[0]
    assert item.key_facts == () and item.history == () and item.tags == ()
    assert item.unanswerable is False


def test_messages_end_with_the_question_as_the_users_turn(tmp_path: Path) -> None:
    followup = load_testset(write(tmp_path, GOOD)).item("tredje-rolle")
    assert [turn.role for turn in followup.messages()] == ["user", "assistant", "user"]
    assert followup.messages()[-1] == Turn(role="user", content=followup.question)


def test_unknown_item_id_is_a_key_error(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        load_testset(write(tmp_path, GOOD)).item("nope")


# --- errors: each names the file, the item and the field, and says what to do ---------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TestSetError, match="no such test-set file"):
        load_testset(tmp_path / "absent.yaml")


def test_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    message = error_for(tmp_path, 'items:\n  - id: a\n    question: "open\n    lang: nb\n')
    assert "YAML syntax error" in message
    assert "line 5" in message


def test_missing_question(tmp_path: Path) -> None:
    fields = {k: v for k, v in VALID.items() if k != "question"}
    message = error_for(tmp_path, item_yaml(**fields))
    assert "item #1 (id 'a', line 2)" in message
    assert "'question' is missing" in message
    assert "write the question" in message


def test_blank_question(tmp_path: Path) -> None:
    message = error_for(tmp_path, item_yaml(**{**VALID, "question": '"   "'}))
    assert "field 'question'" in message and "blank" in message


def test_unknown_language(tmp_path: Path) -> None:
    message = error_for(tmp_path, item_yaml(**{**VALID, "lang": "de"}))
    assert "field 'lang'" in message
    assert "'de'" in message
    assert "use one of nb, nn, en, sv" in message


def test_evidence_on_an_unanswerable_item(tmp_path: Path) -> None:
    message = error_for(tmp_path, item_yaml(**VALID, unanswerable="true"))
    assert "item #1 (id 'a'" in message
    assert "evidence: an unanswerable item has no evidence" in message
    assert "set `unanswerable: false`" in message


def test_key_facts_on_an_unanswerable_item(tmp_path: Path) -> None:
    fields = {**VALID, "evidence": "[]", "unanswerable": "true", "key_facts": "[x]"}
    assert "key_facts: an unanswerable item has no key facts" in error_for(
        tmp_path, item_yaml(**fields)
    )


@pytest.mark.parametrize("evidence", ["[]", None])
def test_answerable_item_without_evidence(tmp_path: Path, evidence: str | None) -> None:
    fields = {key: value for key, value in VALID.items() if key != "evidence"}
    if evidence is not None:
        fields["evidence"] = evidence
    message = error_for(tmp_path, item_yaml(**fields))
    assert "evidence: an answerable item needs at least one literal snippet" in message
    assert "set `unanswerable: true`" in message


def test_evidence_that_is_only_punctuation(tmp_path: Path) -> None:
    message = error_for(tmp_path, item_yaml(**{**VALID, "evidence": '["...", "fire ord"]'}))
    assert "field 'evidence'" in message and "no letters or digits" in message


def test_duplicate_ids(tmp_path: Path) -> None:
    text = "items:\n" + "".join(
        f"  - id: same\n    question: q{n}\n    lang: nb\n    evidence: [fire ord i rad]\n"
        for n in range(2)
    )
    message = error_for(tmp_path, text)
    assert "items #1 and #2 both have id 'same'" in message
    assert "lines 2 and 6" in message
    assert "rename one" in message


def test_history_role_must_be_user_or_assistant(tmp_path: Path) -> None:
    history = '[{role: system, content: "Du er en assistent."}]'
    message = error_for(tmp_path, item_yaml(**VALID, history=history))
    assert "field 'history.0.role'" in message
    assert "'system'" in message
    assert "'user' or 'assistant'" in message


def test_misspelt_field(tmp_path: Path) -> None:
    message = error_for(tmp_path, item_yaml(**VALID, tag="[x]"))
    assert "unknown field 'tag'" in message and "fix its spelling" in message


def test_an_item_that_is_not_a_mapping(tmp_path: Path) -> None:
    message = error_for(tmp_path, "items:\n  - just a string\n")
    assert "item #1 (no id, line 2): is a str, not a mapping" in message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        "items:\n"
        "  - {id: a, lang: de, evidence: [fire ord i rad]}\n"
        "  - {id: b, question: q, lang: nb}\n"
    )
    message = error_for(tmp_path, text)
    assert "3 problem(s)" in message  # a: no question, bad lang; b: no evidence
    assert "item #1 (id 'a', line 2)" in message and "item #2 (id 'b', line 3)" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "holds a NoneType"),
        ("just text\n", "holds a str"),
        ("name: x\n", "no `items:`"),
        ("items: []\n", "non-empty list"),
        ("name: x\nitemz: []\nitems: []\n", "unknown top-level key(s) 'itemz'"),
    ],
)
def test_malformed_top_level(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in error_for(tmp_path, text)


def test_parse_testset_names_its_source() -> None:
    with pytest.raises(TestSetError, match=r"^inline: "):
        parse_testset("items: 3", source="inline")


def test_testset_model_rejects_duplicate_ids_too() -> None:
    item = TestItem(id="a", question="q", lang="nb", evidence=("fire ord i rad",))
    with pytest.raises(ValueError, match="both have id 'a'"):
        TestSet(name="x", items=(item, item))


# --- the hash -----------------------------------------------------------------------------


def test_hash_is_sha256_hex_and_stable_across_formatting(tmp_path: Path) -> None:
    original = load_testset(write(tmp_path, GOOD, "a.yaml"))
    reformatted = GOOD.replace("question: ", "question:   ").replace(
        "    tags: [offtopic]", "    tags: [offtopic]\n    key_facts: []\n    history: []"
    )
    same = load_testset(write(tmp_path, reformatted, "b.yaml"))
    digest = hash_of(original)
    assert len(digest) == 64 and int(digest, 16) >= 0
    assert hash_of(same) == digest, "explicit defaults and spacing do not change the hash"
    renamed = GOOD.replace("name: tiny", "name: other")
    assert hash_of(load_testset(write(tmp_path, renamed, "c.yaml"))) == digest


def test_hash_changes_when_a_question_or_evidence_changes(tmp_path: Path) -> None:
    digest = hash_of(load_testset(write(tmp_path, GOOD, "a.yaml")))
    for old, new in (("brobygger?", "forhandler?"), ('["forhandler,', '["Forhandler,')):
        changed = load_testset(write(tmp_path, GOOD.replace(old, new, 1), "b.yaml"))
        assert hash_of(changed) != digest


# --- text normalisation -------------------------------------------------------------------


def test_normalise_keeps_nordic_letters_and_drops_punctuation() -> None:
    assert normalise("Næringsliv, «samstyring» – Örebro Å!") == "næringslivsamstyringörebroå"
    assert normalise("*forhandler*, **innovatør** og\n brobygger") == normalise(
        "forhandler innovatør og brobygger"
    )
    assert normalise("ﬁre") == "fire", "NFKC folds ligatures"


def test_tokens_are_unicode_words_without_stemming() -> None:
    assert tokens("Kommunene må bli playmakeren!") == ["kommunene", "må", "bli", "playmakeren"]


def test_contains_evidence_ignores_case_punctuation_and_whitespace() -> None:
    text = "Samstyring er et slags ressursmessig spleiselag, hvor ressursene ..."
    assert contains_evidence(text, ["SAMSTYRING er et slags  ressursmessig spleiselag"])
    assert contains_evidence(text, ["ikke her", "ressursmessig spleiselag"])
    assert not contains_evidence(text, ["ressursmessig dugnad"])
    assert not contains_evidence(text, ["...", ""]), "empty snippets never match"
    assert not contains_evidence(text, [])


def test_strip_markers() -> None:
    assert strip_markers("Første [1]. Andre [2, 3] og [4; 5].") == "Første. Andre og."
    assert strip_markers("[1] innovatør [2] og brobygger") == "innovatør og brobygger"


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


# Letters (Latin, with Nordic and other accented ones), digits, punctuation and spaces: what
# answers and passages are made of. Free-standing combining marks would compose across the cut.
TEXT = st.text(st.characters(categories=["Lu", "Ll", "Nd", "Po", "Pd", "Zs"], max_codepoint=0x24F))


@given(TEXT, TEXT, TEXT)
def test_a_text_contains_every_literal_part_of_itself(head: str, middle: str, tail: str) -> None:
    if normalise(middle):
        assert contains_evidence(head + middle + tail, [middle])
