"""Clean a scanned page before OCR: denoise, straighten and binarise it (OpenCV).

OpenCV (opencv-python-headless) does all three with one well-kept, wheel-only library that has
no GUI or system dependencies: a median filter takes out scanner speckle, the skew is measured
by the sharpness of the rows' ink profile (text lines give the sharpest profile when level) and
undone by one affine rotation, and Otsu's threshold binarises the page. Tesseract's own
binarisation works on the noisy grey page and is misled by speckle; the `deskew` package
measures the angle only and would still need OpenCV or scikit-image to rotate and threshold.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

MAX_SKEW = 3.0  # degrees: scanners tilt a page a little; more is a page laid in sideways
SKEW_STEP = 0.1


def clean_page(image: Image.Image) -> tuple[Image.Image, float]:
    """A grey page image → (black-on-white binary image, the skew in degrees that was undone)."""
    import cv2

    grey = np.asarray(image.convert("L"))
    denoised = cv2.medianBlur(grey, 3)
    angle = skew_angle(denoised)
    if abs(angle) >= SKEW_STEP / 2:
        height, width = denoised.shape
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
        denoised = cv2.warpAffine(
            denoised, matrix, (width, height), flags=cv2.INTER_CUBIC,
            borderMode=cv2.BORDER_CONSTANT, borderValue=255,
        )
    _, binary = cv2.threshold(denoised, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return Image.fromarray(binary), angle


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
