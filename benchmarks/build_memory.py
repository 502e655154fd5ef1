"""Peak resident memory of a full build: a fresh process opens a file database of N synthetic
events (recorded by an earlier process, made here if the file is missing), copies it, and runs
``build(full=True)`` on the copy.

    python benchmarks/build_memory.py --events 200000 --db /tmp/e200k.db

Prints the peak resident memory (``ru_maxrss``) before and after the build, and its CPU time.
The events are the first N of ``synth.iter_events(seed=0, people=max(12, N // 350))``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

_RECORD = """
import sys
from itertools import islice
from persona6 import Persona6, synth
n, path = int(sys.argv[1]), sys.argv[2]
Persona6(db=path).record(list(islice(synth.iter_events(seed=0, people=max(12, n // 350)), n)))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument(
        "--db", help="the database of recorded events (made if missing; never built on)"
    )
    args = parser.parse_args()
    source = args.db or os.path.join(tempfile.gettempdir(), f"p6_events_{args.events}.db")
    if not os.path.exists(source):
        subprocess.run([sys.executable, "-c", _RECORD, str(args.events), source], check=True)
    from persona6 import Persona6

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "build.db")
        shutil.copy(source, path)
        p6 = Persona6(db=path)
        p6.store.event_seqs_by_session(p6.tenant)  # the file's pages read once
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cpu = time.process_time()
        report = p6.build(full=True)
        cpu = time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        p6.close()
    print(
        f"full build, {report.events:,} events ({report.signals:,} signals, "
        f"{report.traits:,} traits): peak resident {after / 1024:,.0f} MB "
        f"(before the build {before / 1024:,.0f} MB); CPU {cpu:.1f} s, "
        f"{report.events / cpu:,.0f} events/s"
    )


if __name__ == "__main__":
    main()
