"""Reference receiver of `bpa-sync/1` for a municipality without its own portal.

HTTP API (app.py, api.py), a small staff web page (web.py, templates/), its own database
(store.py, database.py, migrations/). It never imports the desktop's storage package.
Install with the `receiver` extra (FastAPI, uvicorn, Jinja2).
"""
