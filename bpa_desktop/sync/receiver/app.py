"""`create_app()`: the receiver as one FastAPI application (API, staff web page, /metrics).

Errors are application/problem+json with a stable `code`; a busy SQLite database answers 503
with Retry-After so clients back off. Middleware (middleware.py) limits bodies as they stream,
puts security headers on every answer and writes the access log and request metrics.
"""

from __future__ import annotations

import logging
import traceback
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from bpa_desktop import __version__ as app_version
from bpa_desktop.i18n import t
from bpa_desktop.sync.protocol import PROBLEM_MEDIA_TYPE, Problem
from bpa_desktop.sync.receiver import api, api_v2, database, link_pages, metrics, staff_rotas, web
from bpa_desktop.sync.receiver import settings as receiver_settings
from bpa_desktop.sync.receiver.middleware import AccessLog, BodyLimit, RequestLanguage, SecurityHeaders
from bpa_desktop.sync.receiver.problems import ProblemError
from bpa_desktop.sync.receiver.settings import ReceiverSettings

log = logging.getLogger("bpa_receiver.app")


_HTTP_PROBLEMS = {
    400: ("invalid_request", "receiver.problem.invalid_request"),
    404: ("not_found", "receiver.problem.not_found"),
    405: ("method_not_allowed", "receiver.problem.method_not_allowed"),
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
        code, key = _HTTP_PROBLEMS.get(error.status_code, ("http_error", "receiver.problem.http_error"))
        return _problem(ProblemError(error.status_code, code, t(key)), dict(error.headers or {}) or None)

    @app.exception_handler(RequestValidationError)
    async def _on_invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {"loc": (), "msg": ""}
        where = ".".join(str(part) for part in first["loc"])
        title = t("receiver.problem.v2_invalid_request" if "/v2/" in request.url.path else "receiver.problem.invalid_request")
        # Only the location and message: never echo the submitted values (they may be personal).
        return _problem(ProblemError(400, "invalid_request", title, f"{where}: {first['msg']}"))

    @app.exception_handler(OperationalError)
    async def _on_busy(_request: Request, error: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", type(error.orig).__name__)
        busy = ProblemError(503, "busy", t("receiver.problem.busy"))
        return _problem(busy, {"Retry-After": "1"})

    @app.exception_handler(Exception)
    async def _on_bug(_request: Request, error: Exception) -> JSONResponse:
        # The type and where, not the message: a database error's message holds the statement's
        # parameters, which may be a submission's content.
        where = "".join(traceback.format_tb(error.__traceback__)[-3:])
        log.error("unexpected error in receiver: %s", type(error).__name__, extra={"where": where})
        return _problem(ProblemError(500, "internal", t("receiver.problem.internal")))


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


def create_app(db_url: str | None = None, *, settings: ReceiverSettings | None = None,
               check_schema: bool = True) -> FastAPI:
    """The receiver application; with no arguments, configured from the environment and the
    settings file (receiver/settings.py), so a process manager can import it as a factory:
    `uvicorn --factory bpa_desktop.sync.receiver.app:create_app`.

    It never migrates: `bpa receiver migrate` does that once, before workers start. A worker on
    a database without this version's schema refuses to start (lifespan), with the reason in
    its log. `check_schema=False` only for building the OpenAPI document without a database.
    """
    settings = settings or receiver_settings.load(db=db_url)
    if db_url is not None and settings.db != db_url:
        settings = settings.model_copy(update={"db": db_url})
    if not settings.db:
        raise receiver_settings.MissingDatabase()
    engine = database.make_engine(settings.db, pool_size=settings.pool_size, max_overflow=settings.max_overflow)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        if check_schema:
            try:
                database.require_current_schema(engine)
            except database.ReceiverDatabaseError as error:
                log.critical("refusing to start: %s", error)
                engine.dispose()
                raise
            log.info("receiver worker ready", extra={"backend": engine.dialect.name})
        yield
        engine.dispose()

    app = FastAPI(
        title="bpa-desktop receiver (bpa-sync/1, bpa-sync/2)",
        version=app_version,
        description="Receives attested timesheets from bpa-desktop and sends the municipality's decisions back.",
        lifespan=lifespan,
        # FastAPI's /docs and /redoc load their scripts from a CDN: never served. The document
        # itself only when asked for (`openapi = true`); `bpa receiver openapi` prints it offline.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.openapi else None,
    )
    app.state.engine = engine
    app.state.settings = settings
    app.state.secure_cookies = settings.secure_cookies
    _install_error_handlers(app)
    _register_problem_schema(app)

    # Outermost first: the access log sees every answer, headers go on every answer (413s too).
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(SecurityHeaders, always_hsts=settings.secure_cookies)
    app.add_middleware(AccessLog, log_requests=settings.access_log)
    app.add_middleware(RequestLanguage, default=settings.language)  # the 413 above is told in it

    app.include_router(api.router)
    app.include_router(api_v2.router)
    app.include_router(web.router)
    app.include_router(staff_rotas.router)
    app.include_router(link_pages.router)
    app.mount("/staff/static", StaticFiles(packages=[("bpa_desktop.sync.receiver", "static")]), name="static")

    @app.get("/", include_in_schema=False)
    def _root(request: Request) -> RedirectResponse:
        return RedirectResponse(web.url(request, "/staff/"), status_code=303)

    if settings.metrics:
        @app.get("/metrics", include_in_schema=False)
        def _metrics() -> Response:
            body, content_type = metrics.render(engine)
            return Response(body, media_type=content_type)

    return app
