"""A language for one block is seen only by the thread (or task) that asked for it: a PDF made
in English by a worker leaves the window's bokmål alone, and a receiver's requests do not mix."""

from __future__ import annotations

import threading

from bpa_desktop import i18n
from bpa_desktop.i18n import t


def test_a_block_in_english_is_not_seen_by_another_thread():
    inside, seen_meanwhile = threading.Event(), []
    release = threading.Event()

    def worker():
        with i18n.language("en"):
            inside.set()
            release.wait(5)
            seen_meanwhile.append(t("receiver.page.log_in"))

    thread = threading.Thread(target=worker)
    thread.start()
    assert inside.wait(5)
    assert i18n.get_language() == "nb" and t("receiver.page.log_in") == "Logg inn"
    release.set()
    thread.join(5)
    assert seen_meanwhile == ["Log in"]
    assert i18n.get_language() == "nb"


def test_blocks_nest_and_unwind():
    with i18n.language("en"):
        with i18n.language("nb"):
            assert i18n.get_language() == "nb"
        assert i18n.get_language() == "en"
        with i18n.language(None):
            assert i18n.get_language() == "en"
    assert i18n.get_language() == "nb"


def test_the_process_language_comes_back_after_a_command():
    with i18n.language_kept():
        i18n.set_language("en")
        assert t("receiver.page.log_in") == "Log in"
    assert i18n.get_language() == "nb"
