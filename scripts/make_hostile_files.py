"""Write a corpus of hostile referat files into a folder, with what the archive must make of each.

    .venv/bin/python scripts/make_hostile_files.py OUTDIR [--skip-huge]

Every file is generated (nothing big is committed). `HOSTILE` names each file with the expected
result under the default limits: "parse" (a correct parse of the seed it was made from) or a
pattern the one-sentence error must match. The image-only PDF expects its OCR error only when
Tesseract is unavailable (tests simulate that); with OCR it would be read.
"""
from __future__ import annotations

import io
import random
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = "004_eed90c9ef06859eb.txt"  # DASSOS 1 March 2024, 9 items
MB = 1024 * 1024


@dataclass(frozen=True)
class Hostile:
    name: str
    expect: str  # "parse", or a regex the (Danish) error message must match
    about: str


HOSTILE = [
    Hostile("empty.pdf", r"^Filen er tom\.$", "zero bytes"),
    Hostile("random.pdf", r"^Filen er hverken en PDF-fil eller et tekstdokument\.$",
            "64 KB of random bytes with a .pdf name"),
    Hostile("truncated.pdf", r"^PDF-filen er afkortet eller beskadiget; dens slutning mangler\.$",
            "a born-digital referat cut off halfway"),
    Hostile("encrypted.pdf", r"^PDF-filen er krypteret; fjern adgangskoden og upload den igen\.$",
            "a password-protected PDF"),
    Hostile("thousands_of_pages.pdf", r"^PDF-filen har 5000 sider; grænsen er 500\.$",
            "5,000 pages"),
    Hostile("bomb.pdf", r"^Side 1 i PDF-filen fylder mere end \d+ MB udpakket; den afvises som "
            r"en dekomprimeringsbombe\.$", "a 1 GB content stream compressed to about 1 MB"),
    Hostile("bomb_many_streams.pdf", r"^Side 1 i PDF-filen fylder mere end \d+ MB udpakket",
            "one page with 200 content streams of 4 MB each"),
    Hostile("scanned.pdf", r"^PDF-filen er scannet og kræver Tesseract",
            "an image-only PDF (no text layer), read when OCR is unavailable"),
    Hostile("cp1252.txt", "parse", "the seed referat in Windows-1252"),
    Hostile("latin1.txt", "parse", "the seed referat in ISO-8859-1"),
    Hostile("utf16.txt", "parse", "the seed referat in UTF-16 with a byte-order mark"),
    Hostile("utf16_no_bom.txt", r"^Filen er hverken en PDF-fil eller et tekstdokument\.$",
            "the seed referat in UTF-16 without a byte-order mark"),
    Hostile("long_text.txt", r"^Tekstfilen fylder \d+\.\d MB; et referat som tekst må højst fylde",
            "the seed referat repeated to 10 MB"),
    Hostile("operator_flood.pdf", r"^Læsningen af filen (krævede mere end \d+ MB hukommelse|tog "
            r"mere end \d+ sekunder)", "12 KB inflating to 4 MB of text-showing operators"),
    Hostile("double_flate.pdf", r"^Side 1 i PDF-filen fylder mere end \d+ MB udpakket",
            "a 1 GB content stream behind [/FlateDecode /FlateDecode]"),
    Hostile("form_bomb.pdf", r"^Side 1 i PDF-filen fylder mere end \d+ MB udpakket",
            "a Form XObject inflating to 1 GB"),
    Hostile("nested_forms.pdf", r"^Side 1 i PDF-filen fylder mere end \d+ MB udpakket",
            "Form XObjects drawing the next ten times, eight deep (10^8 draws)"),
    Hostile("self_drawing_form.pdf", r"^Side 1 i PDF-filen tegner figurer i hinanden mere end "
            r"\d+ lag dybt", "a Form XObject that draws itself"),
    Hostile("deep_page_tree.pdf", r"^PDF-filen er beskadiget", "a page tree 1,000 levels deep"),
    Hostile("blank_media_box.pdf", r"^PDF-filen er beskadiget", "a page with /MediaBox [ ]"),
    Hostile("brackets.txt", r"^(?!.*intern fejl)", "a line of 120,000 '[' characters"),
    Hostile("huge.pdf", r"^Filen fylder 105 MB; grænsen er 52 MB\.$",
            "100 MB (a referat PDF padded with junk)"),
]


def seed_text() -> str:
    return (FIXTURES / SEED).read_text(encoding="utf-8")


def seed_pdf() -> bytes:
    from scripts.make_test_pdfs import render_seed

    return render_seed(seed_text(), SEED).pdf


def one_page_pdf(streams: list[bytes]) -> bytes:
    """A minimal hand-built PDF whose one page has the given (already deflated) content streams."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ["
        + b" ".join(b"%d 0 R" % (4 + n) for n in range(len(streams)))
        + b"] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        b" >> >> >>",
    ]
    for stream in streams:
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream + b"\nendstream"
        )
    return pdf_of(objects)


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF of these numbered objects (1 is the catalog), with its cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object's text: `data` as it is stored, with `extra` dictionary entries."""
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page_with(
    contents: bytes, resources: bytes = b"", box: bytes = b"[0 0 595 842]"
) -> list[bytes]:
    """Catalog, page tree and one page (objects 1-3) drawing object 4 as its content stream."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + box + b" /Contents 4 0 R /Resources << "
        b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> "
        + resources + b" >> >>",
        contents,
    ]


def operator_flood_pdf() -> bytes:
    """12 KB whose page inflates to 4 MB of text-showing operators: millions of glyphs."""
    ops = b"BT /F1 1 Tf 72 720 Td " + b"(xxxxxxxxxxxxxxxxxxxx) Tj " * (4 * MB // 27) + b"ET"
    return pdf_of(page_with(stream(zlib.compress(ops, 9), b"/Filter /FlateDecode")))


def double_flate_pdf() -> bytes:
    """A 1 GB content stream deflated twice: [/FlateDecode /FlateDecode], a few KB."""
    twice = zlib.compress(deflated_spaces(1024 * MB, b"BT /F1 12 Tf 72 720 Td (R) Tj ET\n"), 9)
    return pdf_of(page_with(stream(twice, b"/Filter [/FlateDecode /FlateDecode]")))


def form_bomb_pdf() -> bytes:
    """The page draws one Form XObject whose stream inflates to 1 GB."""
    form = stream(deflated_spaces(1024 * MB, b"BT /F1 12 Tf 72 720 Td (R) Tj ET\n"),
                  b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Filter /FlateDecode")
    return pdf_of(page_with(stream(b"/X1 Do"), b"/XObject << /X1 5 0 R >>") + [form])


def nested_forms_pdf(depth: int = 8, fan_out: int = 10) -> bytes:
    """Forms each drawing the next ten times, eight deep: 10^8 draws from 2 KB."""
    objects = page_with(stream(b"/X1 Do"), b"/XObject << /X1 5 0 R >>")
    for level in range(1, depth + 1):
        if level < depth:
            body = b"q /X%d Do Q " % (level + 1) * fan_out
            resources = b"/Resources << /XObject << /X%d %d 0 R >> >>" % (level + 1, 5 + level)
        else:
            body, resources = b"BT /F1 12 Tf 72 720 Td (R) Tj ET", b""
        objects.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 9 9] " + resources))
    return pdf_of(objects)


def self_drawing_form_pdf() -> bytes:
    """A Form XObject that draws itself: endless nesting from a few hundred bytes."""
    form = stream(b"/X1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 9 9] "
                  b"/Resources << /XObject << /X1 5 0 R >> >>")
    return pdf_of(page_with(stream(b"/X1 Do"), b"/XObject << /X1 5 0 R >>") + [form])


def deep_page_tree_pdf(depth: int = 1000) -> bytes:
    """A page tree 1,000 levels deep above its one page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        parent = b" /Parent %d 0 R" % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (number + 1, parent))
    page = 2 + depth
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>"
                   % (page - 1, page + 1))
    objects.append(stream(b"BT /F1 12 Tf 72 720 Td (Referat) Tj ET"))
    return pdf_of(objects)


def blank_media_box_pdf() -> bytes:
    """A page whose /MediaBox has no numbers."""
    return pdf_of(page_with(stream(b"BT /F1 12 Tf 72 720 Td (Referat) Tj ET"), box=b"[ ]"))


def control_glyph_pdf() -> bytes:
    """A font whose encoding maps '@' to ESC (U+001B): 'DASSOS @ Referat'."""
    objects = page_with(
        stream(b"BT /F2 12 Tf 72 720 Td (DASSOS @ Referat) Tj ET"),
        b"/Font << /F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding << /Type /Encoding /Differences [64 /uni001B] >> >> >>",
    )
    objects[2] = objects[2].replace(
        b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> ", b""
    )
    return pdf_of(objects)


def deflated_spaces(size: int, prefix: bytes = b"") -> bytes:
    """`prefix` and then `size` spaces, deflated chunk by chunk (never all in memory)."""
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(prefix)]
    chunk = b" " * MB
    for _ in range(size // MB):
        parts.append(compressor.compress(chunk))
    parts.append(compressor.flush())
    return b"".join(parts)


def many_pages_pdf(pages: int) -> bytes:
    """A PDF of `pages` pages with one short line of text each."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    for number in range(1, pages + 1):
        canvas.drawString(72, 770, f"DASSOS Referat 1.3.24 side {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, encrypt="hemmelig")
    for line, text in enumerate(seed_text().splitlines()[:40]):
        canvas.drawString(72, 770 - 14 * line, text.replace("\t", " "))
    canvas.save()
    return buffer.getvalue()


def write_huge(path: Path, size: int, head: bytes) -> None:
    """A `size`-byte file written in chunks: a real PDF followed by junk up to the size."""
    rng = random.Random(100)
    with path.open("wb") as handle:
        handle.write(head)
        written = len(head)
        junk = bytes(rng.getrandbits(8) for _ in range(MB))
        while written < size:
            part = junk[: size - written]
            handle.write(part)
            written += len(part)


def build(outdir: Path, *, huge: bool = True) -> dict[str, Path]:
    """Write every hostile file into outdir; returns their paths by name."""
    from scripts.make_test_pdfs import scan_pages

    outdir.mkdir(parents=True, exist_ok=True)
    text = seed_text()
    pdf = seed_pdf()
    rng = random.Random(7)
    files: dict[str, bytes] = {
        "empty.pdf": b"",
        "random.pdf": bytes(rng.getrandbits(8) for _ in range(64 * 1024)),
        "truncated.pdf": pdf[: len(pdf) // 2],
        "encrypted.pdf": encrypted_pdf(),
        "thousands_of_pages.pdf": many_pages_pdf(5000),
        "bomb.pdf": one_page_pdf(
            [deflated_spaces(1024 * MB, b"BT /F1 12 Tf 72 720 Td (Referat) Tj ET\n")]
        ),
        "bomb_many_streams.pdf": one_page_pdf([deflated_spaces(4 * MB)] * 200),
        "scanned.pdf": scan_pages(pdf, (1,)),
        "cp1252.txt": text.encode("cp1252", errors="replace"),
        "latin1.txt": text.encode("latin-1", errors="replace"),
        "utf16.txt": text.encode("utf-16"),
        "utf16_no_bom.txt": text.encode("utf-16-le"),
        "operator_flood.pdf": operator_flood_pdf(),
        "double_flate.pdf": double_flate_pdf(),
        "form_bomb.pdf": form_bomb_pdf(),
        "nested_forms.pdf": nested_forms_pdf(),
        "self_drawing_form.pdf": self_drawing_form_pdf(),
        "deep_page_tree.pdf": deep_page_tree_pdf(),
        "blank_media_box.pdf": blank_media_box_pdf(),
        "brackets.txt": b"[" * 120_000 + b"\n",
        "long_text.txt": text.encode("utf-8") * (10 * MB // len(text.encode("utf-8")) + 1),
    }
    paths = {}
    for name, data in files.items():
        (outdir / name).write_bytes(data)
        paths[name] = outdir / name
    if huge:
        write_huge(outdir / "huge.pdf", 100 * MB, pdf)
        paths["huge.pdf"] = outdir / "huge.pdf"
    return paths


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print("usage: python scripts/make_hostile_files.py OUTDIR [--skip-huge]", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    paths = build(Path(args[0]), huge="--skip-huge" not in argv)
    about = {h.name: h.about for h in HOSTILE}
    for name, path in paths.items():
        print(f"{path.stat().st_size:>12,}  {name:<24} {about[name]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
