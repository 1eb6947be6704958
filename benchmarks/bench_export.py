"""Export timings: a year of timesheet PDFs for eight assistants, and a 52-week rota PDF.

Run: /work/venv/bin/python benchmarks/bench_export.py
Targets: 12 months x 8 assistants of timesheets (about 20 shifts each) in under 2 s.
Wall time suffers when other work shares the machine; the CPU time beside it does less.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "export"))

import export_sample_data as sample  # noqa: E402

from bpa_desktop.export import pdf  # noqa: E402
from bpa_desktop.export.rota_pdf import RotaAssistant, render_rota_pdf  # noqa: E402
from bpa_desktop.export.timesheet_pdf import render_timesheet_pdf  # noqa: E402

ASSISTANTS = 8
MONTHS = 12


def bench_timesheets() -> tuple[float, float, int, int]:
    documents = [
        sample.timesheet_document(period_start=date(2026, month, 1), assistant_name=f"Assistent {n}", employee_no=str(1000 + n))
        for month in range(1, MONTHS + 1)
        for n in range(ASSISTANTS)
    ]
    began, cpu = time.perf_counter(), time.process_time()
    size = sum(len(render_timesheet_pdf(document)) for document in documents)
    return time.perf_counter() - began, time.process_time() - cpu, len(documents), size


def bench_rota() -> tuple[float, float, int]:
    assistants = [RotaAssistant(f"a{n}", f"Assistent {n}") for n in range(ASSISTANTS)]
    document = sample.rota_document(start=date(2026, 1, 5), weeks=52, assistants=assistants)
    began, cpu = time.perf_counter(), time.process_time()
    data = render_rota_pdf(document)
    return time.perf_counter() - began, time.process_time() - cpu, len(data)


def main() -> None:
    began = time.perf_counter()
    family = pdf.fonts()
    print(f"font family: {family.regular} (found in {time.perf_counter() - began:.3f} s)")
    seconds, cpu, count, size = bench_timesheets()
    verdict = "ok" if seconds < 2 else "OVER TARGET"
    print(f"timesheets: {count} PDFs in {seconds:.2f} s (CPU {cpu:.2f} s; {seconds / count * 1000:.1f} ms each, "
          f"{size / count / 1024:.0f} KiB each) target < 2 s: {verdict}")
    seconds, cpu, size = bench_rota()
    print(f"rota: 52 weeks x {ASSISTANTS} assistants (13 pages) in {seconds:.2f} s (CPU {cpu:.2f} s), "
          f"{size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
