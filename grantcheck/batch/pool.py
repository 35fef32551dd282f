"""Checking in parallel, in order, with a bounded window: worker processes each sent chunks
through a pipe of their own (:class:`Runner`, :func:`run`)."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from grantcheck.batch.inputs import Chunk, Inputs, JsonLines, Tasks
from grantcheck.batch.records import Block, Options, Record, Worker
from grantcheck.batch.signals import StopFlag
from grantcheck.batch.task import Task

if TYPE_CHECKING:
    from multiprocessing.connection import Connection


class WorkerDied(RuntimeError):
    """A worker process ended while it had inputs to check (killed, out of memory)."""


def _serve(options: Options, tasks: Connection, results: Connection,
           inherited: list[Connection] | None = None) -> None:
    """A worker process: checks the chunks it is sent, in order, and sends back each one's
    result (``("ok", value)``, or ``("error", text)`` for an error outside any one input's).

    A thread reads the chunks as they come, so the main process never waits to send one while
    this process waits to send it a result. ``None`` (or the main process gone) ends it.
    """
    # Ctrl-C and SIGTERM are the main process's to handle, also when they are sent to the
    # whole process group (a terminal's Ctrl-C, `timeout`, `kill -TERM -PGID`): it stops the
    # batch after the records being written, then ends the workers (SIGKILL) or lets them end
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # the main process's ends of every pipe, inherited at fork: closed, so that when the main
    # process dies however it dies (SIGKILL, the OOM killer) this one reads EOF and ends,
    # instead of holding its own or another worker's pipe open for ever
    for conn in inherited or ():
        conn.close()
    worker = Worker(options)
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def read() -> None:
        try:
            while (message := tasks.recv()) is not None:
                inbox.put(message)
        except (EOFError, OSError):
            pass
        inbox.put(None)

    threading.Thread(target=read, name="grantcheck-inbox", daemon=True).start()
    while (message := inbox.get()) is not None:
        how, chunk = message
        try:
            answer: tuple[str, Any] = ("ok", worker.block(chunk) if how == "block"
                                       else worker.run(chunk))
        except Exception as e:  # said to the main process, which raises it
            answer = ("error", f"{type(e).__name__}: {e}")
        try:
            results.send(answer)
        except (BrokenPipeError, OSError):  # the main process is gone
            return


class _Workers:
    """``jobs`` worker processes, each sent its chunks through a pipe of its own and answering
    through another. Chunks go round robin, and each worker answers in the order it was sent
    them, so the answers are read back in input order from the pipes in turn: no thread in
    this process sorts them (multiprocessing.Pool's three threads took a third of the main
    process's CPU: one wakes at every byte of a result that has come in), and a worker that
    dies is noticed (Pool would wait for its answer for ever)."""

    def __init__(self, options: Options, jobs: int) -> None:
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        ctx: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.procs: list[Any] = []
        self.sends: list[Connection] = []
        self.answers: list[Connection] = []
        self.pending: deque[int] = deque()  # the worker of each chunk in flight, in order
        self.next = 0
        self.ended: int | None = None  # a worker found ended when it was sent a chunk
        for n in range(jobs):
            task_out, task_in = ctx.Pipe(duplex=False)
            answer_out, answer_in = ctx.Pipe(duplex=False)
            inherited = [*self.sends, *self.answers, task_in, answer_out]
            proc = ctx.Process(target=_serve, args=(options, task_out, answer_in, inherited),
                               name=f"grantcheck-worker-{n + 1}", daemon=True)
            proc.start()
            task_out.close()  # the worker's ends: closed here, so its exit is seen as EOF
            answer_in.close()
            self.procs.append(proc)
            self.sends.append(task_in)
            self.answers.append(answer_out)

    def submit(self, how: str, chunk: Chunk) -> bool:
        """Send a chunk to the next worker; False when that one has ended (the answers to the
        chunks in flight can still be read, up to the first it did not answer)."""
        n = self.next
        self.next = (n + 1) % len(self.procs)
        try:
            self.sends[n].send((how, chunk))
        except OSError:  # BrokenPipeError: it has ended
            self.ended = n
            return False
        self.pending.append(n)
        return True

    def ready(self, timeout: float = 0.0) -> bool:
        """Whether the oldest chunk's answer has come (waiting up to ``timeout`` seconds)."""
        return self.answers[self.pending[0]].poll(timeout)

    def get(self) -> Any:
        """The oldest chunk's answer (waiting for it)."""
        n = self.pending.popleft()
        try:
            how, value = self.answers[n].recv()
        except (EOFError, OSError):
            raise self._died(n) from None
        if how != "ok":
            raise RuntimeError(f"in a worker process: {value}")
        return value

    def check(self) -> None:
        """Raise WorkerDied for a worker found ended when it was sent a chunk."""
        if self.ended is not None:
            raise self._died(self.ended)

    def _died(self, n: int) -> WorkerDied:
        proc = self.procs[n]
        proc.join(1)
        code = proc.exitcode
        how = f"exit code {code}"
        if code is not None and code < 0:  # ended by a signal: SIGKILL is what the OOM killer sends
            try:
                how = f"killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"killed by signal {-code}"
        return WorkerDied(f"worker process {n + 1} of {len(self.procs)} ended unexpectedly "
                          f"({how})")

    def close(self) -> None:
        """Let the workers end after their chunks, and wait for them (every answer must have
        been read: a worker would wait to send one for ever)."""
        for send in self.sends:
            with contextlib.suppress(OSError):
                send.send(None)
        self._join()

    def terminate(self) -> None:
        for proc in self.procs:
            proc.kill()  # SIGKILL: the workers ignore SIGTERM (see _serve)
        self._join()

    def _join(self) -> None:
        for proc in self.procs:
            proc.join()
        for conn in (*self.sends, *self.answers):
            conn.close()


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


JOBS_PER_CORE = 8  # --jobs above this many per core is refused: the workers check on the CPU


def max_jobs() -> int:
    """The most worker processes batch starts: JOBS_PER_CORE × the cores it may use."""
    return JOBS_PER_CORE * default_jobs()


class _Chunks:
    """Chunks of 1, 2, 4, … inputs up to ``limit``: the first results come back at once, and a
    few inputs are still spread over the workers. ``limit`` may be lowered as records come
    back, so that a chunk's output stays near a fixed size however large a record is."""

    def __init__(self, inputs: Inputs, limit: int) -> None:
        self.inputs = inputs
        self.limit = limit

    def __iter__(self) -> Iterator[Chunk]:
        size = 1
        while (chunk := self.inputs.take(size)) is not None:
            yield chunk
            size = min(size * 2, self.limit)


class Runner:
    """Checks tasks with ``jobs`` processes (in-process for 1), yielding records in input order.

    Use it as a context manager: the worker processes start on entry (before a progress bar's
    thread does) and are ended on exit, also after Ctrl-C or an error.
    """

    WINDOW_PER_JOB = 4  # chunks in flight per worker process
    CHUNK_BYTES = 1 << 19  # aim for about this much output per chunk (bounds memory in flight)
    FIRST_CHUNKS = 4  # the largest chunk before the size of a record is known

    def __init__(self, options: Options, *, jobs: int = 1, chunk: int = 256,
                 stop: StopFlag | None = None) -> None:
        self.options = options
        self.jobs = max(1, jobs)
        self.chunk = max(1, chunk)
        self.stop = stop or StopFlag()
        self._pool: _Workers | None = None
        self._runs = 0  # runs started on the worker processes (one at a time)

    def __enter__(self) -> Runner:
        if self.jobs > 1:
            Worker(self.options)  # imports the renderers before the workers are forked
            self._pool = _Workers(self.options, self.jobs)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            if exc_type is None and not pool.pending:
                pool.close()  # done: every answer read, the workers end by themselves
            else:  # stopped early (Ctrl-C), or an error: what is still being checked is dropped
                pool.terminate()

    def map(self, tasks: Iterable[Task] | Inputs) -> Iterator[Record]:
        """The records of ``tasks``, in order; stops early when the stop flag is set."""
        if self._pool is None:
            worker = Worker(self.options)
            if isinstance(tasks, JsonLines):
                tasks.until(self.stop)
            for task in tasks:
                if self.stop.stopped:
                    return
                yield worker.one(task)
            return
        for records in self._pooled(tasks, "records",
                                    lambda rs: (sum(len(r.text) for r in rs), len(rs))):
            yield from records

    def blocks(self, tasks: Iterable[Task] | Inputs) -> Iterator[Block]:
        """The records of ``tasks`` in blocks, in order (a block per chunk sent to a worker;
        in-process, a block per record); stops early when the stop flag is set. What the CLI
        writes: a block costs the main process one object and one write, not one per record."""
        if self._pool is None:
            keep, lines = self.options.output == "none", self.options.output == "json"
            for record in self.map(tasks):
                yield Block.of([record], keep, lines, self.options.undecided)
            return
        yield from self._pooled(tasks, "block", lambda block: (len(block.data), block.done))

    def _pooled(self, tasks: Iterable[Task] | Inputs, how: str,
                size: Callable[[Any], tuple[int, int]]) -> Iterator[Any]:
        """The answers of the worker processes for each chunk of ``tasks``, in order: a
        :class:`Block` (``how`` "block") or a list of records; ``size`` tells an answer's
        output, (characters or bytes, records), for the size of the next chunks."""
        pool = self._pool
        assert pool is not None
        while pool.pending:  # the answers of an earlier run left unread (its loop was left)
            pool.get()
        self._runs += 1
        run = self._runs
        inputs = tasks if isinstance(tasks, Tasks | JsonLines) else Tasks(tasks)
        if isinstance(inputs, JsonLines):
            inputs.until(self.stop)
        # until a record has come back its size is unknown: start with small chunks
        chunks = _Chunks(inputs, min(self.chunk, self.FIRST_CHUNKS))
        window = self.jobs * self.WINDOW_PER_JOB
        for chunk in chunks:
            if self.stop.stopped:
                return
            if not pool.submit(how, chunk):
                break  # a worker has ended: the answers before its first unanswered chunk
            # the answers in flight come back before the next chunk is waited for: at once when
            # a stream that stays open pauses (its records are written while it pauses)
            while pool.pending and (len(pool.pending) >= window or pool.ready()
                                    or not inputs.ready()):
                if not self._wait(pool):
                    return
                answer = pool.get()
                chunks.limit = self._limit(*size(answer), chunks.limit)
                yield answer
                self._same_run(run)
        while pool.pending:
            if not self._wait(pool):
                return
            yield pool.get()
            self._same_run(run)
        pool.check()

    def _same_run(self, run: int) -> None:
        """Refuse to go on with a run after another one has started on this runner: the worker
        processes answer one run at a time, and the new run has dropped this one's answers."""
        if run != self._runs:
            raise RuntimeError("a runner with worker processes runs one map() or blocks() at a "
                               "time: another one started before this one was finished")

    def _limit(self, size: int, records: int, limit: int) -> int:
        """The chunk size whose output would be about CHUNK_BYTES, judged by an answer of
        ``records`` records and ``size`` characters (when it has none, a block of blank lines,
        twice ``limit``: blank lines cost nothing)."""
        if not records:
            return min(self.chunk, 2 * limit)
        per_record = size / records + 64
        return max(1, min(self.chunk, int(self.CHUNK_BYTES / per_record)))

    def _wait(self, pool: _Workers) -> bool:
        """Wait for the oldest answer; False when the stop flag is set first."""
        while not pool.ready(0.1):
            if self.stop.stopped:
                return False
        return True


def run(tasks: Iterable[Task], options: Options, *, jobs: int = 1) -> Iterator[Record]:
    """The records of ``tasks`` in input order, checked by ``jobs`` processes."""
    with Runner(options, jobs=jobs) as runner:
        yield from runner.map(tasks)
