"""Secrets (publishing passwords, signing keys) in the OS keyring, never in our files.

A thin wrapper over the `keyring` library so that callers see one typed error with words a
person can act on instead of keyring's own exceptions, and so that keyring (which probes
D-Bus and friends) is imported only when a secret is first needed.
"""

from __future__ import annotations

from editor.core.errors import ArticleError, ErrorCode

SERVICE_PREFIX = "article-editor"


class SecretStoreError(ArticleError):
    """The OS keyring cannot be used (none installed, locked, or it refused)."""


def service_name(service: str) -> str:
    """Return the keyring service under which the app keeps a secret of `service`."""
    return f"{SERVICE_PREFIX}:{service}"


def get_secret(service: str, name: str) -> str | None:
    """Return the secret kept for (service, name), or None when there is none.

    Raises:
        SecretStoreError: no usable keyring, or it is locked or refused.
    """
    keyring, errors = _keyring()
    try:
        return keyring.get_password(service_name(service), name)
    except errors.KeyringError as exc:
        raise _error(exc, errors) from exc


def set_secret(service: str, name: str, value: str) -> None:
    """Keep value as the secret for (service, name), replacing any earlier one.

    Raises:
        SecretStoreError: no usable keyring, or it is locked or refused.
    """
    if not name:
        raise SecretStoreError(ErrorCode.SECRET_UNNAMED)
    keyring, errors = _keyring()
    try:
        keyring.set_password(service_name(service), name, value)
    except errors.KeyringError as exc:
        raise _error(exc, errors) from exc


def delete_secret(service: str, name: str) -> bool:
    """Forget the secret for (service, name); return False when there was none.

    Raises:
        SecretStoreError: no usable keyring, or it is locked or refused.
    """
    keyring, errors = _keyring()
    try:
        if keyring.get_password(service_name(service), name) is None:
            return False
        keyring.delete_password(service_name(service), name)
    except errors.PasswordDeleteError:
        return False
    except errors.KeyringError as exc:
        raise _error(exc, errors) from exc
    return True


def backend_name() -> str:
    """Return the name of the keyring in use, for Settings and error reports."""
    keyring, _errors = _keyring()
    return str(keyring.get_keyring().name)


def _keyring():  # noqa: ANN202 - returns two modules
    try:
        import keyring
        import keyring.errors
    except ImportError as exc:  # a frozen build without it, or a broken install
        raise SecretStoreError(ErrorCode.NO_KEYRING) from exc
    return keyring, keyring.errors


def _error(exc: Exception, errors) -> SecretStoreError:  # noqa: ANN001
    if isinstance(exc, errors.NoKeyringError):
        return SecretStoreError(ErrorCode.NO_KEYRING)
    if isinstance(exc, errors.KeyringLocked):
        return SecretStoreError(ErrorCode.KEYRING_LOCKED)
    return SecretStoreError(ErrorCode.KEYRING_REFUSED, reason=str(exc))
