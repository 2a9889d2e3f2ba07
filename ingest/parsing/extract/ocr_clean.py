"""Clean a scanned page before OCR: denoise, straighten and binarise it (OpenCV).

OpenCV (opencv-python-headless) does all three with one well-kept, wheel-only library that has
no GUI or system dependencies: the skew is measured by the sharpness of the rows' ink profile
(text lines give the sharpest profile when level) and undone by one affine rotation, Otsu's
threshold binarises the page, and specks of ink too small to be part of a glyph are removed.
Tesseract's own binarisation works on the noisy grey page and is misled by speckle; the
`deskew` package measures the angle only and would still need OpenCV or scikit-image to rotate
and threshold.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

MAX_SKEW = 3.0  # degrees: scanners tilt a page a little; more is a page laid in sideways
SKEW_STEP = 0.1
# Below this Tesseract reads the lines as they are, and rotating would only soften the glyphs
# (a straight page turned by a misjudged 0.1° read "M5" as "MS5").
MIN_SKEW = 0.25
SPECK = 12  # pixels at 300 dpi: a full stop is ~40, a scanner's dust a few


def clean_page(image: Image.Image) -> tuple[Image.Image, float]:
    """A grey page image → (black-on-white binary image, the skew in degrees that was undone)."""
    import cv2

    grey = np.asarray(image.convert("L"))
    angle = skew_angle(cv2.medianBlur(grey, 3))  # speckle would blur the rows' profile
    if abs(angle) >= MIN_SKEW:
        height, width = grey.shape
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
        grey = cv2.warpAffine(
            grey, matrix, (width, height), flags=cv2.INTER_CUBIC,
            borderMode=cv2.BORDER_CONSTANT, borderValue=255,
        )
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return Image.fromarray(despeckle(binary)), angle


def despeckle(binary: np.ndarray) -> np.ndarray:
    """Specks of ink smaller than SPECK pixels turned white. Unlike a median filter this leaves
    the glyphs' thin strokes alone (a median filter made "M5" read "MS5")."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats(255 - binary, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] < SPECK
    small[0] = False  # the background
    if not small.any():
        return binary
    cleaned = binary.copy()
    cleaned[small[labels]] = 255
    return cleaned


def skew_angle(grey: np.ndarray) -> float:
    """The rotation (degrees, counter-clockwise) that levels the page's text lines.

    Measured on a quarter-size copy: for each candidate angle the ink is summed per row; level
    text gives alternating full and empty rows, the largest variance of the row sums.
    """
    import cv2

    small = cv2.resize(grey, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if ink.sum() == 0:
        return 0.0
    height, width = ink.shape
    centre = (width / 2, height / 2)
    ink = ink.astype(np.float32)
    best, best_score = 0.0, -1.0
    steps = int(round(MAX_SKEW / SKEW_STEP))
    for step in range(-steps, steps + 1):
        angle = step * SKEW_STEP
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rotated = cv2.warpAffine(ink, matrix, (width, height), flags=cv2.INTER_NEAREST)
        score = float(np.var(rotated.sum(axis=1)))
        if score > best_score:
            best, best_score = angle, score
    return best
