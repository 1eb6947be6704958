"""`bpa-desktop --screenshot` renders a page with its data; a bad database file is refused untouched."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from bpa_desktop import app


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.mark.parametrize("page", ["assistenter", "vedtak"])
def test_screenshot_of_a_page_with_its_data(qapp, _bokmal, demo_workspace, tmp_path, page):
    db = demo_workspace.path
    names = [a.name for a in demo_workspace.people.list_assistants(demo_workspace.people.list_arrangements()[0].id)]
    demo_workspace.close()
    shot = tmp_path / f"{page}.png"
    assert app.main(["--db", str(db), "--page", page, "--lang", "nb", "--screenshot", str(shot)]) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == app.SCREENSHOT_SIZE
    assert distinct_colours(image) > 20  # text, table and selection, not a blank window
    assert names  # the demo has assistants to show


def test_screenshot_waits_for_the_page_data(qapp, _bokmal, demo_workspace, tmp_path, monkeypatch):
    """The PNG is taken only after the page reports `loaded` with rows in its table."""
    from bpa_desktop.ui.main_window import MainWindow

    rows_at_grab = []
    real_grab = MainWindow.grab

    def grab(self, *args):
        rows_at_grab.append(self.pages["assistenter"].model.rowCount())
        return real_grab(self, *args)

    monkeypatch.setattr(MainWindow, "grab", grab)
    expected = len(demo_workspace.people.list_assistants(demo_workspace.people.list_arrangements()[0].id))
    db = demo_workspace.path
    demo_workspace.close()
    assert app.main(["--db", str(db), "--page", "assistenter", "--screenshot", str(tmp_path / "a.png")]) == 0
    assert rows_at_grab == [expected] and expected > 0


def test_unreadable_database_exits_2_and_is_left_untouched(qapp, _bokmal, tmp_path, capsys):
    db = tmp_path / "broken.sqlite"
    content = b"this is not an SQLite database" * 100
    db.write_bytes(content)
    shot = tmp_path / "never.png"
    assert app.main(["--db", str(db), "--screenshot", str(shot)]) == 2
    assert db.read_bytes() == content
    assert not shot.exists()
    assert capsys.readouterr().err.strip()
