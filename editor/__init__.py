"""Article Editor: an offline desktop editor for news reporters."""

__version__ = "0.1.0"
