"""An option of one value given twice with two values is said, not the last one taken in
silence. One that names a file or a folder (--input, --output, --out, --profiles) is refused:
``batch --input a.csv --input b.csv`` checked b.csv alone, ``-o a.csv -o b.csv`` wrote b.csv
alone, and a script that builds its options from two places lost one without a word. Any other
(``--as-of 2026-01-01 --as-of 2027-01-01``) is read as the last, with a warning: a default set
first and overridden later is a script's habit. The same value twice loses nothing and is read
once; repeatable options (--scheme, --set, --line, --rate) and flags are left alone."""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand

_UNSET = object()
_HELP = "grantcheck.help_asked"
_ARGS = "grantcheck.args"


class OnceCommand(TyperCommand):
    """A command whose options of one value say a second, different value: refused (exit 2)
    for a file or a folder, a warning for any other."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # -h anywhere shows the help, as it would without the option given twice
        ctx.meta[_HELP] = any(a in ctx.help_option_names for a in args)
        ctx.meta[_ARGS] = args
        return super().parse_args(ctx, args)

    def make_parser(self, ctx: Any) -> Any:
        parser = super().make_parser(ctx)
        if ctx.meta.get(_HELP):
            return parser
        for option in _given_twice(parser, ctx.meta.get(_ARGS, ())):
            if option.action == "store":  # one value; "append" is a repeatable option
                # this parser's own option, made for this one parse: its process wrapped
                option.process = _once(option, option.process)
        return parser


def _given_twice(parser: Any, args: list[str]) -> list[Any]:
    """The options of ``parser`` that two of ``args`` may name (``--output a -o b``,
    ``-fjson``, ``--as-of=…``); the rest are left as click made them, at no cost on a command
    line that names each option once. A word that only looks like an option (a value) can
    count too: its option is then wrapped for nothing, never missed."""
    seen: dict[int, Any] = {}
    twice: dict[int, Any] = {}
    for arg in args:
        if arg == "--":
            break
        if arg.startswith("--"):
            option = parser._long_opt.get(arg.partition("=")[0])
        elif arg.startswith("-") and len(arg) > 1:
            option = parser._short_opt.get(arg[:2])
        else:
            continue
        if option is not None:
            if id(option) in seen:
                twice[id(option)] = option
            seen[id(option)] = option
    return list(twice.values())


def _once(option: Any, process: Any) -> Any:
    """``process`` of ``option``, saying a value that differs from one it already holds."""
    def checked(value: Any, state: Any) -> None:
        before = state.opts.get(option.dest, _UNSET)
        if before is not _UNSET and before != value:
            _twice(option.obj, before, value)
        process(value, state)

    return checked


def _twice(param: Any, first: Any, second: Any) -> None:
    from grantcheck.cli._common import _err, _fail
    from grantcheck.numbers import quoted

    name = next(o for o in (*param.opts, "--") if o.startswith("--"))  # --output, not -o
    given = f"{name} is given twice, {quoted(str(first))} and {quoted(str(second))}"
    if param.metavar in ("FILE", "DIR"):  # a file not read, not written, answers not laid over
        _fail(f"{given}: it names one {'folder' if param.metavar == 'DIR' else 'file'}, and "
              "the first would be passed over", f"give {name} once{_INPUT * (name == '--input')}")
    _err(f"Warning: {given}: the last is read")


_INPUT = ": one file is read a run (run the command once for each file)"
