"""WordPress over its REST API with an application password (works for an Author account).

Images go first (largest rendition, alt/caption/credit on the media item); the body's image
references are rewritten to the uploads with WordPress's own `wp-image-<id>` class, so
WordPress adds srcset itself when it shows the post (an Author may not send srcset); the lead
becomes the featured image and is left out of the content; title and excerpt are sent
escaped so `<PD수첩>` stays text.
"""

from __future__ import annotations

import hashlib
import html
import re
import urllib.parse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from editor.core.assignment import embargo_notice, is_embargoed, release_time
from editor.core.model import Article, LeadImage, Status
from editor.export.fields import Prepared, prepare
from editor.publish.errors import AuthError, ConflictError, ErrorCode, RemoteCopy, RemoteError
from editor.publish.http import JsonClient
from editor.publish.records import content_hash
from editor.publish.targets import Sent
from editor.publish.wp_content import post_content
from editor.render.profiles import load_profile

Progress = Callable[[str, int, int], None]
Journal = Callable[[dict[str, Any]], None]
STATUS = {Status.DRAFT: "draft", Status.READY: "pending", Status.APPROVED: "publish"}
WP_STATUSES = ("draft", "pending", "publish", "future", "private")


def wp_status(article: Article, now: datetime, wanted: str | None = None) -> tuple[str, str]:
    """Return the WordPress status and date_gmt ("" for none) for the article.

    Under an embargo the post's date is the embargo's end (or a later publish time), so
    WordPress holds a published post as scheduled (`future`) until then.
    """
    status = wanted or STATUS[article.status]
    when = release_time(article) if is_embargoed(article, now) else article.published
    if status == "publish" and when is not None and when.astimezone(UTC) > now.astimezone(UTC):
        status = "future"
    if status == "future" and when is None:
        status = "publish"
    date_gmt = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S") if when else ""
    return status, date_gmt


class WordPressPublisher:
    """Publish articles to one WordPress site as one user."""

    def __init__(self, url: str, user: str, password: str, *, timeout: float = 60.0) -> None:
        self.client = JsonClient(url, user, password, timeout)
        self.site = self.client.base

    def endpoint(self, route: str, **query: Any) -> str:
        """Return the URL of a REST route; ?rest_route= works without pretty permalinks."""
        params = {"rest_route": route, **{k: v for k, v in query.items() if v is not None}}
        return f"{self.site}/?{urllib.parse.urlencode(params)}"

    def publish(
        self,
        article: Article,
        record: dict[str, Any],
        *,
        status: str | None = None,
        overwrite: bool = False,
        now: datetime | None = None,
        progress: Progress | None = None,
        journal: Journal | None = None,
    ) -> Sent:
        """Send the article: create the post, or update the one the record names.

        record is the target's record from the .article (see records.py); journal is called
        with it after every step that changed the remote, so a killed job resumes without
        sending anything twice.

        Raises:
            ConflictError: the post was edited on the web since we sent it (unless overwrite).
            AuthError, RemoteError, UnreachableError: the site refused or did not answer.
            ImageError: an image of the article is broken.
        """
        record = dict(record)
        save = journal or (lambda _record: None)
        report = progress or (lambda _stage, _done, _total: None)
        profile = load_profile(article.site)
        ready = prepare(article, profile, widths=(max(profile.image_widths),), webp=False)
        # The words come from the article itself, escaped where they are written: a field is
        # text, and the export's plain copy is for markup-taking writers.
        ready.article = _text_fields(ready.article, article)
        existing = self._existing(record) if record.get("post_id") else None
        if existing is not None and not overwrite:
            self._check_conflict(existing, record, ready)
        media = self._upload_images(ready, record, save, report)
        warnings: list[str] = []
        payload = self._payload(ready, media, status, now or datetime.now(UTC), warnings)
        report("post", 0, 1)
        post = self._write_post(payload, existing, record, save)
        report("post", 1, 1)
        record.update(
            post_id=post["id"],
            url=post.get("link", ""),
            modified_gmt=post.get("modified_gmt", ""),
            sent_hash=_post_hash(post),
            creating=False,
        )
        save(record)
        return Sent(str(post["id"]), record["url"], post.get("status", ""), record, warnings,
                    created=existing is None)  # fmt: skip

    # -- the post ---------------------------------------------------------------------------
    def _existing(self, record: dict[str, Any]) -> dict[str, Any] | None:
        """Return the post the record names, or None when it was deleted on the web."""
        try:
            return self.client.call(
                "GET", self.endpoint(f"/wp/v2/posts/{int(record['post_id'])}", context="edit")
            ).data
        except RemoteError as exc:
            if exc.status in (404, 410):
                return None
            raise

    def _check_conflict(self, post: dict[str, Any], record: dict[str, Any], ready) -> None:
        # The words decide, not the clock: WordPress's modified time has whole seconds, and a
        # touch that left title, excerpt and content as we sent them is no edit to keep.
        if _post_hash(post) == record.get("sent_hash"):
            return
        raise ConflictError(
            ErrorCode.WEB_CHANGED,
            modified=post.get("modified_gmt", "?"),
            remote=_copy(post),
            ours=RemoteCopy(ready.article.headline, ready.article.summary, post_content(ready, {})),
        )

    def _write_post(self, payload, existing, record, save) -> dict[str, Any]:
        if existing is not None:
            return self.client.call(
                "POST", self.endpoint(f"/wp/v2/posts/{existing['id']}"), json_body=payload
            ).data
        if record.get("creating"):
            found = self._find_own_post(payload["slug"])  # killed after the server made it
            if found is not None:
                return self.client.call(
                    "POST", self.endpoint(f"/wp/v2/posts/{found}"), json_body=payload
                ).data
        record["creating"] = True
        save(record)
        return self.client.call("POST", self.endpoint("/wp/v2/posts"), json_body=payload).data

    def _find_own_post(self, slug: str) -> int | None:
        me = self.client.call("GET", self.endpoint("/wp/v2/users/me")).data["id"]
        found = self.client.call(
            "GET",
            self.endpoint("/wp/v2/posts", slug=slug, author=me, context="edit",
                          status="draft,pending,publish,future,private"),
        ).data  # fmt: skip
        return found[0]["id"] if found else None

    def _payload(self, ready: Prepared, media, status, now, warnings) -> dict[str, Any]:
        article = ready.article
        wp_state, date_gmt = wp_status(article, now, status)
        lead = ready.lead_key()
        payload: dict[str, Any] = {
            # Escaped: WordPress treats title and excerpt as HTML and would drop <PD수첩>.
            "title": html.escape(article.headline.strip(), quote=False),
            "excerpt": html.escape(article.summary.strip(), quote=False),
            "content": post_content(ready, media),
            "status": wp_state,
            "slug": _slug(article),
            "featured_media": media[lead]["id"] if lead in media else 0,
            "tags": self._terms("tags", article.tags, warnings),
            "categories": self._terms("categories", [article.section], warnings),
        }
        embargoed = is_embargoed(article, now)
        if date_gmt and (wp_state in ("future", "publish") or embargoed):
            # A held draft or pending post carries the date too: WordPress then offers the
            # desk "Schedule", not "Publish".
            payload["date_gmt"] = date_gmt
        if embargoed:
            warnings.append(embargo_notice(article, now))
        if not payload["categories"]:
            del payload["categories"]  # WordPress then files it under its default category
        return payload

    # -- terms ------------------------------------------------------------------------------
    def _terms(self, kind: str, names: list[str], warnings: list[str]) -> list[int]:
        """Return the ids of tags or categories by name, creating the missing ones."""
        ids: list[int] = []
        for name in (n.strip() for n in names):
            if not name:
                continue
            term = self._term_id(kind, name, warnings)
            if term is not None and term not in ids:
                ids.append(term)
        return ids

    def _term_id(self, kind: str, name: str, warnings: list[str]) -> int | None:
        # WordPress keeps term names as HTML: sent as typed, "<JTBC>" would be stripped to "".
        escaped = html.escape(name, quote=False)
        found = self.client.call(
            "GET", self.endpoint(f"/wp/v2/{kind}", search=escaped, per_page=100)
        ).data
        for term in found or []:
            if html.unescape(term.get("name", "")) == name:
                return int(term["id"])
        try:
            made = self.client.call(
                "POST", self.endpoint(f"/wp/v2/{kind}"), json_body={"name": escaped}
            ).data
        except AuthError:
            label = "tag" if kind == "tags" else "category"
            warnings.append(
                f"The {label} “{name}” does not exist on the site and this account may not "
                "create it; the post was sent without it."
            )
            return None
        except RemoteError as exc:
            if exc.remote_code == "term_exists":  # made by someone else a moment ago
                return self._term_id(kind, name, warnings)
            raise
        return int(made["id"])

    # -- images -----------------------------------------------------------------------------
    def _upload_images(self, ready: Prepared, record, save, report) -> dict[str, dict]:
        """Upload each image once (by content hash); return image key -> media item."""
        known: dict[str, dict] = dict(record.get("media") or {})
        out: dict[str, dict] = {}
        total = len(ready.images)
        for done, (key, image) in enumerate(ready.images.items()):
            report("images", done, total)
            rendition = image.renditions[0]
            digest = hashlib.sha256(rendition.data).hexdigest()[:12]
            item = known.get(digest) or self._find_media(digest)
            if item is None:
                item = self._upload(ready, key, rendition, digest)
            known[digest] = item
            out[key] = item
            record["media"] = known
            save(record)
        report("images", total, total)
        return out

    def _find_media(self, digest: str) -> dict | None:
        """Find an upload of ours from a run killed before it could note it."""
        found = self.client.call(
            "GET", self.endpoint("/wp/v2/media", search=digest, per_page=10)
        ).data
        for item in found or []:
            if digest in str(item.get("source_url", "")):
                return _media(item)
        return None

    def _upload(self, ready: Prepared, key: str, rendition, digest: str) -> dict:
        alt, caption, credit = _image_text(ready, key)
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", ready.stems[key].rsplit("/", 1)[-1]).strip("-")
        name = f"{stem or 'image'}-{digest}{rendition.suffix}"
        fields = {"alt_text": alt, "caption": html.escape(caption, quote=False),
                  "description": html.escape(credit, quote=False),
                  "title": html.escape(caption or alt or stem, quote=False)}  # fmt: skip
        item = self.client.call(
            "POST",
            self.endpoint("/wp/v2/media", **fields),
            data=rendition.data,
            headers={
                "Content-Type": rendition.mime,
                "Content-Disposition": f'attachment; filename="{name}"',
            },
        ).data
        return _media(item)


def _text_fields(copy: Article, article: Article) -> Article:
    """Return the plain copy with the article's own text fields (as the reporter typed them)."""
    copy.headline, copy.subhead, copy.summary = article.headline, article.subhead, article.summary
    copy.tags, copy.section = list(article.tags), article.section
    if copy.lead_image.src:
        copy.lead_image = LeadImage(copy.lead_image.src, article.lead_image.alt,
                                    article.lead_image.caption, article.lead_image.credit)  # fmt: skip
    return copy


def _image_text(ready: Prepared, key: str) -> tuple[str, str, str]:
    """Return alt, caption and credit of an image: the lead's fields, or the body's."""
    lead = ready.article.lead_image
    if key == ready.lead_key():
        return lead.alt.strip(), lead.caption.strip(), lead.credit.strip()
    from editor.publish.wp_content import body_image_text

    return body_image_text(ready, key)


def _media(item: dict[str, Any]) -> dict[str, Any]:
    details = item.get("media_details") or {}
    return {
        "id": int(item["id"]),
        "url": item.get("source_url", ""),
        "width": details.get("width"),
        "height": details.get("height"),
    }


def _slug(article: Article) -> str:
    from editor.export import bundle_slug

    return bundle_slug(article)


def _raw(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("raw", value.get("rendered", "")))
    return str(value or "")


def _post_hash(post: dict[str, Any]) -> str:
    return content_hash(_raw(post.get("title")), _raw(post.get("excerpt")),
                        _raw(post.get("content")))  # fmt: skip


def _copy(post: dict[str, Any]) -> RemoteCopy:
    return RemoteCopy(
        html.unescape(_raw(post.get("title"))),
        html.unescape(_raw(post.get("excerpt"))),
        _raw(post.get("content")),
        str(post.get("modified_gmt", "")),
        str(post.get("link", "")),
    )
