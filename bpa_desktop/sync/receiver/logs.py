"""Structured logs: one JSON object per line on stderr (python-json-logger), for journald,
a container runtime or a log shipper.

What is logged: the access line (method, route template, status, duration, client address),
start-up, refusals, lockouts and errors by type. Never a name, an employee or personal number,
a token, a code or a body: messages carry ids and codes only (a test greps the log for them).
The phone pages' capability codes are in their paths (/p/<code>): the access line has the route
template `/p/{code}` only (middleware.AccessLog), and uvicorn's own access log is off below.
"""

from __future__ import annotations

import logging

LEVELS = ("critical", "error", "warning", "info", "debug")


class PlainMessages(logging.Filter):
    """uvicorn adds a terminal-coloured copy of its messages; a JSON line does not need it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.__dict__.pop("color_message", None)
        return True


def logging_config(level: str = "info") -> dict:
    """A `logging.config.dictConfig` dictionary, also given to uvicorn (`log_config`)."""
    level = level.upper()
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr",
               "filters": ["plain"]}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger", "process": "pid"},
                "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            },
        },
        "filters": {"plain": {"()": PlainMessages}},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},  # AccessLog writes it
            "bpa_receiver": {"handlers": ["stderr"], "level": level, "propagate": False},
            "bpa_desktop": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }
