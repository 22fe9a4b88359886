"""Settings come from the environment and from a `.env` file, the environment winning."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import Settings


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
