"""Visma Lønn import file and the plain pay-line CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core.model import PayLine
from bpa_desktop.export.payroll import (
    VISMA_COLUMNS,
    PayrollExportError,
    PayrollLine,
    payroll_lines,
    read_pay_lines_csv,
    render_pay_lines_csv,
    render_visma_lonn,
)

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def line(employee="1042", code="1010", hours=150.0, rate=245.5, description="Timelønn", period=MARCH):
    return PayrollLine(employee, code, hours, rate, period[0], period[1], description)


def visma_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("cp1252"), newline=""), delimiter=";"))


def test_visma_line_has_the_standard_columns_in_order():
    data = render_visma_lonn([line(), line(code="1210", hours=24.125, rate=None)], department="Avd Øst")
    assert data.count(b"\r\n") == 2 and data.endswith(b"\r\n")
    first, second = data.decode("cp1252").split("\r\n")[:2]
    assert first == '2026;0;1042;1010;0.00;150.00;245.50;0.00;0;0;"Avd Øst";"";"";"";"";"";0'
    # Half-up to two decimals; no rate -> 0.00 so Visma takes the lønnsart's rate.
    assert second == '2026;0;1042;1210;0.00;24.13;0.00;0.00;0;0;"Avd Øst";"";"";"";"";"";0'
    assert all(len(row) == len(VISMA_COLUMNS) == 17 for row in visma_rows(data))
    assert "Øst".encode("cp1252") in data  # Windows-1252, not UTF-8


def test_visma_options_and_skipped_zero_lines():
    december = (date(2025, 12, 21), date(2026, 1, 20))
    data = render_visma_lonn(
        [line(period=december), line(code="1220", hours=0.0)], wage_year=2025, run_no=7, project="P1", deduction_code=2
    )
    rows = visma_rows(data)
    assert len(rows) == 1
    row = dict(zip(VISMA_COLUMNS, rows[0]))
    assert (row["WgYr"], row["RunNo"], row["R2"], row["DedCd"]) == ("2025", "7", "P1", "2")
    assert visma_rows(render_visma_lonn([line(period=december)]))[0][0] == "2026"  # year the period ends


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (line(code="L-ord"), "Lønnsart «L-ord» er ikke et heltall"),
        (line(employee="A17"), "Ansattnummer «A17» er ikke et heltall"),
    ],
)
def test_visma_refuses_non_numeric_codes(bad, message):
    with pytest.raises(PayrollExportError, match=message):
        render_visma_lonn([line(), bad])


def test_visma_refuses_text_it_cannot_encode():
    with pytest.raises(PayrollExportError, match="Ŋ"):
        render_visma_lonn([line()], department="Ŋuolja")


def test_pay_lines_map_assistants_to_employee_numbers():
    pay = [
        PayLine("a1", "1010", "ordinary", "Timelønn", 10.0, 250.0),
        PayLine("a2", "1210", "evening-night", "Natt", 3.5),
    ]
    lines = payroll_lines(pay, {"a1": "1042", "a2": "7"}, *MARCH)
    assert [(l.employee_no, l.pay_code, l.hours, l.rate) for l in lines] == [("1042", "1010", 10.0, 250.0), ("7", "1210", 3.5, None)]
    assert lines[0].amount is not None and str(lines[0].amount) == "2500.00"
    with pytest.raises(PayrollExportError, match="id a2 mangler ansattnummer"):
        payroll_lines(pay, {"a1": "1042"}, *MARCH)


def test_plain_csv_layout():
    text = render_pay_lines_csv([line(), line(code="1210", hours=3.333, rate=None, description="Natt, passiv")]).decode()
    assert text.splitlines() == [
        "employee_no,pay_code,description,hours,rate,amount,period_start,period_end",
        "1042,1010,Timelønn,150.00,245.50,36825.00,2026-03-01,2026-03-31",
        '1042,1210,"Natt, passiv",3.33,,,2026-03-01,2026-03-31',
    ]


def test_excel_variant_is_semicolon_decimal_comma_with_bom():
    data = render_pay_lines_csv([line(description="=SUM(A1)")], excel=True)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[1] == "1042;1010;'=SUM(A1);150,00;245,50;36825,00;2026-03-01;2026-03-31"


amounts = st.floats(min_value=0, max_value=2000, allow_nan=False).map(lambda x: round(x, 2))
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=80)
@given(
    rows=st.lists(
        st.builds(
            PayrollLine,
            employee_no=st.from_regex(r"[0-9]{1,6}", fullmatch=True),
            pay_code=st.from_regex(r"[0-9]{3,5}", fullmatch=True),
            hours=amounts,
            rate=st.none() | amounts,
            period_start=st.just(MARCH[0]),
            period_end=st.just(MARCH[1]),
            description=texts,
        ),
        max_size=8,
    ),
    excel=st.booleans(),
)
def test_csv_round_trip(rows, excel):
    assert read_pay_lines_csv(render_pay_lines_csv(rows, excel=excel)) == rows


@pytest.mark.parametrize("description", ["=SUM(A1)", "'=x", "'quoted'", "-5 timer", "@home"])
def test_excel_guard_round_trips(description):
    row = line(description=description)
    assert read_pay_lines_csv(render_pay_lines_csv([row], excel=True)) == [row]


def test_reader_refuses_other_files():
    with pytest.raises(PayrollExportError):
        read_pay_lines_csv(b"a,b,c\n1,2,3\n")
