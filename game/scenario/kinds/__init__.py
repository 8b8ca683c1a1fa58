"""Checks and links, one module per kind of definition."""
