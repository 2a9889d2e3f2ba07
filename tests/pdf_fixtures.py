"""Session fixtures: the test PDFs built from the seed referater by scripts/make_test_pdfs.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.make_test_pdfs import RenderResult, build_all


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
