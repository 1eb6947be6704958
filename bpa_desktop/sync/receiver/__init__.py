"""Reference receiver of `bpa-sync/1` for a municipality without its own portal.

HTTP API (app.py, api.py), a small staff web page (web.py, templates/, static/), its own
database (store.py, database.py, migrations/), configuration (settings.py), middleware for
body limits, security headers and the access log (middleware.py), metrics, logs, login
throttling and retention. It never imports the desktop's storage package or Qt: it ships on
its own as the `bpa-receiver` distribution (packaging/receiver). Operator's guide:
docs/receiver.md.
"""
