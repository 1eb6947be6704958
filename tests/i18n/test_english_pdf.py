"""The PDFs follow the current language: bokmål by default, English inside language("en")."""

from __future__ import annotations

import io
import re

import pdfplumber

from bpa_desktop.export.rota_pdf import render_rota_pdf
from bpa_desktop.export.timesheet_pdf import render_timesheet_pdf
from bpa_desktop.i18n import language
from tests.export import export_sample_data as sample

NORWEGIAN_WORDS = re.compile(r"\b(Timeliste|Ordning|Periode|Versjon|Timer|Fravær|Kommentar|Sum per|Signatur|Dato|Side|"
                             r"Turnus|uke|Kveld|Natt|Lørdag|Søndag|Helligdag|Egenmelding|Utkast|skrevet ut|"
                             r"Assistent|Arbeidsleder|Lønnsart|Beskrivelse|Grå kolonne)\b")


def text_of(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as document:
        return "\n".join(page.extract_text() for page in document.pages)


def test_the_timesheet_pdf_in_english_has_no_norwegian_words():
    nb = text_of(render_timesheet_pdf(sample.timesheet_document()))
    with language("en"):  # the document is made in the language it is printed in (its notes)
        document = sample.timesheet_document()
        en = text_of(render_timesheet_pdf(document))
    pages = nb.count("Side ")
    assert nb.startswith("Timeliste") and f"Side 1 av {pages}" in nb
    assert en.startswith("Timesheet") and f"Page 1 of {pages}" in en and "Shifts and absence" in en
    # names, and the employer's own pay-code names and their short headings (profile data)
    names = {document.arrangement_name, document.assistant_name,
             *(column.heading for column in document.line_columns()),
             *(line.description for line in document.pay_lines)}
    stripped = en
    for name in names:
        stripped = stripped.replace(name, "")
    assert NORWEGIAN_WORDS.findall(stripped) == []
    assert "7.50" in en or "8.00" in en  # decimal point in English, comma in bokmål
    assert "8,00" in nb


def test_the_rota_pdf_in_english_has_no_norwegian_words():
    document = sample.rota_document()
    with language("en"):
        en = text_of(render_rota_pdf(document))
    assert "Grey column" in en and "weeks" in en
    stripped = en.replace(document.arrangement_name, "").replace(document.rota_name, "")
    assert NORWEGIAN_WORDS.findall(stripped) == []
