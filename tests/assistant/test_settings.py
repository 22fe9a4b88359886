"""Settings come from the environment and from a `.env` file, the environment winning."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import AnswerSettings, Settings


def test_a_dotenv_file_in_the_working_folder_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text(
        "POLICY_ASSISTANT_RETRIEVAL__TOP_K=9\nPOLICY_ASSISTANT_API__PORT=8123\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("POLICY_ASSISTANT_RETRIEVAL__TOP_K", raising=False)
    monkeypatch.setenv("POLICY_ASSISTANT_API__PORT", "8200")
    settings = Settings()
    assert settings.retrieval.top_k == 9
    assert settings.api.port == 8200, "the environment wins over .env"


def test_support_thresholds_follow_the_pair_of_languages() -> None:
    answer = AnswerSettings(min_support={"nb": 0.84, "nn": 0.82, "en": 0.79, "sv": 0.83})
    # Calibrated over bokmål text: a question in each language.
    assert answer.threshold("en") == answer.threshold("en", "nb") == 0.79
    # The same pair the other way round: a bokmål question over English or Swedish text.
    assert answer.threshold("nb", "en") == 0.79
    assert answer.threshold("nb", "sv") == 0.83
    # Text in the question's own language is held to the same-language threshold.
    assert answer.threshold("en", "en") == answer.threshold("sv", "sv") == 0.84
    # Two languages other than bokmål: the lower of their thresholds.
    assert answer.threshold("nn", "en") == answer.threshold("en", "nn") == 0.79
    # A language without a threshold counts as bokmål.
    assert answer.threshold("da", "nb") == 0.84
