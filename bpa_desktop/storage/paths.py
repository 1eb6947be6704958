"""Where the database lives when the user does not say (``--db PATH``)."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "bpa-desktop"
DB_FILENAME = "bpa.sqlite"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME
