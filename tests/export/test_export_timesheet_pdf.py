"""Timesheet PDF: the header a municipality needs, day columns that are the pay lines and add
up to them, the legend, DRAFT on anything not attested, correction, signatures and footer."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, timedelta

import pdfplumber

from bpa_desktop.core.model import TimesheetStatus
from bpa_desktop.export.timesheet_pdf import SubmissionStamp, render_timesheet_pdf, render_timesheets_pdf
from tests.export import export_sample_data as sample

HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
NUMBER = re.compile(r"^\d+,\d\d$")


def pages_of(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as document:
        return [page.extract_text() for page in document.pages]


def watermarks(data: bytes) -> list[bool]:
    """Per page: whether the DRAFT watermark is drawn (its letters, in drawing order)."""
    with pdfplumber.open(io.BytesIO(data)) as document:
        return ["UTKAST–ikkeattestert" in "".join(c["text"] for c in page.chars if c["size"] > 40).replace(" ", "")
                for page in document.pages]


def text_of(data: bytes) -> tuple[int, str]:
    pages = pages_of(data)
    return len(pages), "\n".join(pages)


def sum_line(text: str) -> list[str]:
    return next(line for line in text.splitlines() if line.startswith("Sum ") and "beløp" not in line).split()[1:]


def pay_line_hours(text: str, code: str) -> str:
    line = [line for line in text.splitlines() if line.startswith(code + " ")][-1]  # the first is a column heading
    return [word for word in line.split() if NUMBER.match(word)][0]


def test_header_names_whose_sheet_it_is_who_attested_and_the_vedtak():
    _, text = text_of(render_timesheet_pdf(sample.timesheet_document()))
    text = text.replace(" kl.\n", " kl. ")  # the last value wraps
    for expected in (
        "Timeliste",
        "Tjenestemottaker Åse Ås",
        "Ordning Ordningen til Åse",
        "Arbeidsleder Ingrid Ås",
        "Arbeidsgiver Åsen kommune, org.nr. 937465182",
        "Vedtak 2025/0342-2",
        "Assistent Øystein Åsheim",
        "Ansattnr. 1042",
        "Stilling 60,00 %",
        "Periode 01.03.2026 – 31.03.2026",
        "Status Attestert av arbeidsleder, versjon 1",
        "Attestert Ingrid Ås (arbeidsleder), 01.04.2026 kl. 09:14",
    ):
        assert expected in text, expected
    assert "KORRIGERT" not in text and "UTKAST" not in text
    assert watermarks(render_timesheet_pdf(sample.timesheet_document())) == [False, False]


def test_every_column_adds_up_to_its_pay_line_on_the_paper():
    document = sample.timesheet_document()
    _, text = text_of(render_timesheet_pdf(document))
    totals = sum_line(text)
    columns = document.line_columns()
    assert len(totals) == 1 + len(columns)  # "Timer" and one per pay line
    for column, total in zip(columns, totals[1:]):
        assert pay_line_hours(text, column.pay_code) == total, column
    assert "KS-1500" in [c.pay_code for c in columns]  # the sick day is a column of its own
    assert "Egenmelding · AGP dag 1 av 16" in text and "AGP: arbeidsgiverperioden" in text
    assert "Sum beløp" in text


def test_anything_not_attested_is_marked_draft_on_every_page():
    draft = replace(sample.timesheet_document(), status=TimesheetStatus.CONFIRMED, attested_at=None)
    data = render_timesheet_pdf(draft)
    pages = pages_of(data)
    assert "UTKAST – ikke attestert. Timene kan endre seg" in pages[0]
    assert watermarks(data) == [True] * len(pages)
    assert "Attestert ikke attestert" in pages[0]


def test_holidays_and_eves_are_marked_and_explained():
    detail, profile = sample.sheet_detail(date(2026, 4, 1))  # Easter: 1 April is a noon eve, 2 April a holiday
    _, text = text_of(render_timesheet_pdf(sample.timesheet_document(detail=detail, profile=profile)))
    assert "to 02.04*" in text and "on 01.04**" in text
    assert "* helligdag." in text and "** høytidsaften" in text
    holiday = next(c for c in sample.timesheet_document(detail=detail, profile=profile).line_columns()
                   if c.line_id == "holiday")
    # Wednesday 1 April, a noon eve: the KS holiday supplement counts 12:00-24:00 of it
    wednesday = next(line for line in text.splitlines() if line.startswith("on 01.04**"))
    assert wednesday.split()[-1] == "4,00" and holiday.pay_code == "KS-2030"  # D 08-16: 12-16


def test_correction_is_shown_with_reason_and_replaced_version():
    document = sample.timesheet_document(version=2, replaces_version=1, correction_reason="Glemt nattevakt 13.03")
    _, text = text_of(render_timesheet_pdf(document))
    assert "KORRIGERT – erstatter versjon 1" in text
    assert "Årsak: Glemt nattevakt 13.03" in text
    assert "versjon 2" in text


def test_signature_lines_for_both_roles():
    _, text = text_of(render_timesheet_pdf(sample.timesheet_document()))
    assert "Assistent Arbeidsleder" in text
    assert text.count("Signatur") == 2


def test_footer_carries_the_submission_id_and_once_sealed_the_short_hash():
    stamp = SubmissionStamp("0f3c9a1e-5b7d-4c2a", HASH, "3b9a11")
    _, text = text_of(render_timesheet_pdf(sample.timesheet_document(submission=stamp)))
    assert f"Innsending 0f3c9a1e-5b7d-4c2a · SHA-256 {HASH[:16]} · nøkkel 3b9a11" in text
    assert HASH not in text
    assert "skrevet ut 02.04.2026" in text and "Side 1 av 2" in text
    _, unsealed = text_of(render_timesheet_pdf(sample.timesheet_document(submission=SubmissionStamp("abc-1"))))
    assert "Innsending abc-1\n" in unsealed + "\n" and "SHA-256" not in unsealed
    _, plain = text_of(render_timesheet_pdf(sample.timesheet_document()))
    assert "Innsending" not in plain


def test_long_sheet_runs_over_pages_with_repeated_header():
    period = date(2026, 3, 1)
    shifts = sample.month_shifts(period, period + timedelta(days=30))
    extra = [replace(s, id=f"e{hour}{s.id}", start=s.start - timedelta(hours=hour), end=s.start - timedelta(hours=hour - 1))
             for s in shifts if s.code == "D" for hour in (2, 4, 6)]
    detail, profile = sample.sheet_detail(period, shifts=shifts + extra)
    pages = pages_of(render_timesheet_pdf(sample.timesheet_document(detail=detail, profile=profile)))
    with_days = [page for page in pages if re.search(r"^\w\w \d\d\.0[23]\** \d\d:\d\d \d\d:\d\d", page, re.M)]
    assert len(with_days) >= 2
    assert all("Dato Start Slutt Timer" in page for page in with_days)  # the heading repeats
    assert f"Side {len(pages)} av {len(pages)}" in pages[-1]


def test_many_sheets_in_one_file_number_their_own_pages():
    first = sample.timesheet_document()
    second = sample.timesheet_document(assistant_name="Máret Čeahci", employee_no="1043",
                                       status=TimesheetStatus.DRAFT, attested_at=None)
    data = render_timesheets_pdf([first, second])
    pages = pages_of(data)
    assert len(pages) == 4
    assert "Øystein Åsheim" in pages[0] and "Side 1 av 2" in pages[0] and "Side 2 av 2" in pages[1]
    assert "Máret Čeahci" in pages[2] and "Side 1 av 2" in pages[2]
    assert watermarks(data) == [False, False, True, True]
