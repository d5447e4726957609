"""A real WordPress (Debian's package) on 127.0.0.1 for the publishing tests.

MariaDB runs from a temp data folder on a Unix socket only (nothing listens on the network);
PHP's built-in server serves Debian's WordPress files through a temp document root whose own
wp-config.php points at that database and a temp wp-content. Nothing outside the temp folder
is written: not /etc/wordpress, not /var/lib/wordpress.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

WORDPRESS = Path("/usr/share/wordpress")
THEMES = Path("/usr/share/wordpress/wp-content/themes")
DB_NAME = "wordpress"
HOW = "sudo bash .ci/deps/40-wordpress.sh"

WP_CONFIG = """<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:{socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '{url}');
define('WP_SITEURL', '{url}');
define('WP_CONTENT_DIR', '{content}');
define('WP_CONTENT_URL', '{url}/wp-content');
// Application passwords need HTTPS unless the site says it is a local one.
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTH_KEY', 'test'); define('SECURE_AUTH_KEY', 'test'); define('LOGGED_IN_KEY', 'test');
define('NONCE_KEY', 'test'); define('AUTH_SALT', 'test'); define('SECURE_AUTH_SALT', 'test');
define('LOGGED_IN_SALT', 'test'); define('NONCE_SALT', 'test');
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
"""

# Every request: the temp root is ABSPATH (so wp-load.php finds our wp-config.php, not
# Debian's); files that exist are served as they are, the rest go to WordPress's index.php.
ROUTER = """<?php
define('ABSPATH', '{root}/');
// A test holds uploads (to kill the client mid-upload) by creating the file "hold".
if ($_SERVER['REQUEST_METHOD'] === 'POST' && strpos($_SERVER['QUERY_STRING'] ?? '', 'media') !== false) {{
    while (file_exists('{base}/hold')) {{ touch('{base}/held'); usleep(50000); }}
}}
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = realpath('{root}' . $path);
if ($path !== '/' && $file !== false && is_file($file)) {{
    if (substr($file, -4) === '.php') {{ chdir(dirname($file)); require $file; return true; }}
    return false;
}}
chdir('{root}');
require '{root}/index.php';
"""

INSTALL = """<?php
define('ABSPATH', '{root}/');
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '{host}';
$_SERVER['REQUEST_URI'] = '/';
function wp_mail() {{ return true; }}  // no sendmail here; WordPress mails the new admin
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$spec = json_decode(file_get_contents('php://stdin'), true);
wp_install('시사캐치 테스트', 'admin', 'admin@example.test', true, '', $spec['admin'], 'en_US');
update_option('permalink_structure', '/%postname%/');
switch_theme('twentytwentythree');
$out = array();
foreach ($spec['users'] as $user) {{
    $id = wp_insert_user(array('user_login' => $user['login'], 'user_pass' => $user['password'],
        'user_email' => $user['login'] . '@example.test', 'display_name' => $user['name'],
        'role' => $user['role']));
    if (is_wp_error($id)) {{ fwrite(STDERR, $id->get_error_message()); exit(1); }}
    $made = WP_Application_Passwords::create_new_application_password($id, array('name' => 'tests'));
    $out[$user['login']] = array('id' => $id, 'app_password' => $made[0]);
}}
$made = WP_Application_Passwords::create_new_application_password(1, array('name' => 'tests'));
$out['admin'] = array('id' => 1, 'app_password' => $made[0]);
echo json_encode($out);
"""


@dataclass
class Account:
    """A WordPress user with an application password."""

    login: str
    role: str
    user_id: int
    app_password: str


@dataclass
class WordPressServer:
    """A running test WordPress; start()/stop() the web server, close() everything."""

    base: Path
    port: int = 0
    accounts: dict[str, Account] = field(default_factory=dict)
    _db: subprocess.Popen | None = None
    _web: subprocess.Popen | None = None
    setup_seconds: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def socket(self) -> Path:
        return self.base / "mysql.sock"

    @property
    def root(self) -> Path:
        return self.base / "root"

    def boot(self) -> None:
        """Start MariaDB, lay out the document root, install WordPress, start the web."""
        began = time.monotonic()
        self.port = free_port()
        self._start_db()
        self._lay_out_root()
        self._install()
        self.start()
        self.setup_seconds = time.monotonic() - began

    def start(self) -> None:
        """Start PHP's built-in server on the same port (again, after stop())."""
        env = dict(os.environ, PHP_CLI_SERVER_WORKERS="4")
        log = open(self.base / "php-server.log", "ab")  # noqa: SIM115 - the child keeps it
        self._web = subprocess.Popen(
            [
                "php",
                "-S",
                f"127.0.0.1:{self.port}",
                "-t",
                str(self.root),
                str(self.base / "router.php"),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # its workers share the group: stop() ends them all
        )
        wait_until(lambda: _answers(self.url), 20, "PHP's built-in server")

    def stop(self) -> None:
        """Stop the web server and its workers (the database keeps running)."""
        if self._web is not None and self._web.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._web.pid, signal.SIGTERM)
        _end(self._web)
        self._web = None
        wait_until(lambda: not _answers(self.url), 10, "PHP's built-in server to stop")

    def close(self) -> None:
        self.stop()
        _end(self._db)
        self._db = None

    def request(self, path: str, *, login: str = "admin", method: str = "GET", body=None):
        """Call the REST API as one of the accounts; return the decoded JSON."""
        account = self.accounts[login]
        auth = base64.b64encode(f"{account.login}:{account.app_password}".encode()).decode()
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            f"{self.url}/?rest_route={path}",
            data=data,
            method=method,
            headers={"Authorization": f"Basic {auth}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as response:
            return json.loads(response.read())

    def _start_db(self) -> None:
        data = self.base / "db"
        subprocess.run(
            ["mariadb-install-db", "--no-defaults", f"--datadir={data}", "--user=root",
             "--auth-root-authentication-method=normal", "--skip-test-db"],
            check=True, capture_output=True,
        )  # fmt: skip
        log = open(self.base / "mariadb.log", "ab")  # noqa: SIM115 - the child keeps it
        self._db = subprocess.Popen(
            ["mariadbd", "--no-defaults", f"--datadir={data}", f"--socket={self.socket}",
             "--skip-networking", "--user=root", "--skip-log-bin", "--innodb-buffer-pool-size=32M",
             f"--pid-file={self.base / 'mariadb.pid'}", "--innodb-flush-log-at-trx-commit=0"],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_until(self.socket.exists, 30, "MariaDB")
        subprocess.run(
            ["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot",
             "-e", f"CREATE DATABASE {DB_NAME} CHARACTER SET utf8mb4"],
            check=True, capture_output=True,
        )  # fmt: skip

    def _lay_out_root(self) -> None:
        root = self.root
        root.mkdir()
        for entry in WORDPRESS.iterdir():
            if entry.name not in {"wp-config.php", "wp-content"}:
                (root / entry.name).symlink_to(entry)
        content = root / "wp-content"
        (content / "uploads").mkdir(parents=True)
        (content / "themes").symlink_to(THEMES)
        (content / "plugins").mkdir()
        values = {"socket": self.socket, "url": self.url, "content": content}
        (root / "wp-config.php").write_text(WP_CONFIG.format(**values))
        (self.base / "router.php").write_text(ROUTER.format(root=root, base=self.base))

    def _install(self) -> None:
        users = [
            {"login": "reporter", "name": "홍길동", "role": "author", "password": "reporter-pw-1"},
            {"login": "desk", "name": "김데스크", "role": "editor", "password": "desk-pw-1"},
        ]
        spec = {"admin": "admin-pw-1", "users": users}
        script = self.base / "install.php"
        script.write_text(INSTALL.format(root=self.root, host=f"127.0.0.1:{self.port}"))
        done = subprocess.run(
            ["php", str(script)], input=json.dumps(spec), capture_output=True, text=True,
            cwd=self.root,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"WordPress did not install: {done.stderr or done.stdout}")
        made = json.loads(done.stdout[done.stdout.index("{") :])
        for user in [*users, {"login": "admin", "role": "administrator"}]:
            info = made[user["login"]]
            self.accounts[user["login"]] = Account(
                user["login"], user["role"], info["id"], info["app_password"]
            )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(ready, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {seconds:.0f} s")
        time.sleep(0.05)  # a server start-up, not a Qt signal: polling is the only way


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/?rest_route=/", timeout=2):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def _end(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


def remove(base: Path) -> None:
    with contextlib.suppress(OSError):
        shutil.rmtree(base)
