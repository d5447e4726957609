"""Publishing: send an article to a CMS (WordPress REST, a Git-kept Hugo/Jekyll site) through
a durable outbox, and make the paste kit for CMSs without an API. No Qt here.

See docs/publishing.md.
"""

from editor.publish.errors import (
    AuthError,
    ConflictError,
    PublishError,
    RemoteError,
    UnreachableError,
)

__all__ = ["AuthError", "ConflictError", "PublishError", "RemoteError", "UnreachableError"]
