"""Where the browser tests find Chromium, and the reason they give when there is none."""
from pathlib import Path

from tests.browser_support import find_chromium


def _executable(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_the_chromium_variable_wins(monkeypatch, tmp_path):
    chosen = _executable(tmp_path, "my-chromium")
    monkeypatch.setenv("CHROMIUM", str(chosen))
    assert find_chromium() == (chosen, "")


def test_a_chromium_variable_naming_no_executable_is_the_reason(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "missing"))
    path, reason = find_chromium()
    assert path is None
    assert reason == f"CHROMIUM={tmp_path / 'missing'} is not an executable file"


def test_chromium_browser_on_the_path_is_found(monkeypatch, tmp_path):
    monkeypatch.delenv("CHROMIUM", raising=False)
    found = _executable(tmp_path, "chromium-browser")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_chromium() == (found, "")


def test_without_chromium_the_reason_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    path, reason = find_chromium()
    assert path is None
    assert "apt-get install chromium" in reason and "CHROMIUM" in reason
