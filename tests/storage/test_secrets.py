"""Secrets go to the keyring (here an in-memory one) and fail with one clear message."""

from __future__ import annotations

import subprocess
import sys

import keyring
import keyring.backends.fail
import pytest
from fake_keyring import LockedKeyring

from editor.storage import secrets
from editor.storage.secrets import SecretStoreError


def test_set_get_delete_round_trip(memory_keyring):
    assert secrets.get_secret("wordpress:https://news.example", "reporter") is None
    secrets.set_secret("wordpress:https://news.example", "reporter", "abcd efgh 1234")
    assert secrets.get_secret("wordpress:https://news.example", "reporter") == "abcd efgh 1234"
    # kept under the app's own service name, in the keyring we were given
    assert memory_keyring.secrets == {
        ("article-editor:wordpress:https://news.example", "reporter"): "abcd efgh 1234"
    }
    assert secrets.delete_secret("wordpress:https://news.example", "reporter") is True
    assert secrets.get_secret("wordpress:https://news.example", "reporter") is None
    assert secrets.delete_secret("wordpress:https://news.example", "reporter") is False


def test_setting_again_replaces_and_korean_survives(memory_keyring):
    secrets.set_secret("signing", "홍길동", "old")
    secrets.set_secret("signing", "홍길동", "새 비밀 🔑")
    assert secrets.get_secret("signing", "홍길동") == "새 비밀 🔑"
    assert len(memory_keyring.secrets) == 1


def test_no_backend_is_one_typed_error_naming_the_way_out():
    keyring.set_keyring(keyring.backends.fail.Keyring())
    for call in (
        lambda: secrets.get_secret("s", "n"),
        lambda: secrets.set_secret("s", "n", "v"),
        lambda: secrets.delete_secret("s", "n"),
    ):
        with pytest.raises(SecretStoreError) as caught:
            call()
        message = str(caught.value)
        assert "No usable keyring" in message and "--password-env" in message
        assert "Traceback" not in message


def test_locked_keyring_says_so():
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(SecretStoreError, match="locked"):
        secrets.get_secret("s", "n")


def test_a_secret_needs_a_name():
    with pytest.raises(SecretStoreError, match="needs a name"):
        secrets.set_secret("s", "", "v")


def test_importing_secrets_does_not_load_keyring():
    code = "import sys, editor.storage.secrets; print('keyring' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
