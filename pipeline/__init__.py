"""Plain functions that compose the extractors into stages — parse, consolidate, publish, report — plus
the catalog, the settings and the CLI. No Prefect here: every stage runs and tests without it."""
