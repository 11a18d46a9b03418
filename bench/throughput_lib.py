"""Helpers shared by bench/throughput and bench/peers/run.

Timing a whole process (wall seconds, CPU seconds and peak RSS from the kernel's rusage for the
child, the figure /usr/bin/time reports as "Maximum resident set size"), repeating it and taking
the median, unpacking a corpus from ../shared, describing the machine, and printing tables.
Benchmarks print figures; they never assert on them.
"""

import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
ALL_RULES_CONFIG = os.path.join(BENCH_DIR, "throughput-all-rules.toml")
GNU_TIME = "/usr/bin/time"


class RunError(Exception):
    pass


def run_once(argv, stdout_path, ok_codes=(0,), timeout=None, cwd=None):
    """Runs argv once; returns (wall seconds, CPU seconds, peak RSS in KiB).

    stdout goes to stdout_path (a large report must not fill a pipe). Raises RunError when the
    exit code is not in ok_codes or the run takes longer than timeout seconds.

    The command runs under GNU time when there is one: a child forked from this Python process
    starts with Python's resident set as its high-water mark, which the kernel then reports as
    the child's peak. GNU time is small, so the peak it reports for its own child is the
    command's; it passes on the exit code, and wait4 gives the CPU times of both."""
    rss_file = None
    if os.access(GNU_TIME, os.X_OK):
        rss_file = tempfile.NamedTemporaryFile(prefix="rss-", delete=False)
        rss_file.close()
        argv = [GNU_TIME, "-o", rss_file.name, "-f", "%M"] + list(argv)
    try:
        wall, cpu, peak = _run(argv, stdout_path, ok_codes, timeout, cwd)
        if rss_file:
            with open(rss_file.name) as f:
                peak = int(f.read().split()[-1])
        return wall, cpu, peak
    finally:
        if rss_file:
            os.unlink(rss_file.name)


def _run(argv, stdout_path, ok_codes, timeout, cwd):
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # Its own process group, so that a stopped run takes its children (under GNU time) along.
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd,
                                start_new_session=True)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer:
                timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if timed_out.is_set():
            raise RunError(f"took longer than {timeout:.0f} s (stopped)")
        if proc.returncode not in ok_codes:
            err.seek(0)
            lines = err.read().decode("utf-8", "replace").strip().splitlines()
            errors = [line.strip() for line in lines if "Error" in line or "error" in line]
            raise RunError(f"exit code {proc.returncode}: " + " / ".join(errors[:1] or lines[-3:]))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


class Measurement:
    """Several runs of one command: median wall and CPU seconds, highest peak RSS (in MB, 10^6
    bytes, like the MB of MB/s)."""

    def __init__(self, walls, cpus, rss_kib):
        self.walls = walls
        self.runs = len(walls)
        self.wall = statistics.median(walls)
        self.cpu = statistics.median(cpus)
        self.rss_mb = max(rss_kib) * 1024 / 1e6


def measure(argv, runs, stdout_path, ok_codes=(0,), budget=None, timeout=None, cwd=None):
    """Runs argv up to `runs` times, fewer when the runs so far have used `budget` seconds (a slow
    peer is then reported from fewer runs, at least one). Returns a Measurement."""
    walls, cpus, rss = [], [], []
    for _ in range(max(1, runs)):
        wall, cpu, peak = run_once(argv, stdout_path, ok_codes, timeout, cwd)
        walls.append(wall)
        cpus.append(cpu)
        rss.append(peak)
        if budget is not None and sum(walls) >= budget:
            break
    return Measurement(walls, cpus, rss)


def check_has_option(copydesk, option):
    """Whether this copydesk binary's `check` takes option (builds differ in what they have)."""
    try:
        usage = subprocess.run([copydesk, "check", "--help"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True).stdout
    except OSError:
        return False
    return re.search(re.escape(option) + r"\b", usage) is not None


def size_limit_flags(copydesk, nbytes):
    """The options that let `copydesk check` read a document of nbytes: [] unless the binary has
    a document size limit (--max-document-mib), which is then raised to fit."""
    if not check_has_option(copydesk, "--max-document-mib"):
        return []
    return ["--max-document-mib", str(nbytes // (1 << 20) + 1)]


def text_files(directory):
    """The .txt files under directory, sorted."""
    found = []
    for root, _, names in os.walk(directory):
        found.extend(os.path.join(root, n) for n in names if n.endswith(".txt"))
    return sorted(found)


def total_bytes(paths):
    return sum(os.path.getsize(p) for p in paths)


def unpack_corpus(archive, dest_root):
    """Unpacks archive (one top folder of .txt articles) under dest_root and returns the folder.

    The folder then holds the articles only: any other file (SOURCE.md, INDEX.tsv) is moved to
    FOLDER.meta/ beside it, so that every tool reads the same bytes. A stamp FOLDER.unpacked
    records which archive was unpacked, and a folder whose stamp matches is reused."""
    name = os.path.basename(archive)
    for suffix in (".tar.xz", ".txz", ".tar"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    folder = os.path.join(dest_root, name)
    stamp = folder + ".unpacked"
    info = os.stat(archive)
    signature = f"{os.path.abspath(archive)} {info.st_size} {int(info.st_mtime)}\n"
    if os.path.isdir(folder) and os.path.exists(stamp):
        with open(stamp) as f:
            if f.read() == signature:
                return folder
    os.makedirs(dest_root, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix=".unpack-", dir=dest_root)
    subprocess.run(["tar", "-xJf", archive, "-C", scratch], check=True)
    tops = os.listdir(scratch)
    source = os.path.join(scratch, tops[0]) if len(tops) == 1 else scratch
    meta = folder + ".meta"
    for path in (folder, meta):
        shutil.rmtree(path, ignore_errors=True)
    for root, _, names in os.walk(source):
        for n in names:
            if not n.endswith(".txt"):
                os.makedirs(meta, exist_ok=True)
                os.replace(os.path.join(root, n), os.path.join(meta, n))
    os.replace(source, folder)
    shutil.rmtree(scratch, ignore_errors=True)
    with open(stamp, "w") as f:
        f.write(signature)
    return folder


def concatenate(paths, out_path, target_bytes):
    """Writes one article made of the given articles in turn (repeating them if needed) until it
    holds at least target_bytes: the first article's `date` line heads it, the other articles'
    `date` lines are dropped, and articles are separated by a blank line."""
    written = 0
    first = True
    with open(out_path, "wb") as out:
        while written < target_bytes:
            for path in paths:
                with open(path, "rb") as f:
                    text = f.read()
                if not first and text.lstrip().startswith(b"date "):
                    text = text.lstrip().split(b"\n", 1)[1] if b"\n" in text else b""
                chunk = (b"" if first else b"\n") + text.rstrip(b"\n") + b"\n"
                out.write(chunk)
                written += len(chunk)
                first = False
                if written >= target_bytes:
                    break
    return written


def machine():
    """One line about the machine and its load, for the top of a report."""
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "?"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    try:
        with open("/proc/loadavg") as f:
            load = " ".join(f.read().split()[:3])
    except OSError:
        load = "?"
    return (f"{os.cpu_count()} cores ({model}), {memory} memory; load average {load}; "
            f"{time.strftime('%Y-%m-%d %H:%M %Z')}")


def table(headers, rows):
    """A Markdown table, columns padded for reading in a terminal."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for i, r in enumerate(cells):
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
        if i == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def mbps(nbytes, seconds):
    return nbytes / 1e6 / seconds if seconds > 0 else float("inf")


def fmt_rate(value):
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 0.1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def say(*parts):
    print(*parts, flush=True)


def warn(*parts):
    print(*parts, file=sys.stderr, flush=True)
