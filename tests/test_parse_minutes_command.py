"""`manage.py parse_minutes FILE [--json]`: the parse tree, a readable summary, clean failures."""
import json
import subprocess
import sys

import pytest

from tests.paths import FIXTURES, ROOT

SEED = FIXTURES / "003_3388be411b985e9f.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "parse_minutes", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_json_prints_exactly_one_object_with_the_contract_keys():
    result = run(str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)  # fails on anything but one JSON document
    assert set(data) == {"source", "meeting", "participants", "items", "warnings"}
    assert set(data["source"]) == {"filename", "sha256", "kind", "pages"}
    assert data["source"]["filename"] == SEED.name
    assert data["meeting"]["date"] == "2021-11-25"
    item = data["items"][0]
    assert {
        "number", "section", "title", "presenters", "indstilling", "referat",
        "sagsfremstilling", "outcome", "attachments", "pages",
    } <= set(item)
    assert item["number"] == "1.1"
    assert item["attachments"][0]["label"] == "Bilag 1"
    # Danish letters are printed as they are, not as \\u escapes.
    assert "Børnehuset Midt" in result.stdout


def test_without_json_it_prints_a_readable_summary():
    result = run(str(SEED))
    assert result.returncode == 0, result.stderr
    assert "DASSOS 2021-11-25, 09:00-12:00" in result.stdout
    assert "Deltagere: 20 til stede, 5 fraværende" in result.stdout
    assert "1.4 Kapacitet på sikrede institutioner" in result.stdout
    assert "[besluttet]" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Filen er tom."),
        (bytes(range(256)) * 40, "Filen er hverken en PDF-fil eller et tekstdokument."),
        (
            "Indkøbsliste\n\nMælk\nBrød\n".encode(),
            "Dokumentet ligner ikke et referat eller en dagsorden fra et møde.",
        ),
    ],
    ids=["empty", "binary-junk", "not-a-referat"],
)
def test_bad_input_exits_2_with_one_sentence_and_no_traceback(tmp_path, content, message):
    path = tmp_path / "upload.txt"
    path.write_bytes(content)
    result = run(str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_warnings_are_danish_sentences_in_the_summary_and_the_json():
    seed = SEED.parent / "001_40beb81e564bf595.txt"  # no cover page: the date is inferred
    expected = (
        "Ingen forside; datoen 2020-11-23 er udledt af »oplæg til DASSOS 23.11.20« (2 gange)."
    )
    summary = run(str(seed))
    assert f"Advarsler:\n  - {expected}" in summary.stdout
    data = json.loads(run(str(seed), "--json").stdout)
    assert data["warnings"] == [expected]


def test_a_missing_file_exits_2_with_one_sentence(tmp_path):
    result = run(str(tmp_path / "missing.pdf"))
    assert result.returncode == 2
    assert "Filen findes ikke" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
