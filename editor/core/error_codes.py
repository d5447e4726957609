"""Every way a user's file or input can fail: a stable code and its English template.

The value is the code (kept in files and tests; never rename one); `english` is a str.format
template over the error's arguments. The UI translates the template in the "errors" context.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """A stable error code with its English words."""

    english: str

    def __new__(cls, code: str, english: str) -> ErrorCode:
        member = str.__new__(cls, code)
        member._value_ = code
        member.english = english
        return member

    # Reading files and folders (storage/safefs, storage/document)
    FILE_MISSING = "file-missing", "The file does not exist."
    IS_A_FOLDER = "is-a-folder", "This is a folder, not a file."
    NOT_A_FOLDER = "not-a-folder", "This is not a folder."
    NOT_REGULAR = "not-regular", "This is not a regular file (a pipe or a device?)."
    NO_READ_PERMISSION = "no-read-permission", "There is no permission to read this file."
    READ_FAILED = "read-failed", "The file could not be read ({reason})."
    FOLDER_OPEN_FAILED = "folder-open-failed", "The folder could not be opened ({reason})."
    FOLDER_CREATE_FAILED = "folder-create-failed", "The folder could not be created ({reason})."
    FILE_TOO_LARGE = "file-too-large", "The file is too large ({size} bytes)."
    MEMBER_TOO_LARGE = (
        "member-too-large",
        "{name} is too large ({size} bytes; the limit is {limit}).",
    )
    MEMBER_GREW = "member-grew", "{name} is too large."
    MEMBER_UNREADABLE = "member-unreadable", "{name} could not be read ({reason})."
    MEMBER_MISSING = "member-missing", "{name} does not exist."
    MEMBER_LINK = "member-link", "{name} is a link or not a plain file; links are never followed."
    PATH_LEAVES = "path-leaves", "The path {name!r} leaves the folder."
    NOT_UTF8 = "not-utf8", "The file is not UTF-8 text (byte {byte} is not valid)."
    TOO_DEEP = "too-deep", "The document is nested too deeply to read."
    DAMAGED = "damaged", "The document is damaged and cannot be read ({reason})."
    FOLDER_NO_INDEX = "folder-no-index", "The folder has no index.md, so it is not a page bundle."
    FOLDER_TOO_MANY = "folder-too-many", "The folder holds too many files."
    FOLDER_TOO_LARGE = "folder-too-large", "The folder holds more than 1 GiB."
    FOLDER_NAME_TWICE = "folder-name-twice", "The folder holds two files named {name}."
    IMAGES_TOO_MUCH = "images-too-much", "The images add up to too much."

    # The .article container (storage/container)
    ZIP_UNSUPPORTED = (
        "zip-unsupported",
        "The document uses a zip feature this app cannot read ({reason}).",
    )
    NOT_A_DOCUMENT = (
        "not-a-document",
        "This is not an Article Editor document (not a zip file, or it is truncated).",
    )
    NO_INDEX = "no-index", "The document has no index.md."
    INDEX_NOT_UTF8 = "index-not-utf8", "index.md is not UTF-8 text (byte {byte} is not valid)."
    REOPEN_FAILED = (
        "reopen-failed",
        "The article cannot be saved: it could not be opened again ({reason})",
    )
    PRIVATE_KEY_BAD = "private-key-bad", "Private data key {key!r} is not allowed."
    TOO_MANY_ENTRIES = "too-many-entries", "The document has {count} entries; the limit is {limit}."
    ENTRY_UNNAMED = "entry-unnamed", "The document contains an entry without a name."
    UNPACKS_TOO_LARGE = "unpacks-too-large", "The document unpacks to more than 1 GiB."
    ZIP_BOMB = "zip-bomb", "The document unpacks to far more than its size (a zip bomb?)."
    ENTRY_TWICE = "entry-twice", "The document holds two entries named {name}."
    ENTRY_LINK = "entry-link", "The document contains a link ({name})."
    ENTRY_ABSOLUTE = "entry-absolute", "The document contains an absolute path ({name})."
    ENTRY_LEAVES = "entry-leaves", "The document contains a path that leaves it ({name!r})."
    ENTRY_UNUSABLE = "entry-unusable", "The document contains an unusable name ({name!r})."
    ENTRY_TOO_LARGE = "entry-too-large", "The entry {name} is too large ({size} bytes)."
    ENTRY_COMPRESSED = (
        "entry-compressed",
        "The entry {name} is compressed suspiciously well (a zip bomb?).",
    )
    ENTRY_DAMAGED = "entry-damaged", "The entry {name} is damaged ({reason})."
    ENTRY_LARGER = "entry-larger", "The entry {name} is larger than it claims."
    EDITOR_DATA_DAMAGED = "editor-data-damaged", "The editor data {name} is damaged."

    # Saving (storage/document, storage/atomic, storage/safe_save)
    TOO_MANY_IMAGES = "too-many-images", "The article has {count} images; the limit is {limit}."
    IMAGE_TOO_LARGE_TO_SAVE = (
        "image-too-large-to-save",
        "An image is larger than 256 MiB; it cannot be saved.",
    )
    IMAGES_TOO_LARGE_TO_SAVE = (
        "images-too-large-to-save",
        "The images add up to more than 1 GiB; they cannot be saved.",
    )
    INDEX_TOO_LARGE = (
        "index-too-large",
        "index.md would be {size} bytes; the limit is {limit} (32 MiB), so it could not be "
        "opened again. Nothing was saved.",
    )
    DISK_FULL = "disk-full", "The disk is full; nothing was changed."
    NO_WRITE_PERMISSION = (
        "no-write-permission",
        "There is no permission to write here; nothing was changed.",
    )
    WRITE_FAILED = "write-failed", "The file could not be written ({reason}); nothing was changed."
    CHANGED_ON_DISK = (
        "changed-on-disk",
        "The file was changed by another program since it was opened.",
    )
    READ_BACK_FAILED = "read-back-failed", "The file could not be read back after saving."
    FILE_EXISTS = "file-exists", "The file already exists (use --force to replace it)."

    # Front matter (storage/safeyaml, storage/frontmatter)
    YAML_ALIASES = "yaml-aliases", "The front matter uses too many YAML aliases."
    YAML_ALIAS_LOOP = "yaml-alias-loop", "The front matter has an alias that contains itself."
    YAML_ALIASES_LARGE = (
        "yaml-aliases-large",
        "The front matter's aliases expand to more than 1 MiB when written.",
    )
    YAML_TOO_LARGE = "yaml-too-large", "The front matter is larger than 1 MiB."
    YAML_WRITE_TOO_LARGE = (
        "yaml-write-too-large",
        "The front matter would be larger than 1 MiB, so it could not be opened again; "
        "nothing was saved.",
    )
    YAML_DATE_BAD = (
        "yaml-date-bad",
        "The front matter has a value tagged as a date that is not one: {value!r} (line {line}).",
    )
    YAML_INVALID_AT = (
        "yaml-invalid-at",
        "The front matter is not valid YAML (line {line}, column {column}): {reason}.",
    )
    YAML_INVALID = "yaml-invalid", "The front matter is not valid YAML ({reason})."
    META_NOT_MAPPING = "meta-not-mapping", "The front matter must be a set of keys and values."
    META_KEY_LIST = "meta-key-list", "The front matter key '{key}' must be text, not a list."
    META_KEY_MAPPING = (
        "meta-key-mapping",
        "The front matter key '{key}' must be text, not a mapping.",
    )
    META_TAGS = "meta-tags", "The front matter key 'tags' must be a list of words."
    META_LEAD_IMAGE = (
        "meta-lead-image",
        "The front matter key 'lead_image' must be a mapping with src, alt, caption and credit.",
    )
    META_TARGET = (
        "meta-target",
        "The front matter key 'target' must be {{pages: N}} or {{chars: N}}.",
    )
    META_DATE = "meta-date", "The front matter key '{key}' is not a date and time: {value!r}."

    # Images (storage/images, export/images, export/chunks)
    IMAGE_TOO_LARGE_TO_OPEN = "image-too-large-to-open", "The image is too large to open safely."
    NOT_AN_IMAGE = "not-an-image", "The file is not an image, or it is damaged."
    IMAGE_FORMAT = "image-format", "Images must be JPEG, PNG, GIF or WebP, not {format}."
    IMAGE_PIXELS = (
        "image-pixels",
        "The image has {width}x{height} pixels; the limit is {limit} megapixels.",
    )
    ANIMATION_PIXELS = (
        "animation-pixels",
        "The animation has {frames} frames of {width}x{height} pixels; the limit is {limit} "
        "megapixels in all frames.",
    )
    DECOMPRESSION_BOMB = (
        "decompression-bomb",
        "The image would take {mb} MB to show from a {kb} KB file (a decompression bomb); "
        "it is not opened.",
    )
    IMAGE_UNDECODABLE = "image-undecodable", "The image is damaged and cannot be decoded."
    IMAGE_UNPROCESSABLE = "image-unprocessable", "The image could not be processed ({reason})."
    IMAGE_METADATA_DAMAGED = "image-metadata-damaged", "The image's metadata is damaged ({reason})."
    ANIMATION_DAMAGED = "animation-damaged", "The animation is damaged ({reason})."

    # Exports (export/)
    EXPORT_FORMAT_UNKNOWN = (
        "export-format-unknown",
        "Unknown export format {format!r}; use markdown or html.",
    )
    EXPORT_LAYOUT_UNKNOWN = (
        "export-layout-unknown",
        "Unknown layout {layout!r}; use hugo or jekyll.",
    )
    EXPORT_UNAVAILABLE = "export-unavailable", "Export is not available yet in this build."
    EXPORT_OWN_FOLDER = (
        "export-own-folder",
        "The export would replace the article being exported (its own folder); nothing was "
        "changed. Choose another folder.",
    )
    BUNDLE_EXISTS = (
        "bundle-exists",
        "A bundle with this name already exists; choose another folder, or allow replacing it "
        "if it is an earlier export of this article.",
    )
    BUNDLE_IN_THE_WAY = (
        "bundle-in-the-way",
        "Something else than a bundle is in the way; nothing was changed.",
    )
    BUNDLE_NOT_OURS = (
        "bundle-not-ours",
        "This is not an earlier export of this article ({reason}), so it was not replaced; "
        "nothing was changed. Choose another folder, or remove it yourself.",
    )
    BUNDLE_UNCHECKED = "bundle-unchecked", "it could not be checked: {reason}"
    BUNDLE_NO_MARKER = "bundle-no-marker", "it has no export marker"
    BUNDLE_OTHER_ARTICLE = "bundle-other-article", "its export marker names another article"
    BUNDLE_EXTRA_FILES = (
        "bundle-extra-files",
        "it holds files the export did not write: {names}",
    )
    EXPORT_FOLDER_UNWRITABLE = (
        "export-folder-unwritable",
        "The folder cannot be written ({reason}).",
    )
    BUNDLE_WRITE_FAILED = (
        "bundle-write-failed",
        "The bundle could not be written ({reason}); nothing was left behind.",
    )

    # Site profiles (render/profiles)
    PROFILE_UNKNOWN = "profile-unknown", "There is no site profile named {name!r}."
    PROFILE_NO_SITE_FILE = "profile-no-site-file", "The site profile has no site.yaml."
    PROFILE_NO_NAME = "profile-no-name", "site.yaml has no name."
    PROFILE_UNREADABLE = "profile-unreadable", "The file cannot be read: {reason}"
    PROFILE_YAML_INVALID_AT = (
        "profile-yaml-invalid-at",
        "The file is not valid YAML on line {line}.",
    )
    PROFILE_YAML_INVALID = "profile-yaml-invalid", "The file is not valid YAML."
    PROFILE_NOT_MAPPING = "profile-not-mapping", "{name} must be a mapping of settings."
    PROFILE_BASE_URL = (
        "profile-base-url",
        "base_url must be an absolute http:// or https:// address, not {url!r}.",
    )
    PROFILE_ARTICLE_PATH = "profile-article-path", "article_path must contain {{slug}}."
    PROFILE_FILE_MISSING = "profile-file-missing", "A file the profile names is missing."
    PROFILE_ASSET_MISSING = "profile-asset-missing", "The profile has no asset named {name}."
    TEMPLATE_ERROR = "template-error", "Template error on line {line}: {reason}"
    TEMPLATE_MISSING = "template-missing", "The template is missing."

    # Publishing (publish/)
    NOT_A_WEB_ADDRESS = (
        "not-a-web-address",
        "{url!r} is not a web address (give http://… or https://…).",
    )
    NO_ANSWER = "no-answer", "{url} does not answer ({reason})."
    NO_ANSWER_IN_TIME = "no-answer-in-time", "{url} did not answer within 5 minutes."
    NOT_JSON = "not-json", "The site answered with something that is not JSON."
    SITE_REFUSED = "site-refused", "The site refused: {words}"
    SITE_ANSWERED = "site-answered", "The site answered: {words}"
    TARGET_KIND_UNKNOWN = (
        "target-kind-unknown",
        "Unknown publish target {kind!r}; use wordpress or git.",
    )
    TARGET_LAYOUT_UNKNOWN = (
        "target-layout-unknown",
        "Unknown site layout {layout!r}; use hugo or jekyll.",
    )
    WORDPRESS_INCOMPLETE = (
        "wordpress-incomplete",
        "A WordPress target needs the site's address and a user name.",
    )
    GIT_NO_REPO_SET = "git-no-repo-set", "A Git target needs the repository (a path or URL)."
    PASSWORD_ENV_EMPTY = (
        "password-env-empty",
        "The environment variable {name} is empty or unset.",
    )
    NO_PASSWORD = (
        "no-password",
        "No password is kept for {user} at {url}: save it in Settings ▸ Publishing, or give "
        "one with --password-env.",
    )
    GIT_MISSING = "git-missing", "Git is not installed (install git to publish to a site)."
    GIT_REFUSED = "git-refused", "Git refused: {words}"
    GIT_NO_REPO = "git-no-repo", "There is no repository at {repo}."
    GIT_CHANGED = (
        "git-changed",
        "{name} was changed in the repository since it was last sent; nothing was overwritten.",
    )
    GIT_LINK = "git-link", "{name} in the repository is a link; nothing was written."
    WEB_CHANGED = (
        "web-changed",
        "The post was edited on the web since it was last sent ({modified} UTC); nothing was "
        "overwritten.",
    )

    # The keyring (storage/secrets)
    SECRET_UNNAMED = "secret-unnamed", "A secret needs a name (the account it belongs to)."
    NO_KEYRING = (
        "no-keyring",
        "No usable keyring was found to keep the password safe. Install and unlock one "
        "(GNOME Keyring or KWallet on Linux), or give the password through an environment "
        "variable (--password-env).",
    )
    KEYRING_LOCKED = "keyring-locked", "The keyring is locked; unlock it and try again."
    KEYRING_REFUSED = "keyring-refused", "The keyring refused ({reason})."

    # Find and replace (core/find)
    PATTERN_INVALID = (
        "pattern-invalid",
        "The pattern is not a valid regular expression (look near character {position}).",
    )
    REPLACEMENT_INVALID = (
        "replacement-invalid",
        "The replacement is not valid: it names a group the pattern does not have, or ends "
        "in a lone backslash.",
    )
