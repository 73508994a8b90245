"""A watchdog process for an NLP worker no pool watches (a Dask worker): the worker writes the
time of its last progress into a beat file (`beat`), and this process, its child, kills it when a
job has gone the stall timeout without progress. A kill inside the worker could not be trusted:
a thread there waits on the GIL that a stuck regex or C extension holds.

Standard library only, run as a script (`python stallwatch.py PID BEAT_FILE TIMEOUT`): it starts
in milliseconds and holds no model.
"""

from __future__ import annotations

import os
import signal
import struct
import sys
import time

# time.monotonic() of the worker's last progress (CLOCK_MONOTONIC: one clock for every process
# of the machine); 0.0 between jobs, when no stall can be seen
BEAT = struct.Struct("d")


def beat(fd: int, at: float) -> None:
    """Record progress at `at` (time.monotonic(); 0.0: between jobs) in the beat file `fd`."""
    os.pwrite(fd, BEAT.pack(at), 0)


def watch(worker: int, path: str, timeout: float) -> None:
    """Kill `worker` (this process's parent) when the beat file says it has gone `timeout`
    seconds without progress on a job; return when it has gone, removing the file."""
    every = min(5.0, timeout / 4)
    fd = os.open(path, os.O_RDONLY)
    try:
        while os.getppid() == worker:  # reparented: the worker has exited
            time.sleep(every)
            (since,) = BEAT.unpack(os.pread(fd, BEAT.size, 0))
            if since and time.monotonic() - since > timeout and os.getppid() == worker:
                print(
                    f"newscorpus: NLP worker {worker} made no progress for "
                    f"{time.monotonic() - since:.0f} s: stopping it",
                    file=sys.stderr,
                    flush=True,
                )
                os.kill(worker, signal.SIGKILL)
                return
    finally:
        os.close(fd)
        os.unlink(path)


if __name__ == "__main__":
    watch(int(sys.argv[1]), sys.argv[2], float(sys.argv[3]))
