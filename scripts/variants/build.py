"""Render a variant to bytes, derive its expected tree, and write selections of them to a folder."""
from __future__ import annotations

import json
from fnmatch import fnmatch
from pathlib import Path

from scripts.variants.compose import compose
from scripts.variants.expected import expected_tree
from scripts.variants.matrix import Variant, all_variants, meetings
from scripts.variants.model import Meeting
from scripts.variants.render_pdf import render_pdf
from scripts.variants.render_text import render_text
from scripts.variants.shape import shape


def shaped(variant: Variant) -> Meeting:
    return shape(meetings()[variant.meeting_key], variant.template)


def render(variant: Variant) -> bytes:
    """The variant's file: a PDF, or UTF-8 text (plain or Markdown)."""
    m, t = shaped(variant), variant.template
    blocks = compose(m, t)
    if variant.fmt == "pdf":
        return render_pdf(blocks, m, t)
    return render_text(blocks, m, t, markdown=variant.fmt == "md").encode("utf-8")


def expected(variant: Variant) -> dict:
    """The facts a perfect parser reads from the variant's file, with what made the variant."""
    tree = expected_tree(shaped(variant), variant.template, variant.fmt, variant.filename)
    tree["variant"] = {
        "name": variant.name,
        "variation": variant.variation,
        "family": variant.family,
        "meeting": variant.meeting_key,
        "origin": meetings()[variant.meeting_key].origin,
        "format": variant.fmt,
        "template": variant.template.changes(),
    }
    return tree


def select(only: str | None = None, formats: tuple[str, ...] = ("txt", "md", "pdf")) -> list[
    Variant
]:
    """Variants whose name, variation or family matches the glob `only`, in the given formats."""
    out = []
    for variant in all_variants():
        if variant.fmt not in formats:
            continue
        names = (variant.name, variant.variation, variant.family)
        if only and not any(fnmatch(name, only) for name in names):
            continue
        out.append(variant)
    return out


def write(outdir: Path, variants: list[Variant]) -> list[Path]:
    """Write each variant's file and its `<name>.expected.json`; returns the files written."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for variant in variants:
        path = outdir / variant.filename
        path.write_bytes(render(variant))
        (outdir / f"{variant.name}.expected.json").write_text(
            json.dumps(expected(variant), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written
