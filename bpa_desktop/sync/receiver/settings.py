"""The receiver's configuration: environment variables `BPA_RECEIVER_*`, over an optional TOML
file named by `BPA_RECEIVER_CONFIG` (e.g. /etc/bpa-receiver/receiver.toml), over the defaults.

One place, so `bpa receiver serve`, the app factory a process manager imports
(`bpa_desktop.sync.receiver.app:create_app`, uvicorn `--factory`) and every worker it starts read
the same values. Secrets (the database password) belong in the environment or in a file only
the service user can read, never on a command line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from bpa_desktop.i18n import t

CONFIG_ENV = "BPA_RECEIVER_CONFIG"
ENV_PREFIX = "BPA_RECEIVER_"


class MissingDatabase(ValueError):
    def __init__(self) -> None:
        super().__init__(t("receiver.settings.no_database", variable=f"{ENV_PREFIX}DB"))


class ReceiverSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True)

    db: str = Field("", description="SQLAlchemy URL (postgresql+psycopg://…) or SQLite file path")
    root_path: str = Field("", description="sub-path behind the proxy, as docs/receiver.md deploys it")
    language: Literal["nb", "en"] = Field("nb", description="pages and problems for a client that asks for neither")
    secure_cookies: bool = Field(False, description="served over HTTPS: Secure cookies and HSTS")
    pool_size: int = Field(5, ge=1, le=100, description="database connections per worker")
    max_overflow: int = Field(5, ge=0, le=100)
    openapi: bool = Field(False, description="publish /openapi.json (no /docs: it loads outside assets)")
    metrics: bool = Field(True, description="serve /metrics (Prometheus); limit it at the proxy")
    access_log: bool = Field(True, description="one JSON line per request (route template, status, time)")
    log_level: str = Field("info", pattern="^(critical|error|warning|info|debug)$")
    max_request_bytes: int = Field(1024 * 1024, ge=1024)
    login_max_failures: int = Field(20, ge=1, description="wrong passwords before account and address lock")
    lockout_minutes: int = Field(15, ge=1)
    retention_days: int | None = Field(None, ge=30, description="purge decided submissions older than this")
    # bpa-sync/2. The secret seals the receiver's signing key in the database (receiver_key.py)
    # and keys the phone pages' form tokens: environment or a root-only file, never a command line.
    key_secret: SecretStr | None = Field(None, min_length=16, description="seals the receiver's event-signing key")
    link_max_bad_codes: int = Field(20, ge=1, description="unknown link codes per address before a lockout")
    link_max_requests: int = Field(300, ge=1, description="requests per link within link_window_minutes")
    link_window_minutes: int = Field(15, ge=1)

    @field_validator("root_path")
    @classmethod
    def _clean_root_path(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith("/"):
            raise ValueError(t("receiver.settings.root_path"))
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources = [init_settings, env_settings]
        config_file = os.environ.get(CONFIG_ENV)
        if config_file:
            if not Path(config_file).is_file():
                raise FileNotFoundError(t("receiver.settings.no_file", variable=CONFIG_ENV, path=config_file))
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        return tuple(sources)


def load(**overrides) -> ReceiverSettings:
    """Settings from the environment and the settings file; `overrides` (command-line) win."""
    return ReceiverSettings(**{key: value for key, value in overrides.items() if value is not None})


def as_environment(settings: ReceiverSettings) -> dict[str, str]:
    """The same settings as `BPA_RECEIVER_*` variables, for worker processes to read back."""
    values = {}
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        values[ENV_PREFIX + name.upper()] = str(value).lower() if isinstance(value, bool) else str(value)
    return values
