"""The fuzz suite: hypothesis over the shift-file reader, ``bpa check``/``bpa pay``, the rota
import and the desktop sync client's handling of the receiver's answers (an
httpx.MockTransport that answers with hostile bodies, statuses and headers).

One hypothesis profile, ``bpa-fuzz``, sized for CI (about two minutes on two cores):
``BPA_FUZZ_EXAMPLES`` sets the examples per test (default 120), ``BPA_FUZZ_RANDOM=1``
explores new inputs instead of CI's fixed ones. The corpus is generated at test time
(``tests/fuzz/corpus.py``): seed documents and the hostile values the hardening issue
found, mutated structurally and byte by byte.

Every example is counted by category (``example``): tried, failed (examples that raised,
shrinking included) and distinct failures; the table is printed at the end of the run and,
with ``BPA_FUZZ_REPORT=path``, written as JSON.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

settings.register_profile(
    "bpa-fuzz",
    max_examples=int(os.environ.get("BPA_FUZZ_EXAMPLES", "120")),
    deadline=None,
    derandomize=os.environ.get("BPA_FUZZ_RANDOM") != "1",
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                           HealthCheck.function_scoped_fixture],
    print_blob=True,
)
FUZZ = settings.get_profile("bpa-fuzz")

TRIED: dict[str, int] = defaultdict(int)
FAILED: dict[str, int] = defaultdict(int)
DISTINCT: dict[str, set] = defaultdict(set)


@contextmanager
def example(category: str):
    """Count one example of ``category``; a failure is counted and raised on."""
    TRIED[category] += 1
    try:
        yield
    except BaseException as error:
        FAILED[category] += 1
        DISTINCT[category].add((type(error).__name__, str(error).splitlines()[0][:80] if str(error) else ""))
        raise


def pytest_terminal_summary(terminalreporter):
    if not TRIED:
        return
    terminalreporter.section("fuzz: examples by category")
    width = max(len(c) for c in TRIED)
    terminalreporter.write_line(f"{'category':{width}}  tried  failed  distinct")
    for category in sorted(TRIED):
        terminalreporter.write_line(
            f"{category:{width}}  {TRIED[category]:5}  {FAILED[category]:6}  {len(DISTINCT[category]):8}"
        )
    path = os.environ.get("BPA_FUZZ_REPORT")
    if path:
        report = {c: {"tried": TRIED[c], "failed": FAILED[c], "distinct": sorted(map(list, DISTINCT[c]))}
                  for c in sorted(TRIED)}
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(report, handle, ensure_ascii=False, indent=2)
