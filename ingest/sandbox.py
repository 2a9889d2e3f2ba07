"""Parse one document in a child process that the parent bounds in memory and time.

The parser's own checks refuse the common bombs early (size, pages, inflated streams, XObject
depth); this is the backstop for whatever they miss. The child runs in its own process group with
an address-space ceiling (RLIMIT_AS); the parent kills the whole group — OCR's Tesseract
included — when the wall-clock limit passes. Either breach ends as a one-sentence ParseError, and
the caller goes on.
"""
from __future__ import annotations

import ctypes
import inspect
import multiprocessing
import os
import resource
import shutil
import signal
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from ingest.parsing import parse_document
from ingest.parsing.contract import ParsedMeeting, ParseError
from ingest.parsing.limits import Limits, out_of_memory, out_of_time
from ingest.parsing.messages import Message, gettext_noop

Progress = Callable[[int, int], None]
GRACE_SECONDS = 5.0  # the child's own time check answers first, with the page it stopped at
HEARTBEAT_SECONDS = 10.0
PR_SET_PDEATHSIG = 1  # Linux prctl(2)
M_ARENA_MAX = -8  # glibc mallopt(3)
SCRATCH_PREFIX = "dassos-parse-"
# Set by a worker asked to stop (SIGTERM): the reading under way is abandoned at this monotonic
# time, so that the worker stops within its grace period; the caller queues the document again.
stop_at: float | None = None


class ChildCrashed(RuntimeError):
    """The parser's child died without an answer for a reason other than the limits."""


class Interrupted(RuntimeError):
    """The worker is stopping: the reading was abandoned, to be done again."""


def parse_isolated(
    data: bytes,
    filename: str,
    limits: Limits = Limits(),
    *,
    sha256: str | None = None,
    progress: Progress | None = None,
    parse: Callable[..., ParsedMeeting] | None = None,
    heartbeat: Callable[[], None] | None = None,
    heartbeat_seconds: float = HEARTBEAT_SECONDS,
) -> ParsedMeeting:
    """parse_document in a bounded child process; raises ParseError (a bomb's refusal included).

    `progress(done, total)`, when given, is called in this process as the child reports it;
    `parse` replaces parse_document (the child is forked, so any callable will do);
    `heartbeat()` is called every `heartbeat_seconds` while the child runs. Raises Interrupted
    when the worker is stopping (`stop_at` passed).
    """
    if data[:1024].lstrip().startswith(b"%PDF"):
        _preload_ocr()
    # The child's temporary files (OCR's); named by this process, so that when it is killed the
    # next worker removes them (remove_orphaned_scratch).
    scratch = tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(
            sender, parse or parse_document, data, filename, limits, sha256, bool(progress),
            os.getpid(), scratch,
        ),
        daemon=True,
    )
    child.start()
    sender.close()
    deadline = time.monotonic() + limits.max_seconds + GRACE_SECONDS
    try:
        answer = _wait(child, receiver, deadline, progress, (heartbeat, heartbeat_seconds))
    finally:
        _kill_group(child)
        receiver.close()
        shutil.rmtree(scratch, ignore_errors=True)
    kind, payload = answer
    if kind == "parsed":
        return payload
    if kind == "refused":
        raise ParseError(payload)
    if kind == "memory":
        raise out_of_memory(limits)
    if kind == "time":
        raise out_of_time(limits)
    if kind == "stopped":
        raise Interrupted("the worker is stopping")
    raise ChildCrashed(payload)


def _wait(child, receiver, deadline: float, progress, heartbeat) -> tuple[str, object]:
    heartbeat, every = heartbeat
    beat = time.monotonic()
    while True:
        now = time.monotonic()
        left = deadline - now
        if left <= 0:
            return "time", None
        if stop_at is not None and now >= stop_at:
            return "stopped", None
        if heartbeat is not None and now - beat >= every:
            heartbeat()
            beat = now
        if receiver.poll(min(left, 1.0, every)):
            try:
                kind, *payload = receiver.recv()
            except EOFError:  # the child died: killed by the kernel, or its limit
                child.join(1.0)
                return _death(child)
            if kind == "progress":
                if progress is not None:
                    progress(*payload)
                continue
            return kind, payload[0]
        if not child.is_alive():
            if receiver.poll(0):
                continue  # its answer arrived as it exited
            return _death(child)


def _death(child) -> tuple[str, object]:
    # A child over its address-space ceiling may die inside a C library instead of raising
    # MemoryError; a kill by signal (SIGKILL from the kernel's OOM killer, SIGSEGV) means the same.
    if child.exitcode is not None and child.exitcode < 0:
        return "memory", None
    return "crashed", f"the parser's process exited with code {child.exitcode}"


def _kill_group(child) -> None:
    """Kill the child's process group (Tesseract included) and reap the child."""
    if child.pid is not None:
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    child.join(5.0)


def _child(
    sender, parse, data, filename, limits, sha256, wants_progress, parent, scratch
) -> None:
    os.setpgid(0, 0)  # its own group: the parent's kill reaches every grandchild
    # When the worker dies the kernel sends SIGTERM, and the child takes its whole group
    # (Tesseract included) down with it.
    signal.signal(signal.SIGTERM, lambda *_: os.killpg(0, signal.SIGKILL))
    _die_with(parent)
    # Temporary files (pytesseract's tess_*) go where the parent removes them, killed or not.
    tempfile.tempdir = os.environ["TMPDIR"] = scratch
    _few_arenas()
    _cap_memory(limits.max_memory)
    kwargs = {"sha256": sha256}
    if wants_progress and "progress" in inspect.signature(parse).parameters:
        kwargs["progress"] = lambda done, total: sender.send(("progress", done, total))
    try:
        answer = ("parsed", parse(data, filename, limits, **kwargs))
    except ParseError as error:
        answer = ("refused", error.message)
    except MemoryError:
        answer = ("memory", None)
    except BaseException:  # a parser bug: the parent logs it; its type reaches the message
        answer = ("crashed", traceback.format_exc(limit=8))
    try:
        sender.send(answer)
    except MemoryError:
        sender.send(("memory", None))
    sender.close()
    os._exit(0)


def remove_orphaned_scratch() -> list[Path]:
    """Remove the temporary folders of parsers whose worker died; returns those removed."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*-*"):
        owner = folder.name.removeprefix(SCRATCH_PREFIX).split("-", 1)[0]
        if owner.isdigit() and not Path(f"/proc/{owner}").exists():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _die_with(parent: int) -> None:
    """Have the kernel kill this child when its parent dies (a worker killed with -9)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the parent's own kill still applies
        return
    if os.getppid() != parent:  # it died before the request took effect
        os._exit(1)


def _preload_ocr() -> None:
    """Import OCR's libraries here, before the child is forked: their code and thread pools
    are address space (OpenCV alone reserves ~320 MB, numpy's BLAS ~120 MB) that the child's
    memory ceiling would otherwise count against the reading itself. Once per process."""
    for name in ("numpy", "cv2", "pytesseract"):
        try:
            __import__(name)
        except ImportError:  # OCR will say what is missing, in the child
            pass


def _few_arenas() -> None:
    """One malloc arena a thread would reserve 64 MB of address space each (glibc), which the
    ceiling counts though little of it is used: OCR's page threads share two."""
    try:
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, 2)
    except (OSError, AttributeError):  # not glibc: its allocator reserves less
        pass


def _cap_memory(extra: int) -> None:
    """Allow the child its inherited address space plus `extra` bytes, no more."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    ceiling = pages * os.sysconf("SC_PAGE_SIZE") + extra
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def crash_message(error: ChildCrashed) -> Message:
    """The stored reason for a child that died of a parser bug."""
    last = str(error).strip().splitlines()[-1:] or ["?"]
    return Message(
        gettext_noop("Filen kunne ikke læses på grund af en intern fejl (%(error)s)."),
        error=last[0].split(":")[0][:80],
    )
