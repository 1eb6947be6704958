"""Timesheet exports from a real database: 12 months x 8 assistants.

Run: /work/venv/bin/python benchmarks/bench_timesheets.py
Builds a database (one arrangement, 8 assistants, a 2-week rota of day, evening and passive
night shifts over 2026), attests all 96 timesheets, then times:
- reading the 96 attested timesheets and rendering their PDFs (target < 2 s);
- the 12 monthly payroll files, Visma Lønn and CSV.
Wall time suffers when other work shares the machine; the CPU time beside it does less.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from bpa_desktop.core.model import (
    Agreement,
    Arrangement,
    ArrangementSetup,
    Assistant,
    EmployerKind,
    ShiftTemplate,
    Vedtak,
)
from bpa_desktop.core.pay_period import period_for_month
from bpa_desktop.core.pay_settings import PaySettings
from bpa_desktop.export.payroll import render_pay_lines_csv, render_visma_lonn
from bpa_desktop.export.timesheet_export import batch_payroll_lines, timesheet_document
from bpa_desktop.export.timesheet_pdf import render_timesheet_pdf
from bpa_desktop.validation import org_no_check_digit
from bpa_desktop.workspace import Workspace

ASSISTANTS = 8
YEAR = 2026
CODES = {"ordinary": "1000", "passive": "1010", "evening-night": "2010", "weekend": "2020",
         "holiday": "2030", "overtime-50": "3050", "overtime-100": "3100"}


def build(path: Path) -> int:
    stem = "93746518"
    with Workspace.open(path, actor="system") as ws:
        arrangement = ws.people.create_arrangement(
            ArrangementSetup(
                Arrangement(None, "Benkeordning", "Mottaker", "Leder", EmployerKind.MUNICIPALITY,
                            "Kommune", stem + str(org_no_check_digit(stem)), "Kommune", Agreement.TARIFF, "ks"),
                Vedtak(None, None, 120.0, date(YEAR, 1, 1), None),
                tuple(Assistant(None, None, f"Assistent {n}", str(1000 + n), 60.0) for n in range(ASSISTANTS)),
            )
        )
        aid = arrangement.id
        for template in (
            ShiftTemplate("D", "Dag", "08:00", "15:30"),
            ShiftTemplate("A", "Kveld", "15:00", "22:30"),
            ShiftTemplate("N", "Natt", "22:00", "08:00", "23:00", "07:00"),
        ):
            ws.rota.save_shift_template(aid, template)
        ids = [a.id for a in ws.people.list_assistants(aid)]
        # Two weeks: each day has one D, one A and one N; assistant (day + slot) % 8 works it.
        cells = {}
        for week in range(2):
            for weekday in range(7):
                day_index = week * 7 + weekday
                for slot, code in enumerate("DAN"):
                    cells[(ids[(day_index * 3 + slot) % ASSISTANTS], week, weekday)] = code
        ws.rota.save_rota(aid, "Benk", 2, date(YEAR - 1, 12, 29), date(YEAR, 12, 31), cells)
        ws.timesheets.update_pay_settings(PaySettings(aid, hourly_rate=245.0, codes=CODES, rates={"evening-night": 60.0}))
        began = time.perf_counter()
        for month in range(1, 13):
            for assistant_id in ids:
                sheet = ws.timesheets.get_or_create_timesheet(assistant_id, date(YEAR, month, 1))
                ws.timesheets.attest_timesheet(sheet.id, today=date(YEAR + 1, 1, 10))
        print(f"attest: 96 timesheets in {time.perf_counter() - began:.2f} s")
        return aid


def bench_pdfs(path: Path, aid: int) -> None:
    began, cpu = time.perf_counter(), time.process_time()
    size = shifts = 0
    with Workspace.open(path) as ws:
        arrangement = ws.people.get_arrangement(aid)
        assistants = ws.people.list_assistants(aid)
        profile = ws.timesheets.pay_profile(aid)
        for month in range(1, 13):
            period = period_for_month(YEAR, month)
            for assistant in assistants:
                detail = ws.timesheets.preview_timesheet(assistant.id, period.start)
                shifts += len(detail.rows)
                document = timesheet_document(detail, arrangement, assistant, date(YEAR + 1, 1, 10), profile)
                size += len(render_timesheet_pdf(document))
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    verdict = "ok" if wall < 2 else "OVER TARGET"
    print(f"timesheet PDFs: 96 ({shifts} shifts) in {wall:.2f} s (CPU {cpu:.2f} s; "
          f"{size / 96 / 1024:.0f} KiB each) target < 2 s: {verdict}")


def bench_payroll(path: Path, aid: int) -> None:
    began, cpu = time.perf_counter(), time.process_time()
    lines = 0
    with Workspace.open(path) as ws:
        for month in range(1, 13):
            batch = ws.timesheets.payroll_batch(aid, date(YEAR, month, 1))
            payroll = batch_payroll_lines(batch)
            render_visma_lonn(payroll)
            render_pay_lines_csv(payroll)
            lines += len(payroll)
    print(f"payroll: 12 periods, {lines} lines, Visma + CSV in {time.perf_counter() - began:.2f} s "
          f"(CPU {time.process_time() - cpu:.2f} s)")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        began = time.perf_counter()
        aid = build(path)
        print(f"database built in {time.perf_counter() - began:.2f} s")
        bench_pdfs(path, aid)
        bench_payroll(path, aid)


if __name__ == "__main__":
    main()
