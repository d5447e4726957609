"""Command line front end over core, storage, render and export (no Qt loaded)."""
