"""The archive's public pages, one module per kind of page."""
