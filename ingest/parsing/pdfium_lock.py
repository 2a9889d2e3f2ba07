"""One lock for every use of pdfium in the process.

pdfium is not thread-safe, not even for different documents: two threads in it at once (an OCR
page render beside a review page's image, a privacy check, a test PDF) can crash the process.
Every caller opens, reads and closes pdfium documents inside `with PDFIUM:`.
"""
import threading

PDFIUM = threading.RLock()
