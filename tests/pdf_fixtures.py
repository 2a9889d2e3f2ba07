"""Session fixtures: the test PDFs built from the seed referater by scripts/make_test_pdfs.py.

The test PDFs are set in DejaVu Sans (Debian's fonts-dejavu-core and fonts-dejavu-extra); without
those fonts every test that builds or reads one is skipped, saying what to install. Also
`needs_tesseract`, the mark of a test that reads a scan by OCR.
"""
from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest

from scripts.make_test_pdfs import FontsMissing, RenderResult, build_all


# The test PDFs need DejaVu Sans: a FontsMissing raised while a fixture builds them (built_pdfs,
# the hostile files) or while a test renders one itself becomes a skip naming the packages.
@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    try:
        return (yield)
    except FontsMissing as missing:
        pytest.skip(str(missing))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    try:
        return (yield)
    except FontsMissing as missing:
        pytest.skip(str(missing))


@pytest.fixture(scope="session")
def built_pdfs(tmp_path_factory) -> tuple[Path, dict[str, RenderResult | None]]:
    """Build every test PDF once per session into a temporary folder."""
    outdir = tmp_path_factory.mktemp("pdfs")
    return outdir, build_all(outdir)


@pytest.fixture(scope="session")
def test_pdfs(built_pdfs) -> dict[str, Path]:
    """Paths by name: "001.pdf" … "004.pdf" (born-digital), "001_scanned.pdf", "003_scanned.pdf"."""
    outdir, results = built_pdfs
    return {name: outdir / name for name in results}


@pytest.fixture(scope="session")
def born_digital_pdfs(built_pdfs) -> dict[str, RenderResult]:
    """The born-digital PDFs with their facts (bytes, page count, bilag link URLs) by name."""
    return {name: result for name, result in built_pdfs[1].items() if result is not None}


@cache
def tesseract_with_danish() -> bool:
    """Whether Tesseract and its Danish model are installed (asked once per test run)."""
    import pytesseract

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return False
    try:
        return "dan" in pytesseract.get_languages(config="")
    except OSError:  # a broken install: pytesseract's TesseractNotFoundError
        return False


def needs_tesseract(test):
    """Mark a test `ocr` and skip it, saying what to install, without Tesseract's Danish model."""
    skip = pytest.mark.skipif(
        not tesseract_with_danish(),
        reason="Tesseract with the Danish model is not installed (apt-get install tesseract-ocr "
        "tesseract-ocr-dan)",
    )
    return pytest.mark.ocr(skip(test))
