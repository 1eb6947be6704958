"""A small disk of its own for tests of full and read-only disks (loaded by tests/conftest.py).

``small_disk`` mounts a 4 MB tmpfs (needs root and the mount capability, which CI's
container has; elsewhere the tests that use it are skipped). It is a real file system: a
write past its size fails with ENOSPC in SQLite and in Python alike, and ``read_only()``
remounts it read-only, which even root cannot write (EROFS). No write is faked.
"""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
from pathlib import Path

import pytest


class SmallDisk:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._filler = root / ".filler"

    def fill(self, leave: int = 0) -> None:
        """Write until the disk is full, then give back ``leave`` bytes."""
        fd = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (65536, 4096, 512, 1):
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError as error:
                    assert error.errno == errno.ENOSPC
        finally:
            os.close(fd)
        if leave:
            size = self._filler.stat().st_size
            os.truncate(self._filler, max(0, size - leave))

    def empty(self) -> None:
        self._filler.unlink(missing_ok=True)

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.root)], check=True)

    def writable(self) -> None:
        subprocess.run(["mount", "-o", "remount,rw", str(self.root)], check=True)

    def snapshot(self) -> dict[str, str]:
        """Every file on the disk (but the filler) and a hash of its bytes."""
        return {
            str(path.relative_to(self.root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(self.root.rglob("*"))
            if path.is_file() and path != self._filler
        }


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    root = tmp_path / "disk"
    root.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", str(root)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    disk = SmallDisk(root)
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True)
