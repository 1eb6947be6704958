"""Every file the app produces is written atomically: to a temporary file in the same folder,
flushed to disk (fsync), then moved over the target with ``os.replace``. A reader never sees a
half-written PDF, CSV, iCalendar, JSON or bundle, and a failed write leaves the old file (or
none) and no temporary file behind. The failure is a ``FileWriteError`` that says in the
user's language what happened (a full disk says so).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class FileWriteError(OSError):
    """A produced file could not be written. ``str(error)`` (and ``strerror``) is a message
    for people; ``errno`` is the system's. An OSError, so callers that catch those still do."""

    def __init__(self, path: Path, error: OSError) -> None:
        from bpa_desktop.i18n import message

        no_space = error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
        key = "file_disk_full" if no_space else "file_cannot_write"
        super().__init__(error.errno, message(key, path=path, reason=error.strerror or type(error).__name__))
        self.path = path

    def __str__(self) -> str:
        return self.strerror


def write_bytes(path: str | Path, data: bytes) -> Path:
    path = Path(path)
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        if temp_name is not None:
            Path(temp_name).unlink(missing_ok=True)
        if isinstance(error, FileWriteError):
            raise
        raise FileWriteError(path, error) from error
    except BaseException:
        if temp_name is not None:
            Path(temp_name).unlink(missing_ok=True)
        raise
    return path


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    return write_bytes(path, text.encode(encoding))
