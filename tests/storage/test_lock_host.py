"""The lock's host name is the one earlier versions wrote (socket.gethostname)."""

from __future__ import annotations

import socket

from editor.storage.lock import host_name


def test_the_lock_names_the_host_as_socket_does():
    assert host_name() == socket.gethostname()
