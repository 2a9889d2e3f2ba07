"""Referater into the archive, one step per module:

file → `store` (originals kept byte for byte) → `parsing` (Django-free: `parsing.extract` reads
lines, `parsing.parse` builds the contract tree) → `load` (contract ↔ rows) — with `process` the
one entry point that the `ingest` command, the upload worker and the admin all use.
"""
