"""A writer process for the crash tests: commits batches forever, printing each committed batch.

Run as `python -m tests.storage_writer OUTPUT SEED`; the test SIGKILLs it at a random moment.
Articles are re-committed with new text now and then, and some move between partitions, so a
kill can land in an upsert as well as in an insert.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime

from tasks.records import Reject
from tasks.storage import Dataset
from tests.test_storage import article


def main() -> None:
    output, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    ds = Dataset(output)
    batch_no = 0
    while True:
        batch_no += 1
        ids = rng.sample(range(60), 8)
        batch = []
        for n in ids:
            month = rng.choice([10, 11, 12])
            e = article(n, datetime(2009, month, 5, tzinfo=UTC), text=f"v{batch_no}")
            batch.append(e)
        ds.commit(
            batch, [Reject(f"https://bad/{batch_no}", "wire", "fetch", "timeout")], f"run-{seed}"
        )
        print(" ".join(f"a{n:03d}" for n in ids), flush=True)


if __name__ == "__main__":
    main()
