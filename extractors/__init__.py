"""Readers, table assembly and the recognisers (deadlines, people, organisations, regions, categories).

Rules and dictionaries live as data in `extractors/data/`. Imports only `schemas`.
"""
