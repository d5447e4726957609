"""Site profiles: an outlet's page as data (site.yaml, Jinja2 templates, CSS, fonts).

A profile is a folder `<id>/` holding `site.yaml` and the files it names. Bundled profiles live
in resources/sites/; a user's own profiles in their config folder override bundled ones with
the same id. No code knows any outlet: colours, widths and strings all come from site.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin, urlsplit

from editor import resources
from editor.core.errors import ErrorCode, ProfileError

if TYPE_CHECKING:  # Jinja2 loads when a page is rendered: `check` and the first frame skip it
    import jinja2
    from markupsafe import Markup

SITE_FILE = "site.yaml"
STYLE_FILE = "style.yaml"  # the house style (editor/core/style.py), read into checklist.style
SHARED_FONTS = "@fonts/"  # a font file under resources/fonts/, shared by every profile
TEMPLATE_KINDS = ("desktop", "mobile", "responsive", "article")
ARTICLE_PATH = "{slug}/"  # where an article lives under base_url: a Hugo page bundle's URL


@dataclass(frozen=True)
class FontFace:
    """One @font-face: family, weight, style and the file it loads."""

    family: str
    weight: int
    style: str
    path: Path

    @property
    def rel(self) -> str:
        """Return the asset name the page asks the URL policy for."""
        return f"fonts/{self.path.name}"


@dataclass
class SiteProfile:
    """One outlet's site: its settings (data) and where its files are (root)."""

    id: str
    name: str
    root: Path
    data: dict[str, Any]
    _env: jinja2.Environment | None = field(default=None, repr=False, compare=False)

    # -- settings -------------------------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        """Return a top-level setting."""
        return self.data.get(key, default)

    def string(self, key: str, default: str = "") -> str:
        """Return one of the profile's interface strings (strings: in site.yaml)."""
        return str((self.data.get("strings") or {}).get(key, default))

    def format(self, key: str, default: str = "") -> str:
        """Return a format pattern (formats: in site.yaml)."""
        return str((self.data.get("formats") or {}).get(key, default))

    @property
    def sections(self) -> list[str]:
        return [str(s) for s in self.data.get("sections") or []]

    @property
    def image_widths(self) -> list[int]:
        return [int(w) for w in self.data.get("image_widths") or [1600, 800]]

    @property
    def jpeg_quality(self) -> int:
        return int(self.data.get("jpeg_quality", 85))

    @property
    def webp(self) -> bool:
        return bool(self.data.get("webp", False))

    @property
    def headline_guidance(self) -> dict[str, dict[str, int]]:
        return dict(self.data.get("headline_guidance") or {})

    @property
    def credit_format(self) -> str:
        return self.format("credit", "[{site}]")

    @property
    def byline_format(self) -> str:
        return self.format("byline", "{name}")

    @property
    def copyright_line(self) -> str:
        return str(self.data.get("copyright_line", ""))

    @property
    def brand_colour(self) -> str:
        return str((self.data.get("theme") or {}).get("brand", "#000000"))

    @property
    def font_stack(self) -> str:
        return str(self.data.get("font_stack", "sans-serif"))

    @property
    def breakpoint(self) -> int:
        return int(self.data.get("responsive_breakpoint", 600))

    @property
    def base_url(self) -> str:
        """Return the site's public address (base_url, ending in /), or "" when unset."""
        url = str(self.data.get("base_url") or "").strip()
        return url if not url or url.endswith("/") else url + "/"

    def article_url(self, slug: str) -> str:
        """Return the article's public URL (base_url + article_path), or "" without base_url."""
        if not self.base_url:
            return ""
        path = str(self.data.get("article_path") or ARTICLE_PATH).replace("{slug}", slug)
        return urljoin(self.base_url, quote(path.lstrip("/"), safe="/"))

    def format_credit(self, name: str = "") -> str:
        """Return the opening credit, e.g. [시사캐치] or [시사캐치=홍길동 기자]."""
        pattern = self.format("credit_with_name") if name else ""
        return (pattern or self.credit_format).format(site=self.name, name=name)

    def format_byline(self, name: str) -> str:
        """Return one reporter's byline, e.g. 홍길동 기자."""
        return self.byline_format.format(name=name, site=self.name)

    # -- files ----------------------------------------------------------------------------
    def file(self, rel: str) -> Path:
        """Return the path of a file named in site.yaml (@fonts/... is the shared fonts)."""
        if rel.startswith(SHARED_FONTS):
            return resources.path("fonts", *rel[len(SHARED_FONTS) :].split("/"))
        return self.root.joinpath(*rel.split("/"))

    @property
    def fonts(self) -> list[FontFace]:
        faces = []
        for item in self.data.get("fonts") or []:
            faces.append(
                FontFace(
                    str(item["family"]),
                    int(item.get("weight", 400)),
                    str(item.get("style", "normal")),
                    self.file(str(item["file"])),
                )
            )
        return faces

    def stylesheets(self, layout: str) -> list[tuple[str, str]]:
        """Return (asset name, media query) of each stylesheet a layout's page links."""
        css = self.data.get("css") or {}
        sheets = [(rel, "") for rel in css.get("common") or []]
        if layout == "responsive":
            edge = self.breakpoint
            sheets += [(rel, f"(min-width: {edge}px)") for rel in css.get("desktop") or []]
            sheets += [(rel, f"(max-width: {edge - 0.02}px)") for rel in css.get("mobile") or []]
        else:
            sheets += [(rel, "") for rel in css.get(layout) or []]
        return [(str(rel), media) for rel, media in sheets]

    def css_files(self) -> list[Path]:
        """Return every CSS file of the profile (all layouts), in link order."""
        rels = [rel for rel, _ in self.stylesheets("responsive")]
        return [self.file(rel) for rel in dict.fromkeys(rels)]

    def font_files(self) -> list[Path]:
        """Return the font files the pages load."""
        return list(dict.fromkeys(face.path for face in self.fonts))

    def assets(self) -> dict[str, Path]:
        """Return every asset a page links, by the name the URL policy is asked for.

        An export copies each to assets/<name>; BundleUrls points there.
        """
        found = {rel: self.file(rel) for rel, _ in self.stylesheets("responsive")}
        found.update((face.rel, face.path) for face in self.fonts)
        return found

    def asset_path(self, rel: str) -> Path:
        """Return the file behind an asset name.

        Raises:
            ProfileError: the profile has no such asset.
        """
        path = self.assets().get(rel)
        if path is None:
            raise ProfileError(ErrorCode.PROFILE_ASSET_MISSING, path=str(self.root), name=rel)
        return path

    def inline_svg(self, rel: str) -> Markup:
        """Return an SVG file of the profile for inlining (so its text uses the page's fonts)."""
        from markupsafe import Markup

        text = self.file(rel).read_text(encoding="utf-8")
        start = text.find("<svg")
        return Markup(text[start:] if start >= 0 else text)

    # -- templates ------------------------------------------------------------------------
    @property
    def env(self) -> jinja2.Environment:
        """Return the profile's template environment (sandboxed, autoescaping, strict)."""
        if self._env is None:
            import jinja2
            from jinja2.sandbox import SandboxedEnvironment

            from editor.render.template_cache import template_cache

            self._env = SandboxedEnvironment(
                loader=jinja2.FileSystemLoader(str(self.root)),
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=True,
                bytecode_cache=template_cache(),  # compiled once, not at every start
            )
        return self._env

    def template_name(self, kind: str) -> str:
        """Return the file name of a template kind (desktop, mobile, responsive, article)."""
        names = self.data.get("templates") or {}
        return str(names.get(kind) or names.get("desktop") or f"{kind}.html")

    def template(self, kind: str) -> jinja2.Template:
        """Return a compiled template.

        Raises:
            ProfileError: naming the file that is missing or does not compile.
        """
        import jinja2

        name = self.template_name(kind)
        try:
            return self.env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or str(self.root / name)
            raise ProfileError(
                ErrorCode.TEMPLATE_ERROR, path=where, line=exc.lineno, reason=exc.message
            ) from exc
        except jinja2.TemplateNotFound as exc:
            raise ProfileError(
                ErrorCode.TEMPLATE_MISSING, path=str(self.root / str(exc.name or name))
            ) from exc


# -- finding and loading ------------------------------------------------------------------
def user_profiles_dir() -> Path:
    """Return the folder of the user's own profiles (<config folder>/sites)."""
    from editor.paths import config_dir

    return config_dir() / "sites"


def bundled_profiles_dir() -> Path:
    """Return the folder of the profiles that ship with the app."""
    return resources.path("sites")


def _profile_dirs(user_dir: Path | None) -> dict[str, Path]:
    """Return profile folders by id, user folders overriding bundled ones."""
    found: dict[str, Path] = {}
    for base in (bundled_profiles_dir(), user_dir or user_profiles_dir()):
        if base.is_dir():
            for folder in sorted(base.iterdir()):
                if folder.is_dir() and not folder.name.startswith((".", "_")):
                    found[folder.name] = folder
    return found


def _read_site_yaml(folder: Path) -> dict[str, Any]:
    """Read and check a profile's site.yaml."""
    site_file = folder / SITE_FILE
    if not site_file.is_file():
        raise ProfileError(ErrorCode.PROFILE_NO_SITE_FILE, path=str(site_file))
    data = _read_yaml(site_file)
    if not data.get("name"):
        raise ProfileError(ErrorCode.PROFILE_NO_NAME, path=str(site_file))
    return data


def _read_yaml(site_file: Path) -> dict[str, Any]:
    """Read one of a profile's YAML files, which must be a mapping."""
    # Imported here, not with the module (~20 ms): a reopened article's kept page is
    # painted before any profile is read (its assets come from the kept entry).
    import yaml

    try:
        # libyaml's safe loader when PyYAML has it: ~10× the pure-Python one on site.yaml.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(site_file.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(
            ErrorCode.PROFILE_UNREADABLE, path=str(site_file), reason=exc.strerror or str(exc)
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if not mark:
            raise ProfileError(ErrorCode.PROFILE_YAML_INVALID, path=str(site_file)) from exc
        raise ProfileError(
            ErrorCode.PROFILE_YAML_INVALID_AT, path=str(site_file), line=mark.line + 1
        ) from exc
    if not isinstance(data, dict):
        raise ProfileError(ErrorCode.PROFILE_NOT_MAPPING, path=str(site_file), name=site_file.name)
    return data


def _check_base_url(profile: SiteProfile) -> None:
    """Check base_url is an absolute http(s) address and article_path names {slug}."""
    url = profile.base_url
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise ProfileError(ErrorCode.PROFILE_BASE_URL, path=str(profile.root / SITE_FILE), url=url)
    path = profile.get("article_path")
    if path is not None and "{slug}" not in str(path):
        raise ProfileError(ErrorCode.PROFILE_ARTICLE_PATH, path=str(profile.root / SITE_FILE))


def _check_files(profile: SiteProfile, *, templates: bool = True) -> None:
    """Check every linked file exists and, when asked, compile every template."""
    if templates:
        for kind in TEMPLATE_KINDS:
            profile.template(kind)
    needed = list(profile.assets().values())
    if profile.get("wordmark"):
        needed.append(profile.file(str(profile.get("wordmark"))))
    for path in needed:
        if not path.is_file():
            raise ProfileError(ErrorCode.PROFILE_FILE_MISSING, path=str(path))


_cache: dict[tuple[Path, int], SiteProfile] = {}
_compiled: set[tuple[Path, int]] = set()


def _load_folder(folder: Path, *, templates: bool = True) -> SiteProfile:
    """Load and check the profile in a folder (cached until site.yaml changes)."""
    site_file, style_file = folder / SITE_FILE, folder / STYLE_FILE
    stamp = site_file.stat().st_mtime_ns if site_file.is_file() else 0
    if style_file.is_file():
        stamp += style_file.stat().st_mtime_ns
    key = (folder.resolve(), stamp)
    profile = _cache.get(key)
    if profile is None:
        data = _read_site_yaml(folder)
        if style_file.is_file():
            checklist = data.setdefault("checklist", {}) or {}
            data["checklist"] = {**checklist, "style": _read_yaml(style_file)}
        profile = SiteProfile(id=folder.name, name=str(data["name"]), root=folder, data=data)
        _check_base_url(profile)
        _check_files(profile, templates=templates)
        _cache[key] = profile
    elif templates and key not in _compiled:
        _check_files(profile)
    if templates:
        _compiled.add(key)
    return profile


def load_profile(
    profile_id: str, user_dir: Path | None = None, *, templates: bool = True
) -> SiteProfile:
    """Load a profile by id, the user's copy first.

    With templates=False its templates are not compiled yet (what only reads the profile's
    settings, like `check` and the form, skips Jinja2); a later load with templates does it.

    Raises:
        ProfileError: the profile does not exist, or a file of it is missing or broken
            (the error's path names that file).
    """
    folder = _profile_dirs(user_dir).get(profile_id)
    if folder is None:
        raise ProfileError(
            ErrorCode.PROFILE_UNKNOWN,
            path=str((user_dir or user_profiles_dir()) / profile_id),
            name=profile_id,
        )
    return _load_folder(folder, templates=templates)


def list_profiles(
    user_dir: Path | None = None, errors: list[ProfileError] | None = None
) -> list[SiteProfile]:
    """Return every usable profile (bundled and the user's), sorted by id.

    A broken profile is left out; its error is appended to errors when a list is given.
    """
    profiles = []
    for folder in _profile_dirs(user_dir).values():
        try:
            profiles.append(_load_folder(folder))
        except ProfileError as exc:
            if errors is not None:
                errors.append(exc)
    return sorted(profiles, key=lambda p: p.id)
