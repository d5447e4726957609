"""Files: the .article container, page-bundle folders, .md pages, atomic writes."""

from editor.storage.document import Kind, kind_of, read_article, write_article

__all__ = ["Kind", "kind_of", "read_article", "write_article"]
