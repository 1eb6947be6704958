"""The printed card of a share link: who it is for, the address and the code written out (so it
can be typed), the expiry, and a QR code that decodes to the address (segno's matrix, drawn)."""

from __future__ import annotations

from datetime import datetime, timezone

import pdfplumber
import segno

from bpa_desktop.export.link_card import LinkCard, qr_matrix, write_link_card

CODE = "ktjxvcE8I86Tsj1GZSFlWf2e-NmeSPkT"
URL = f"https://mottak.kommune.no/p/{CODE}"


def test_the_card_names_the_person_the_address_the_code_and_the_expiry(tmp_path, _bokmal):
    card = LinkCard("Linnea", "Måneden din og turnusens vakter", URL, CODE, datetime(2027, 1, 2, 12, tzinfo=timezone.utc))
    path = write_link_card(card, tmp_path / "kort.pdf")
    with pdfplumber.open(path) as pdf:
        (page,) = pdf.pages
        text = page.extract_text().replace("\n", "")
        squares = [r for r in page.rects if r["fill"]]
    assert "Din lenke, Linnea" in text and "Gyldig til og med" in text
    assert CODE in text and URL in text  # written out in pieces, read back whole
    dark = sum(map(sum, qr_matrix(URL)))
    assert len(squares) == dark  # one filled square per dark module of the QR code


def test_the_qr_matrix_is_the_code_of_the_address():
    matrix = qr_matrix(URL)
    expected = [[bool(c) for c in row] for row in segno.make_qr(URL, error="m").matrix_iter(scale=1, border=4)]
    assert matrix == expected and len(matrix) == len(matrix[0]) >= 29
