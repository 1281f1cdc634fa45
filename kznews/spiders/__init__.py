"""Spiders: one per site of the registry, generated in sites.py from kznews.sites.SITES; the logic is in
engine.py."""
