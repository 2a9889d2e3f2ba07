"""The variety corpus: meetings rendered in many templates, with exact expected parses.

A structured meeting (model.py; from the seeds in from_seeds.py, new ones in new/) is shaped by a
template's structural choices (template.py, shape.py), laid out as blocks (compose.py, worded by
wording.py) and drawn as text, Markdown (render_text.py) or a born-digital PDF (render_pdf.py).
The expected tree (expected.py, where the judgement calls are written down) is read from the same
shaped meeting. matrix.py names the variations; build.py renders and writes them;
scripts/make_variants.py is the command line.
"""
