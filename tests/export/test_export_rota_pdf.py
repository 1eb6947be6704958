"""Rota PDF: pages, grid contents, legend, footer, holidays, fonts (read back with pdfplumber)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.export import formats as fmt
from bpa_desktop.export import pdf
from bpa_desktop.export.rota_pdf import page_ranges, render_rota_pdf
from tests.export import export_sample_data as sample


def open_pdf(data: bytes):
    return pdfplumber.open(io.BytesIO(data))


def grid(page) -> list[list[str]]:
    """The first (largest) table on a page: the rota grid."""
    return max(page.extract_tables(), key=len)


def test_eight_weeks_make_two_pages_and_nine_make_three():
    assert len(open_pdf(render_rota_pdf(sample.rota_document(weeks=8))).pages) == 2
    with open_pdf(render_rota_pdf(sample.rota_document(weeks=9))) as document:
        assert len(document.pages) == 3
        last_header = grid(document.pages[2])[0]
        # The ninth week alone: seven day columns between "Assistent" and "Timer".
        assert len(last_header) == 9


def test_page_ranges_cover_the_period_exactly_once():
    start, end = date(2026, 1, 5), date(2026, 12, 31)
    ranges = page_ranges(start, end)
    covered = [day for first, last in ranges for day in fmt.days(first, last)]
    assert covered == fmt.days(start, end)
    assert all((last - first).days <= 27 for first, last in ranges)


def test_cells_hold_each_assistants_codes_by_start_day():
    document = sample.rota_document(weeks=4)
    with open_pdf(render_rota_pdf(document)) as rendered:
        rows = grid(rendered.pages[0])
    header, body = rows[0], rows[1:]
    days = fmt.days(document.period_start, document.period_end)
    assert header[1:-1] == [f"{fmt.weekday_short(d)}\n{d.day}.{d.month}" for d in days]
    for assistant, row in zip(document.assistants, body):
        assert row[0] == assistant.name
        expected = {fmt.local(s.start).date(): s.code for s in document.shifts if s.assistant == assistant.id}
        assert row[1:-1] == [expected.get(day, "") for day in days]
        hours = sum(s.hours for s in document.shifts if s.assistant == assistant.id)
        assert row[-1] == fmt.fmt_number(hours)


def test_hours_column_counts_elapsed_time_over_the_spring_change():
    night = sample.TEMPLATES[2]
    shift = sample.shift_from_template("a1", date(2026, 3, 28), night, "n1")
    document = replace(
        sample.rota_document(start=date(2026, 3, 23), weeks=1),
        assistants=sample.ASSISTANTS[:1],
        shifts=[shift],
    )
    with open_pdf(render_rota_pdf(document)) as rendered:
        row = grid(rendered.pages[0])[1]
    assert row[-1] == "9,00"
    assert row[1:-1].index("N") == 5  # Saturday 28 March, the day the night starts


def test_every_page_has_legend_and_footer():
    document = sample.rota_document(weeks=8)
    with open_pdf(render_rota_pdf(document)) as rendered:
        for number, page in enumerate(rendered.pages, start=1):
            text = page.extract_text()
            for template in document.templates:
                assert template.name in text
                assert f"{template.start}–{template.end}" in text
            assert "00:00–06:00" in text  # the night's passive time
            assert f"Side {number} av 2" in text
            assert "Ordningen til Åse · Turnus: Vår 2026 · versjon 3 · skrevet ut 20.02.2026" in text


def test_holidays_are_starred_and_named():
    document = sample.rota_document(start=date(2026, 3, 30), weeks=4)
    with open_pdf(render_rota_pdf(document)) as rendered:
        page = rendered.pages[0]
        header = grid(page)[0]
        text = page.extract_text()
    assert "to*\n2.4" in header and "fr*\n3.4" in header and "ma*\n6.4" in header
    assert "ma\n30.3" in header  # an ordinary Monday has no star
    assert "2.4 Skjærtorsdag" in text and "6.4 Andre påskedag" in text


def test_shift_without_template_shows_its_hours():
    shift = sample.shift_from_template("a1", date(2026, 3, 3), sample.TEMPLATES[0], "x")
    shift = replace(shift, code=None, end=shift.start + timedelta(hours=4))
    document = replace(sample.rota_document(weeks=1), assistants=sample.ASSISTANTS[:1], shifts=[shift])
    with open_pdf(render_rota_pdf(document)) as rendered:
        row = grid(rendered.pages[0])[1]
    assert row[2] == "8-12"


def test_norwegian_letters_survive_with_each_font_family(monkeypatch, tmp_path):
    names = ["Øystein Åsheim", "Ærlend Bø"]
    families = [pdf.find_fonts(dejavu_dirs=(), vera_dir=tmp_path), pdf.find_fonts(dejavu_dirs=())]
    assert families[0] == pdf.HELVETICA  # nothing found: ReportLab's built-in font
    assert families[1].regular == "BPA-Vera"  # the TrueType font inside ReportLab
    for family in families:
        monkeypatch.setattr(pdf, "fonts", lambda family=family: family)
        with open_pdf(render_rota_pdf(sample.rota_document(weeks=1))) as rendered:
            text = rendered.pages[0].extract_text()
        for name in names:
            assert name in text


@pytest.mark.skipif(not pdf.fonts().regular.startswith("BPA-DejaVu"), reason="DejaVu Sans not installed")
def test_sami_letters_need_and_get_dejavu():
    with open_pdf(render_rota_pdf(sample.rota_document(weeks=1))) as rendered:
        assert "Máret Čeahci-Ŋuolja" in rendered.pages[0].extract_text()


@settings(max_examples=200)
@given(st.integers(0, 0xFFFFFF))
def test_colour_tints_stay_light_enough_for_black_text(rgb):
    tint = pdf.hex_tint(f"#{rgb:06x}")
    luminance = 0.299 * tint.red + 0.587 * tint.green + 0.114 * tint.blue
    assert luminance >= 0.6


@settings(max_examples=100, deadline=None)
@given(name=st.text(st.characters(codec="latin-1", exclude_categories=("Cc",)), min_size=1, max_size=80),
       height=st.sampled_from([12.0, 30.0]))
def test_names_are_fitted_into_the_name_column(name, height):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from bpa_desktop.export.rota_pdf import fit_name

    font = pdf.fonts().condensed
    text, size = fit_name(name, font, 90, height)
    lines = text.split("\n")
    assert all(stringWidth(line, font, size) <= 90 for line in lines)
    assert len(lines) * (size + 1) <= max(height, size + 1)
    words = " ".join(text.removesuffix("…").split())
    assert words in " ".join(name.split())  # the same words, at most cut short
