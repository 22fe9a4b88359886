"""The documentation keeps up with the code."""

from __future__ import annotations

from assistant.cli import build_parser
from assistant.settings import settings_table
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text()


def test_readme_settings_table_matches_the_settings_object() -> None:
    start = README.index("<!-- settings:start -->") + len("<!-- settings:start -->")
    end = README.index("<!-- settings:end -->")
    assert README[start:end].strip() == settings_table(), (
        "README settings table is stale: regenerate it from assistant.settings.settings_table()"
    )


def test_every_command_is_documented() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"policy-assistant {name}" in README, f"`{name}` is not in the README"


def test_quick_start_has_the_two_commands() -> None:
    assert "make run" in README and "make test" in README
