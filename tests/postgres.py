"""A throwaway PostgreSQL + PostGIS cluster for the tests, from Debian's packages (a pytest plugin).

`make test` installs `postgresql` and `postgresql-postgis` when run as root. The
cluster lives in a temporary folder, listens on 127.0.0.1 on a free port, and is
stopped and removed after the session. PostgreSQL refuses to run as root, so as
root the server runs as the `postgres` user that Debian's package creates.
Each test gets a fresh database cloned from a template with PostGIS enabled.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

__all__ = ["Cluster", "find_bindir", "postgis_cluster", "postgis_url"]

TEMPLATE = "kosovo_template"
_FAST = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off",)  # tests only: nothing here must survive


def _version(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path.parent.parent.name)) or (0,)


def find_bindir() -> Path | None:
    """The newest Debian PostgreSQL whose PostGIS extension is installed, else None."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_version, reverse=True)
    for initdb in candidates:
        version = initdb.parent.parent.name
        if Path(f"/usr/share/postgresql/{version}/extension/postgis.control").exists():
            return initdb.parent
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A PostgreSQL cluster in a folder of its own; `start()`, `url(name)`, `stop()`."""

    def __init__(self, bindir: Path, fast: bool = True) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="kosovo-map-pg-"))
        self.port = _free_port()
        self._fast = fast
        self._as_postgres = os.geteuid() == 0
        self._names = itertools.count(1)
        if self._as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120, cwd=self.folder)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def start(self) -> Cluster:
        data = self.folder / "data"
        self._run(str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--no-locale", "--no-sync")  # fmt: skip
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 " + (_FAST[0] if self._fast else "")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w", "-t", "60",
                  "-o", options, "start")  # fmt: skip
        atexit.register(self.stop)
        return self

    def url(self, name: str = "postgres") -> str:
        """The database's URL (no password: the cluster trusts local connections)."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser (outside a transaction, as CREATE DATABASE needs)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            connection.execute(statement)

    def make_template(self) -> None:
        """A database with PostGIS enabled, for tests to clone (CREATE EXTENSION takes a second or two)."""
        self.sql(f"CREATE DATABASE {TEMPLATE}")
        self.sql("CREATE EXTENSION postgis", TEMPLATE)

    def fresh_database(self) -> str:
        """A new, empty database with PostGIS; returns its URL."""
        name = f"test_{next(self._names)}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (at once: nothing in it must survive) and remove its folder."""
        if not self.folder.exists():
            return
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def _missing(reason: str) -> None:
    if os.environ.get("CI"):  # CI installs the packages (make test): a missing server there is a failure
        pytest.fail(f"PostgreSQL + PostGIS needed in CI: {reason}")
    pytest.skip(f"{reason} (as root, `make postgres` installs postgresql and postgresql-postgis)")


@pytest.fixture(scope="session")
def postgis_cluster() -> Iterator[Cluster]:
    """One throwaway cluster for the whole test session."""
    bindir = find_bindir()
    if bindir is None:
        _missing("no PostgreSQL with PostGIS under /usr/lib/postgresql")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _missing("psycopg is not installed (pip install 'psycopg[binary]')")
    cluster = Cluster(bindir).start()  # type: ignore[arg-type]
    try:
        cluster.make_template()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgis_url(postgis_cluster: Cluster) -> str:
    """The URL of a fresh, empty PostGIS database for one test."""
    return postgis_cluster.fresh_database()
