"""Parsing DASSOS referater (text, PDF, scanned PDF) into a plain tree, and loading it.

The pure-Python half (extract, parse, the contract) has no Django imports; loading into the
database lives in ingest.load.
"""
