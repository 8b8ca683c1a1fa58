"""Rapallo: a turn-based historical diplomacy strategy game and scenario engine."""

__version__ = "0.1.0"
