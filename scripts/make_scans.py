"""Make office-scanner copies of born-digital test PDFs: image-only PDFs to test OCR on.

Run: .venv/bin/python scripts/make_scans.py OUTDIR [--only GLOB] [--limit N] [--dpi 200]

Each born-digital variant PDF (scripts/variants) is rasterised at 200 dpi in grey, tilted by up
to ±0.5°, blurred a little, given speckle noise and saved as a JPEG page of an image-only PDF
(Pillow), which is what a scanner in an office produces. Beside each scan its born-digital
twin's expectations are written as `NAME.expected.json`, so benchmarks/ocr_speed.py can score
the scan against the same facts. `scan(pdf_bytes)` does the same for any PDF in memory.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def scan(
    data: bytes, *, dpi: int = 200, seed: int = 0, tilt: float = 0.5, noise: float = 0.03,
    quality: int = 60, pages: int | None = None,
) -> bytes:
    """A born-digital PDF → an image-only PDF as an office scanner makes it (deterministic)."""
    rng = random.Random(seed)
    document = pdfium.PdfDocument(data)
    images = []
    try:
        for index in range(min(len(document), pages or len(document))):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil().convert("L")
            bitmap.close()
            page.close()
            images.append(_degrade(image, rng, tilt, noise))
    finally:
        document.close()
    out = io.BytesIO()
    jpegs = []
    for image in images:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality)
        jpegs.append(Image.open(io.BytesIO(buffer.getvalue())))
    jpegs[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=jpegs[1:])
    return out.getvalue()


def _degrade(image: Image.Image, rng: random.Random, tilt: float, noise: float) -> Image.Image:
    angle = rng.uniform(-tilt, tilt)
    image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    # Speckle: a fraction of pixels flipped towards dark or light, as dust and toner do.
    width, height = image.size
    pixels = image.load()
    for _ in range(int(width * height * noise / 10)):
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = rng.choice((40, 90, 200, 255))
    return image


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--only", help="globs of variant names, variations or families, "
                        "separated by commas")
    parser.add_argument("--limit", type=int, help="at most this many variants")
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args(argv)
    from scripts.variants.build import expected, render, select

    args.outdir.mkdir(parents=True, exist_ok=True)
    globs = args.only.split(",") if args.only else [None]
    variants = list({v.name: v for g in globs for v in select(g, formats=("pdf",))}.values())
    variants = variants[: args.limit]
    for number, variant in enumerate(variants):
        name = variant.name.replace("--pdf", "--scan")
        tree = expected(variant)
        tree["file"] = f"{name}.pdf"
        (args.outdir / tree["file"]).write_bytes(scan(render(variant), dpi=args.dpi, seed=number))
        (args.outdir / f"{name}.expected.json").write_text(
            json.dumps(tree, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        print(args.outdir / tree["file"])


if __name__ == "__main__":
    main()
