"""Timesheet PDF: header, day table sums, pay lines, correction, signature and footer."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import pdfplumber

from bpa_desktop.core.model import PayLine, TimesheetStatus
from bpa_desktop.export import formats as fmt
from bpa_desktop.export.timesheet_pdf import (
    SubmissionStamp,
    TimesheetRow,
    render_timesheet_pdf,
)
from tests.export import export_sample_data as sample

HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def text_of(data: bytes) -> tuple[int, str]:
    with pdfplumber.open(io.BytesIO(data)) as document:
        return len(document.pages), "\n".join(page.extract_text() for page in document.pages)


def sum_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("Sum "))


def test_header_names_who_when_and_status():
    document = sample.timesheet_document()
    pages, text = text_of(render_timesheet_pdf(document))
    assert pages == 1
    for expected in (
        "Timeliste",
        "Ordning Ordningen til Åse",
        "Assistent Øystein Åsheim",
        "Ansattnr. 1042",
        "Periode 01.03.2026 – 31.03.2026",
        "Status Attestert av arbeidsleder",
        "Versjon 1",
    ):
        assert expected in text
    assert "KORRIGERT" not in text


def test_sum_line_adds_up_the_rows():
    document = sample.timesheet_document()
    _, text = text_of(render_timesheet_pdf(document))
    total = {key: sum(row.windows.get(key, 0.0) for row in document.rows) for key in ("evening", "night", "saturday", "sunday", "holiday")}
    expected = " ".join(
        [fmt.fmt_number(sum(r.passive_hours for r in document.rows)), fmt.fmt_number(sum(r.hours for r in document.rows))]
        + [fmt.fmt_number(total[key]) for key in ("evening", "night", "saturday", "sunday", "holiday")]
    )
    assert sum_line(text) == f"Sum {expected}"
    assert sum(r.hours for r in document.rows) > 100  # the sample is a real month, not a stub


def test_day_rows_show_times_absence_and_comments():
    _, text = text_of(render_timesheet_pdf(sample.timesheet_document()))
    assert "fr 06.03 22:00 08:00 (+1) 6,00 10,00 8,00 8,00" in text
    assert "sø 01.03 Egenmelding Sykt barn hjemme" in text
    assert "Tur på Bygdøy" in text
    for heading in ("Kveld", "Natt", "Lørdag", "Søndag", "Helligdag", "Fravær", "Kommentar"):
        assert heading in text


def test_pay_lines_with_and_without_rates():
    document = sample.timesheet_document()
    _, text = text_of(render_timesheet_pdf(document))
    assert "1010 Timelønn 150,00 245,50 36825,00" in text
    assert "1220 Lørdags- og søndagstillegg 54,00 55,00 2970,00" in text
    without_rates = [PayLine("a1", line.pay_code, line.kind, line.description, line.hours) for line in document.pay_lines]
    _, text = text_of(render_timesheet_pdf(sample.timesheet_document(pay_lines=without_rates)))
    assert "1010 Timelønn 150,00\n" in text + "\n"
    assert "Sats" not in text and "Beløp" not in text


def test_correction_is_shown_with_reason_and_replaced_version():
    document = sample.timesheet_document(
        version=2, replaces_version=1, correction_reason="Glemt nattevakt 13.03", status=TimesheetStatus.CONFIRMED
    )
    _, text = text_of(render_timesheet_pdf(document))
    assert "KORRIGERT – erstatter versjon 1" in text
    assert "Årsak: Glemt nattevakt 13.03" in text
    assert "Status Bekreftet av assistent" in text
    assert "Versjon 2" in text


def test_signature_lines_for_both_roles():
    _, text = text_of(render_timesheet_pdf(sample.timesheet_document()))
    assert "Assistent Arbeidsleder" in text
    assert text.count("Signatur") == 2 and text.count("Dato") >= 3  # column heading + two lines


def test_footer_carries_submission_stamp_with_short_hash():
    stamp = SubmissionStamp("0f3c9a1e-5b7d-4c2a", HASH, "SHA256:3b:9a:11")
    _, text = text_of(render_timesheet_pdf(sample.timesheet_document(submission=stamp)))
    assert f"Innsending 0f3c9a1e-5b7d-4c2a · SHA-256 {HASH[:16]} · nøkkel SHA256:3b:9a:11" in text
    assert HASH not in text
    assert "skrevet ut 02.04.2026" in text and "Side 1 av 1" in text
    _, plain = text_of(render_timesheet_pdf(sample.timesheet_document()))
    assert "Innsending" not in plain


def test_long_sheet_runs_over_pages_with_repeated_header():
    start = date(2026, 3, 1)
    rows = [
        TimesheetRow(start + timedelta(days=i // 2), time(8 + 8 * (i % 2), 0), time(15 + 8 * (i % 2), 0), 0.0, 7.0, {})
        for i in range(62)
    ]
    pages, text = text_of(render_timesheet_pdf(sample.timesheet_document(rows=rows)))
    assert pages == 2
    assert text.count("Dato Start Slutt Passiv Timer") == 2
    assert "Side 2 av 2" in text
    assert sum_line(text).startswith("Sum 0,00 434,00")


def test_holiday_rows_are_starred_and_datetimes_crossing_midnight_marked():
    oslo = fmt.OSLO
    rows = [
        TimesheetRow(date(2026, 4, 2), datetime(2026, 4, 2, 22, tzinfo=oslo), datetime(2026, 4, 3, 8, tzinfo=oslo),
                     6.0, 10.0, {"night": 9.0, "holiday": 10.0}),
        TimesheetRow(date(2026, 4, 7), time(8), time(16), 0.0, 8.0, {}),
    ]
    document = sample.timesheet_document(period_start=date(2026, 4, 1), rows=rows)
    _, text = text_of(render_timesheet_pdf(document))
    assert "to 02.04* 22:00 08:00 (+1) 6,00 10,00 9,00 10,00" in text
    assert "ti 07.04 08:00 16:00 8,00" in text
