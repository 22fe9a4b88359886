"""End to end in a real browser: `policy-assistant up` starts service and app, a person asks.

Headless Chromium from Debian's `chromium` package, driven by Playwright (nothing downloaded).
Screenshots go to a temporary folder, or to the folder in UI_SCREENSHOTS (`UI_SCREENSHOTS=docs`
refreshes the README's).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from assistant.settings import Settings
from tests.helpers import ROOT, free_port

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUESTION = "Hva betyr det at kommunen skal være brobygger?"

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing in CI: `make system-deps` installs Debian's chromium")
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (`make system-deps`)",
        allow_module_level=True,
    )


@dataclass
class Running:
    """`policy-assistant up` with its addresses and what it printed."""

    process: subprocess.Popen[str]
    api: str
    ui: str
    log: Path


def wait_for(url: str, process: subprocess.Popen[str], seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "policy-assistant up stopped"
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not come up")


@pytest.fixture(scope="module")
def running(
    paper_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Running]:
    """Service and app started by the one command, over a fresh index of the paper."""
    folder = tmp_path_factory.mktemp("browser")
    env = {
        **os.environ,
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(paper_settings.corpus.folder),
        "POLICY_ASSISTANT_STORE__PATH": str(folder / "store"),
        "POLICY_ASSISTANT_UI__API_URL": "",
    }
    command = [sys.executable, "-m", "assistant"]
    subprocess.run([*command, "index"], env=env, cwd=ROOT, check=True, capture_output=True)
    api_port, ui_port = free_port(), free_port()
    log = folder / "up.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [*command, "up", "--port", str(api_port), "--ui-port", str(ui_port)],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    up = Running(process, f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{ui_port}", log)
    try:
        wait_for(f"{up.api}/ready", process)
        wait_for(f"{up.ui}/_stcore/health", process)
        yield up
    finally:
        process.send_signal(signal.SIGINT)  # what Ctrl-C does
        process.wait(timeout=30)
    for url in (up.api, up.ui):
        with pytest.raises(httpx.HTTPError):
            httpx.get(url, timeout=2)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("UI_SCREENSHOTS")
    folder = (ROOT / chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_one_command_prints_the_address_to_open(running: Running) -> None:
    # The command prints once its own check finds both up, which may come after ours.
    deadline = time.monotonic() + 60
    while f"open {running.ui}" not in running.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.3)
    assert f"open {running.ui}" in running.log.read_text()


def test_a_person_asks_sees_the_streamed_answer_and_opens_a_source(
    running: Running, browser: Any, shots: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(running.ui)
    page.get_by_placeholder("Still et spørsmål om litteraturen").fill(QUESTION)
    page.keyboard.press("Enter")
    page.locator(".pa-answer").wait_for(timeout=90_000)
    assert re.search(r"\[1\]", page.locator(".pa-answer").inner_text())
    assert "POST /chat/stream" in running.log.read_text(), "the answer came over the stream"
    source = page.locator("summary").filter(has_text="[1]").first
    source.click()
    marked = page.locator("mark").first
    marked.wait_for(state="visible", timeout=30_000)
    assert marked.inner_text().strip()
    page.screenshot(path=str(shots / "chat.png"), full_page=True)
    page.close()


def test_the_roles_page_shows_a_role_with_its_sources(
    running: Running, browser: Any, shots: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(running.ui)
    page.get_by_role("link", name="Roller").click()
    page.get_by_text("Hva litteraturen sier", exact=True).wait_for(timeout=90_000)
    page.locator(".pa-answer").first.wait_for(timeout=90_000)
    assert page.get_by_role("heading", name="Forvalter").count() >= 1
    page.screenshot(path=str(shots / "roles.png"), full_page=True)
    page.close()


def pick(page: Any, choice: Any, option: str, tries: int = 4) -> None:
    """Choose an option of a multiselect. A click while the app reruns (on a busy machine)
    opens a list the rerun closes again: open it until the option shows."""
    from playwright.sync_api import TimeoutError as NotShown

    for _ in range(tries):
        choice.click()
        wanted = page.get_by_role("option", name=option)
        try:
            wanted.wait_for(timeout=10_000)
        except NotShown:
            page.keyboard.press("Escape")
            continue
        wanted.click()
        page.keyboard.press("Escape")
        return
    raise AssertionError(f"the option {option!r} never showed")


def test_the_brief_is_built_in_the_browser(running: Running, browser: Any, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(running.ui)
    page.get_by_role("link", name="Verkstedsnotat").click()
    choices = page.locator('[data-testid="stMultiSelect"]')
    pick(page, choices.nth(0), "brobygger")
    pick(page, choices.nth(1), "samstyring")
    page.get_by_role("button", name="Lag notat").click()
    area = page.locator("textarea")
    area.wait_for(timeout=90_000)
    assert area.input_value().startswith("# Verkstedsnotat: brobygger, samstyring")
    assert "### Samstyring\n\n> «" in area.input_value()
    page.screenshot(path=str(shots / "brief.png"), full_page=True)
    page.close()


def test_the_api_docs_load_offline(running: Running, browser: Any) -> None:
    page = browser.new_page()
    requested: set[str] = set()
    answered: set[str] = set()
    blocked: set[str] = set()

    def host(url: str) -> str | None:
        return urlparse(url).netloc if url.startswith("http") else None

    page.on("request", lambda r: requested.add(host(r.url) or ""))
    page.on("response", lambda r: answered.add(host(r.url) or ""))
    page.on("requestfailed", lambda r: blocked.add(host(r.url) or "") if r.failure == "csp" else 0)
    page.goto(f"{running.api}/docs")
    page.get_by_text("/chat/stream").first.wait_for(timeout=30_000)
    page.goto(f"{running.api}/redoc")
    page.get_by_text("Cited answers over the policy literature").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    service = urlparse(running.api).netloc
    # Everything the pages load comes from the service; ReDoc's attempt at its CDN-hosted logo
    # is stopped by the pages' content security policy before it leaves the browser.
    assert answered - {""} == {service}
    assert requested - {"", service} <= blocked
    page.close()


def test_shots_are_pictures(shots: Path) -> None:
    for name in ("chat", "roles", "brief"):
        picture = shots / f"{name}.png"
        assert picture.exists() and picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
