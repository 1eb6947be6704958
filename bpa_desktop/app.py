"""GUI entry point `bpa-desktop`.

    bpa-desktop [--demo | --db PATH] [--page NAME] [--lang nb|en]
                [--theme light|dark|high-contrast] [--screenshot FILE.png [--size WIDTHxHEIGHT]] [--version]

`--screenshot` renders the main window on the named page to a PNG once the page has its
data, then exits; it needs no display under QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from bpa_desktop.commands import cli_language
from bpa_desktop.i18n import t
from bpa_desktop.ui.pages.registry import PAGE_IDS

log = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1280, 800)
LOAD_TIMEOUT_MS = 30000
FIRST_PAINT_WAIT_MS = 500  # the database opens after the first paint, or after this at the latest


def build_parser() -> argparse.ArgumentParser:
    from bpa_desktop import __version__

    parser = argparse.ArgumentParser(prog="bpa-desktop", description=t("cli.app.description"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=t("cli.argparse.version"))  # argparse does not translate this one
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--demo", action="store_true", help=t("cli.app.demo"))
    source.add_argument("--db", type=Path, help=t("cli.app.db"))
    parser.add_argument("--page", choices=PAGE_IDS, help=t("cli.app.page"))
    parser.add_argument("--lang", choices=("nb", "en"), help=t("cli.app.lang"))
    parser.add_argument("--theme", choices=("light", "dark", "high-contrast"), help=t("cli.app.theme"))
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", help=t("cli.app.screenshot"))
    parser.add_argument("--size", type=window_size, metavar="WIDTHxHEIGHT", default=SCREENSHOT_SIZE,
                        help=t("cli.app.size"))
    return parser


def window_size(text: str) -> tuple[int, int]:
    """`1280x720` as (1280, 720)."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit() or min(int(width), int(height)) < 1:
        raise argparse.ArgumentTypeError(text)
    return int(width), int(height)


def demo_path() -> Path:
    """The demo database lives beside the real one; rebuilt on every launch so dates are current."""
    from platformdirs import user_data_dir

    from bpa_desktop.storage.paths import APP_NAME

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.sqlite"


def build_fresh_demo(path: Path) -> None:
    from bpa_desktop.demo import build_demo

    build_demo(path)  # replaces the old demo file only once the new one is complete


def main(argv: list[str] | None = None) -> int:
    # start-up allocates much and frees little: no cyclic collection until the first page has
    # its data (it took a tenth of the CPU time to that moment)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv, collecting)
    finally:
        if collecting:
            gc.enable()


def _collect_again(collecting: bool) -> None:
    if collecting and not gc.isenabled():
        gc.enable()


def _main(argv: list[str] | None, collecting: bool) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    cli_language.choose(argv)  # the help's language; the window's is chosen below (saved choice too)
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from bpa_desktop.storage.errors import DatabaseError  # light: no SQLAlchemy
    from bpa_desktop.ui.translation import choose_language, install_language

    QCoreApplication.setOrganizationName("bpa-desktop")
    QCoreApplication.setApplicationName("bpa-desktop")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setDesktopFileName("no.bpa_desktop.BpaDesktop")  # Wayland matches the window to its .desktop file
    language = choose_language(args.lang, QSettings())
    found = _translation_state(app)  # given back at the end (tests call main in their process)
    translators = install_language(app, language)
    from bpa_desktop.ui.theme.apply import apply_theme, choose_theme

    apply_theme(app, choose_theme(args.theme, QSettings()))

    headless = args.screenshot is not None or QApplication.platformName() in ("offscreen", "minimal")
    from bpa_desktop.ui import window_state
    from bpa_desktop.ui.context import AppContext
    from bpa_desktop.ui.main_window import MainWindow

    # the window (the last page's frame) paints first; the database opens in a worker after that
    ctx = AppContext(None)
    window = MainWindow(ctx, offer_first_run=args.screenshot is None, start_sync=args.screenshot is None)
    window.page_loaded.connect(lambda _page_id: _collect_again(collecting))
    remembered = args.screenshot is None  # a screenshot neither reads nor changes the saved state
    shown = args.page or (window_state.last_page(PAGE_IDS) if remembered else None) or "oversikt"
    window.show_page_index(PAGE_IDS.index(shown))  # its frame now, the page once the database is open
    if remembered:
        window.remember_state = True
        window_state.restore(window, SCREENSHOT_SIZE)
    else:
        window.resize(*args.size)
    window.show()
    workspace = None
    snapshot_db = snapshot_db_path(args)
    try:
        opened = open_after_first_paint(window, ctx, args, snapshot_db if shown == "oversikt" else None)
        if isinstance(opened, DatabaseError):
            # the file is left untouched; say why in words and stop
            window.remember_state = False
            window.hide()
            if headless:
                print(str(opened), file=sys.stderr)
            else:
                from bpa_desktop.ui.plain import message_box

                message_box(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Cannot open the database"),
                            str(opened), QMessageBox.StandardButton.Ok).exec()
            return 2
        if isinstance(opened, BaseException):
            raise opened
        workspace = opened
        if args.screenshot is not None:
            return take_screenshot(app, window, args.screenshot, args.size)
        if workspace is None or not window.isVisible():
            return 0  # closed while the database was opening
        return app.exec()
    finally:
        window.sync.stop()  # let a running sync pass finish; no thread outlives the app
        ctx.jobs.cancel_all()  # long jobs stop after their current piece; queued writes still run
        ctx.wait_for_done()
        window.close()
        window.deleteLater()
        if workspace is not None:
            close_workspace(window, ctx, workspace, keep_snapshot=snapshot_db is not None)
        for translator in translators:
            app.removeTranslator(translator)
        _restore_translation(app, found)


def _translation_state(app) -> tuple:
    from PySide6.QtCore import QLocale

    from bpa_desktop import i18n

    return list(getattr(app, "_bpa_translators", [])), i18n.get_language(), QLocale()


def _restore_translation(app, state: tuple) -> None:
    from PySide6.QtCore import QLocale

    from bpa_desktop import i18n

    translators, language, locale = state
    for translator in translators:
        app.installTranslator(translator)
    app._bpa_translators = translators
    i18n.set_language(language)
    QLocale.setDefault(locale)


def snapshot_db_path(args: argparse.Namespace) -> Path | None:
    """The database whose Oversikt snapshot the start may show and the close writes; none for
    the demo (rebuilt on every start, so the last one's figures would be wrong)."""
    if args.demo:
        return None
    if args.db is not None:
        return args.db
    from bpa_desktop.storage.paths import default_db_path

    return default_db_path()


def load_snapshot(db_path: Path):
    from datetime import date

    from bpa_desktop import overview_snapshot

    return overview_snapshot.load(db_path, date.today())


def open_after_first_paint(window, ctx, args, snapshot_db: Path | None = None):
    """Open the Workspace in a worker once the window has painted; the window stays live meanwhile.
    With `snapshot_db`, Oversikt first shows its snapshot if one is valid (bpa_desktop/overview_snapshot.py).
    Returns the Workspace, the exception, or None (the application quit before it was open)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    outcome: dict = {}

    def start() -> None:
        if not outcome:
            outcome["started"] = True
            if snapshot_db is None:
                open_now()
            else:  # read in a worker; the database opens after it (two threads would slow both)
                ctx.runner.submit(load_snapshot, snapshot_db, on_done=show_snapshot, on_error=lambda _e: open_now())

    def show_snapshot(snapshot) -> None:
        if snapshot is not None and window.current_page_id == "oversikt":
            window.current_page.show_snapshot(snapshot)
        open_now()

    def open_now() -> None:
        ctx.runner.submit(open_workspace, args, on_done=opened, on_error=failed)

    def opened(workspace) -> None:
        outcome["result"] = workspace
        ctx.set_workspace(workspace)
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome["result"] = error
        loop.quit()

    window.first_painted.connect(start)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, start)  # a window that is never exposed opens it too
    loop.exec()
    if outcome and "result" not in outcome:  # the application quit (the window closed) while it opened
        ctx.runner.wait_for_done()
    return outcome.get("result")


def close_workspace(window, ctx, workspace, keep_snapshot: bool) -> None:
    """Close the database. When Oversikt is the page the next start shows, read it once more
    (after the last write) and write its snapshot with the file's identity after the close
    (the WAL is checkpointed into the file then, and gone)."""
    arrangement = ctx.arrangement
    if not (keep_snapshot and window.current_page_id == "oversikt" and arrangement is not None
            and ctx.arrangements and ctx.arrangements[0].id == arrangement.id):
        workspace.close()
        return
    from datetime import date

    from bpa_desktop import overview_snapshot
    from bpa_desktop.ui.pages import overview

    path = workspace.path
    try:
        data = overview.read_overview(workspace, arrangement.id, date.today())
    except Exception as error:  # noqa: BLE001 (no snapshot then; the next start reads the database)
        log.warning("No overview snapshot at close: %s", type(error).__name__)
        data = None
    workspace.close()
    if data is None:
        overview_snapshot.discard(path)
        return
    try:
        overview.save_snapshot(path, overview_snapshot.db_identity(path), arrangement, data)
    except OSError as error:
        log.warning("Could not write the overview snapshot: %s", error.strerror)


def open_workspace(args: argparse.Namespace):
    from bpa_desktop.workspace import Workspace

    if args.demo:
        path = demo_path()
        build_fresh_demo(path)
        return Workspace.open(path)
    # the user's own data: a copy after the day's first change and before attesting
    return Workspace.open(args.db, automatic_backups=args.screenshot is None)


def take_screenshot(app, window, path: Path, size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """Show the window at `size`, wait for the page's data (signal, not a sleep), save a PNG."""
    from PySide6.QtCore import QEventLoop, QTimer

    window.resize(*size)
    window.show()
    page = window.current_page
    if not page.is_loaded:
        loop = QEventLoop()
        page.loaded.connect(loop.quit)
        QTimer.singleShot(LOAD_TIMEOUT_MS, loop.quit)  # a safety net, not a wait
        loop.exec()
        if not page.is_loaded:
            print(f"The page {page.page_id} did not load within {LOAD_TIMEOUT_MS // 1000} s", file=sys.stderr)
            return 1
    app.processEvents()  # let layouts settle after the models reset
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        print(f"Could not write {path}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
