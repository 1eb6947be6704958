"""`create_app(db_url)`: the receiver as one FastAPI application (API + staff web page).

OpenAPI is published at /openapi.json (docs at /docs). Errors are application/problem+json with
a stable `code`; a busy SQLite database answers 503 with Retry-After so clients back off.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from bpa_desktop import __version__ as app_version
from bpa_desktop.sync.protocol import PROBLEM_MEDIA_TYPE, Problem
from bpa_desktop.sync.receiver import api, database, web
from bpa_desktop.sync.receiver.problems import ProblemError

log = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 1024 * 1024


_HTTP_PROBLEMS = {
    400: ("invalid_request", "Forespørselen følger ikke bpa-sync/1."),
    404: ("not_found", "Fant ikke adressen."),
    405: ("method_not_allowed", "Metoden er ikke tillatt her."),
}


def _problem(error: ProblemError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        error.problem().model_dump(mode="json"),
        status_code=error.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _on_problem(_request: Request, error: ProblemError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
        return _problem(error, headers)

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        # The framework's own answers (unknown path, wrong method, unreadable body) as problems too.
        code, title = _HTTP_PROBLEMS.get(error.status_code, ("http_error", "Forespørselen kan ikke behandles."))
        return _problem(ProblemError(error.status_code, code, title), dict(error.headers or {}) or None)

    @app.exception_handler(RequestValidationError)
    async def _on_invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {"loc": (), "msg": ""}
        where = ".".join(str(part) for part in first["loc"])
        # Only the location and message: never echo the submitted values (they may be personal).
        return _problem(ProblemError(400, "invalid_request", "Forespørselen følger ikke bpa-sync/1.", f"{where}: {first['msg']}"))

    @app.exception_handler(OperationalError)
    async def _on_busy(_request: Request, error: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", type(error.orig).__name__)
        busy = ProblemError(503, "busy", "Mottakeren er opptatt. Prøv igjen om litt.")
        return _problem(busy, {"Retry-After": "1"})

    @app.exception_handler(Exception)
    async def _on_bug(_request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error in receiver")
        return _problem(ProblemError(500, "internal", "Intern feil i mottakeren. Ingenting ble lagret."))


def _register_problem_schema(app: FastAPI) -> None:
    """api.py documents errors as application/problem+json with `Problem`; add that schema."""
    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            document = generate()
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        return app.openapi_schema

    app.openapi = openapi


def create_app(db_url: str, *, migrate: bool = True, secure_cookies: bool = False) -> FastAPI:
    """The receiver over `db_url` (SQLAlchemy URL or SQLite file path).

    `secure_cookies`: mark the staff session cookie Secure (set when served behind HTTPS).
    """
    db_url = database.normalise_url(db_url)
    if migrate:
        database.migrate(db_url)
    engine = database.make_engine(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        engine.dispose()

    app = FastAPI(
        title="bpa-desktop mottaker (bpa-sync/1)",
        version=app_version,
        description="Tar imot attesterte timelister fra bpa-desktop og sender kommunens beslutninger tilbake.",
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.secure_cookies = secure_cookies
    _install_error_handlers(app)
    _register_problem_schema(app)

    @app.middleware("http")
    async def _limit_size(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_REQUEST_BYTES):
            return _problem(ProblemError(413, "too_large", "Forespørselen er for stor."))
        return await call_next(request)

    app.include_router(api.router)
    app.include_router(web.router)

    @app.get("/", include_in_schema=False)
    def _root() -> RedirectResponse:
        return RedirectResponse("/staff/", status_code=303)

    return app
