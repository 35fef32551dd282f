"""What every command shares: the Typer app, the output console, errors and exit codes, the
common options (--as-of, --format, --rate, --scheme) and their parsing."""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from grantcheck import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path
    from typing import TextIO

    from rich.console import Console

app = typer.Typer(
    name="grantcheck",
    help="Which Nordic business-support schemes fit a company, how much it can get, how much "
    "it must fund itself, and which documents it still lacks.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help and usage errors as written: "[budget]" is not markup
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        print(f"grantcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help="Show the version and exit."),
    ] = False,
) -> None:
    """grantcheck: match a company profile against Nordic business-support schemes."""


def _err(*lines: str) -> None:
    """Talk on stderr, each line wrapped to :func:`_stderr_width` (when it gives one)."""
    width = _stderr_width()
    if width is not None:
        from grantcheck.render.plain import wrap_plain

        lines = tuple(wrap_plain(line, width) for line in lines)
    for line in lines:
        print(line, file=sys.stderr)


def _stderr_width() -> int | None:
    """The width stderr's talk is wrapped to: ``COLUMNS`` when set (as for stdout), else the
    terminal's; None when piped without ``COLUMNS`` (a script gets each message on one line)."""
    terminal = _is_terminal(sys.stderr)
    if not terminal and _columns() is None:
        return None
    return _width(terminal, sys.stderr)


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):  # closed
        return False


def _fail(message: str, hint: str = "") -> NoReturn:
    _err(f"Error: {message}", *([f"Hint: {hint}"] if hint else []))
    raise typer.Exit(2)


def _parse_date(text: str, option: str = "--as-of") -> date:
    """The date an option gives, written YYYY-MM-DD; exit 2 otherwise (``20260101`` and the
    ISO week date ``2026-W01-1``, which Python reads, too)."""
    from grantcheck.numbers import last_day_of, no_such_day, parse_day, quoted

    try:
        return parse_day(text)
    except ValueError:
        if why := no_such_day(text):  # written so, but no such day (2026-11-31, 2025-02-29)
            _fail(f"{option} {quoted(text)}: {why}",
                  f"check the month's days, e.g. {option} {last_day_of(text) or '2026-11-30'}")
        _fail(f"{option} {quoted(text)}: not a date written as YYYY-MM-DD",
              f"write it as YYYY-MM-DD, e.g. {option} 2026-03-01")


def complete_scheme_id(incomplete: str) -> list[str]:
    """Shell completion of scheme ids (reads the registry only, no scheme module)."""
    from grantcheck.schemes import SCHEME_IDS

    return [i for i in SCHEME_IDS if i.startswith(incomplete.lower())]


def _check_schemes(ids: list[str], option: str = "--scheme") -> list[str]:
    """``ids``, each a known scheme in any case (else exit 2 naming it), as its id, a scheme
    given twice kept once where it first stands: ``--scheme X --scheme x`` checks x once."""
    from grantcheck.schemes import UnknownScheme, canonical_id, get
    from grantcheck.shown import shown

    ids = [canonical_id(sid) for sid in ids]  # in any case, as a country: DK-SMV-DIGITAL
    for sid in ids:
        try:
            get(sid)
        except UnknownScheme as e:
            _fail(f"{option} {shown(sid)}: no such scheme", e.hint)  # a long one cut
    return list(dict.fromkeys(ids))


def _stdout_console(file: TextIO | None = None) -> Console:
    """A Rich console on stdout (or ``file``) that lets a closed pipe (`| head`) raise
    BrokenPipeError, for :func:`_quiet_when_stdout_closes` (Rich would exit with 1: no fit)."""
    from rich.console import Console
    from rich.segment import Segment
    from rich.text import Text

    from grantcheck.render.together import together

    class PipeConsole(Console):
        lines_past_the_edge = True  # a word longer than a line runs past the edge (Together)

        def print(self, *objects: Any, **options: Any) -> None:
            # a line of words never breaks between an amount and its currency, nor is cropped
            if len(objects) == 1 and isinstance(objects[0], Text):
                objects = (together(objects[0]),)
            super().print(*objects, **{"crop": False, **options})

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            # text from a profile (a company name from a third-party extract) may hold escape
            # sequences: shown visibly, never sent to the terminal to interpret
            text = super()._render_buffer(
                seg if seg.control else Segment(seg.text.translate(_VISIBLE), seg.style)
                for seg in buffer)
            if self.color_system is not None:
                return text
            # without colours (piped, NO_COLOR): no line ends in the spaces that pad a table's
            # cells to its width (a diff or a script sees the words only)
            return "\n".join(line.rstrip(" ") for line in text.split("\n"))

    return PipeConsole(file=file, width=_width((file or sys.stdout).isatty(), file or sys.stdout))


MAX_WIDTH = 1000  # COLUMNS=99999999999999999999 would pad each line to that (MemoryError)


def _width(terminal: bool, stream: TextIO | None = None) -> int | None:
    """The width of the output to ``stream`` (stdout unless given): ``COLUMNS`` (:func:`_columns`),
    else on a terminal the terminal's own, either held between 20 and :data:`MAX_WIDTH` (a
    terminal one column wide would get a word, or a letter, a line); 80 piped. None when a
    terminal tells no width (0 columns, a pseudo-terminal never sized, as `docker run -t` and a
    serial console give): Rich then takes 80, and stderr is not wrapped (80 when COLUMNS=0,
    which Rich would read as 0 columns)."""
    columns = _columns()
    if columns is None:
        if not terminal:
            return 80
        try:
            columns = os.get_terminal_size((stream or sys.stdout).fileno()).columns
        except (OSError, ValueError, io.UnsupportedOperation):
            return None
        if columns <= 0:
            return 80 if os.environ.get("COLUMNS", "").isdigit() else None
    return min(MAX_WIDTH, max(20, columns))


def _columns() -> int | None:
    """``COLUMNS`` when a whole number above 0; None when ``0``, ``-1``, ``abc``, empty: unset."""
    try:
        return max(0, int(os.environ.get("COLUMNS", ""))) or None
    except ValueError:
        return None


# control characters (but newline and tab) as visible escapes: ESC as \x1b
_VISIBLE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7f, 0xa0)) if c not in (9, 10)}


def _quiet_when_stdout_closes(command: Callable[..., None]) -> Callable[..., None]:
    """A command whose reader closes stdout early (`grantcheck match … | head`) stops quietly
    with exit code 141 (128 + SIGPIPE), as a shell filter does: no traceback, and not click's
    exit code 1 (`match`'s "nothing fits")."""
    import functools

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            try:
                command(*args, **kwargs)
            finally:  # what is still buffered meets the closed pipe here, not at exit
                sys.stdout.flush()
        except OSError as e:
            raise typer.Exit(stdout_failed(e)) from None

    return run


def stdout_failed(e: OSError) -> int:
    """The exit code for ``e``, an error writing to stdout, once said on stderr: stdout closed
    before grantcheck started (`>&-`): 2; closed by its reader (`| head`): 141, quietly;
    unwritable (a full disk, /dev/full, an I/O error): 2, the output incomplete. A file's error
    (``e`` names one) is raised again: it is the command's to report. For a command's output
    (:func:`_quiet_when_stdout_closes`) and what is written outside one (--help, --version)."""
    if e.filename is not None:
        raise e
    if isinstance(e, StdoutClosed):
        _err("Error: standard output is closed (>&-): the output has nowhere to go",
             "Hint: leave stdout open, or send the output away with > FILE or > /dev/null")
        return 2
    _detach_stdout()
    if isinstance(e, BrokenPipeError):
        from grantcheck.errors import EXIT_PIPE_CLOSED

        return EXIT_PIPE_CLOSED
    _err(f"Error: cannot write the output to stdout: {e.strerror or e}",
         "Hint: the output written so far is incomplete; free some space or write it elsewhere")
    return 2


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD",
                 help="Evaluation date (default: today): call status and parameter values on it."),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format: table or json.")
]
RateOption = Annotated[
    list[str] | None,
    typer.Option("--rate", metavar="CUR=VALUE",
                 help="Override an EUR exchange rate, e.g. --rate NOK=11.50 "
                 "(units per euro; repeatable)."),
]
def split_commas(values: list[str] | None) -> list[str] | None:
    """--scheme a,b as --scheme a --scheme b; a value with no id in it ('', ',') is refused
    (exit 2), never read as "every scheme"."""
    if not values:
        return values
    for v in values:
        if not v.replace(",", "").strip():
            from grantcheck.shown import shown

            _fail(f"--scheme {shown(v)}: no scheme id in it",
                  "give an id, e.g. --scheme dk-smv-digital (grantcheck schemes lists them), or "
                  "leave --scheme out for every scheme")
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def path_given(text: str, command: str, what: str = "a file or a folder; . for the working "
               "directory") -> str:
    """A path argument as given; refused (exit 2): empty ('': '.'), or too long for the system."""
    from grantcheck.atomic import name_too_long
    from grantcheck.numbers import quoted

    if not text.strip():
        _fail(f"{command}: an empty path ({text!r})", f"give {what}")
    if long := name_too_long(text):
        _fail(f"{command} {quoted(text)}: too long: {long}", "cd nearer it, or name it shorter")
    return text


def force_goes_with_a_file(force: bool, writes_a_file: bool, goes_with: str, fix: str) -> None:
    """--force with a command that writes no file (stdout): refused (exit 2), not passed over."""
    if force and not writes_a_file:
        _fail(f"--force goes with {goes_with}: it lets an existing file be replaced, and stdout "
              "is no file", f"{fix}, or leave out --force")


def file_target(text: str, label: str, example: str, writes_stdout: bool = False) -> Path:
    """The file a command is to write, ``text`` as given (``label`` names it in messages):
    refused (exit 2) before any work or question when it names a folder (one that exists, or
    a path ending in /, else written as a file of the folder's name) or lies in a folder that
    does not exist or cannot be written to (a link: the file it points to; ``writes_stdout``:
    the command takes - for stdout)."""
    from pathlib import Path

    path = Path(os.path.realpath(text)) if os.path.islink(text) else Path(text)
    if path.is_dir() or text.endswith(("/", os.sep)):
        _fail(f"{label}: is a folder" if path.is_dir() else f"{label}: names a folder (it "
              "ends in /)", f"give a file name, e.g. {path / example}")
    in_a_folder_that_exists(path, label, writes_stdout)
    return Path(text)  # as given: a link is written through, and named as given


def in_a_folder_that_exists(path: Path, label: str, writes_stdout: bool = False) -> None:
    """Refused (exit 2) when the folder ``path`` (a file, outreach's pack) is to be made in does
    not exist or cannot be written to: no command makes folders on the way."""
    from shlex import quote

    if not path.absolute().parent.is_dir():
        for up in reversed(path.parents):  # the first that is not a folder, as given
            if up.exists() and not up.is_dir():
                _fail(f"{label}: {up} is a file, not a folder", "give a path whose folders exist")
        _fail(f"{label}: the folder {path.parent} does not exist", f"make it first (mkdir -p "
              f"{quote(str(path.parent))}), or give a path in a folder that exists")
    if not os.access(path.absolute().parent, os.W_OK | os.X_OK):  # before any question or work
        _fail(f"{label}: the folder {path.parent} cannot be written to (permission denied)", "give "
              f"a path in a folder you can write to{', or - for stdout' * writes_stdout}")


def output_file(text: str | None, command: str, example: str) -> Path | None:
    """The file ``--output`` names, refused (exit 2) as :func:`file_target` says; None for
    stdout: left out, or ``-`` (as ``--input -`` reads stdin; it was a file named "-")."""
    if text is None or text == "-":
        return None
    return file_target(path_given(text, f"{command} --output", f"a file name, e.g. {example}"),
                       f"--output {text}", example)


SchemeOption = Annotated[
    list[str] | None,
    typer.Option("--scheme", "-s", help="Only this scheme (repeatable, or a comma list).",
                 metavar="ID", autocompletion=complete_scheme_id, callback=split_commas),
]


def _rate_overrides(rate: list[str] | None) -> dict[str, Decimal]:
    from grantcheck.fx import RateError, rate_overrides

    try:
        return rate_overrides(rate or [])
    except RateError as e:
        _fail(str(e), e.hint)


def _print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class StdoutClosed(OSError):
    """Stdout was closed before grantcheck started (`>&-`): there is nowhere to write to."""


class _ClosedStdout(io.TextIOBase):
    """Stands for a stdout that was closed before grantcheck started: writing to it raises
    StdoutClosed (a command that writes nothing to stdout, `batch -o FILE`, runs as usual)."""

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise StdoutClosed(9, "standard output is closed")

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"


def stand_in_for_closed_streams() -> None:
    """Stdout or stderr closed by the caller (`>&-`, `2>&-`): Python makes it None, and
    printing to None prints to stdout (an error line inside the data). A closed stderr drops
    the talk (the exit code still tells what happened); a closed stdout raises StdoutClosed
    when written to. The closed descriptor is opened on /dev/null, so that no file opened later
    (--output's temporary file) takes its number and gets what a worker writes there."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        except OSError:
            pass
        setattr(sys, name, _ClosedStdout() if fd == 1 else open(  # noqa: SIM115 (for good)
            os.devnull, "w", encoding="utf-8"))


def _detach_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
