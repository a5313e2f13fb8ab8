"""Options and error handling shared by the commands."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from salesmine.errors import SalesmineError, file_not_found
from salesmine.output import CSV_SEPARATORS, check_table_path

F = TypeVar("F", bound=Callable[..., Any])


class CliError(click.ClickException):
    """A user-fixable problem: one line on stderr, exit code 2."""

    exit_code = 2


def handle_errors(func: F) -> F:
    """Turn library errors into one-line messages instead of tracebacks."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SalesmineError as exc:
            raise CliError(str(exc)) from exc
        except (OSError, UnicodeError) as exc:
            raise CliError(f"{exc.__class__.__name__}: {exc}") from exc
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug of ours: still one line, the traceback on request
            if os.environ.get("SALESMINE_DEBUG"):
                raise
            raise CliError(
                f"internal error ({exc.__class__.__name__}: {exc}); please report it — "
                "rerun with SALESMINE_DEBUG=1 to see the traceback"
            ) from exc

    return wrapper  # type: ignore[return-value]


def parse_columns(values: tuple[str, ...]) -> dict[str, str]:
    """Parse repeated ``--column FIELD=HEADER`` options."""
    mapping: dict[str, str] = {}
    for value in values:
        field, sep, header = value.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise CliError(
                f"--column {value!r}: expected FIELD=HEADER, e.g. --column stage=\"Этап сделки\""
            )
        mapping[field.strip()] = header.strip().strip('"')
    return mapping


# A missing or foreign model directory is reported by the library (ModelError), in one line.
model_option = click.option(
    "--model",
    "model_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Refusal model directory from `salesmine train` (default: the shipped model).",
)


def table_options(func: F) -> F:
    """The options every command that reads CRM tables accepts."""
    func = click.option(
        "--encoding",
        default=None,
        help="Text encoding of CSV files (default: detect UTF-8/BOM/cp1251).",
    )(func)
    func = click.option(
        "--column", "columns", multiple=True, metavar="FIELD=HEADER",
        help="Map a canonical field to a header; repeatable; wins over presets and auto-detection.",
    )(func)
    func = click.option(
        "--preset", type=click.Choice(["auto", "bitrix24", "amocrm", "hubspot"]), default="auto",
        show_default=True, help="Column names of a known CRM export.",
    )(func)
    return func


csv_sep_option = click.option(
    "--csv-sep",
    type=click.Choice(CSV_SEPARATORS),
    default=None,
    help="Field separator of CSV outputs; ';' (with decimal commas) opens as columns in Excel "
    "in a Russian locale (default: csv_delimiter in salesmine.toml, else ',').",
)

embeddings_option = click.option(
    "--embeddings",
    is_flag=True,
    help="Also match claimed products to the catalog by sentence embeddings "
    "(needs salesmine[embeddings]).",
)


def csv_sep_setting(csv_sep: str | None) -> str:
    """``--csv-sep`` when given, else ``[output] csv_delimiter`` of ./salesmine.toml, else ``,``.

    For commands that take no ``--config``: the project's settings file still decides how its
    tables open in Excel.
    """
    from salesmine.config import load_settings

    return csv_sep or load_settings().output.csv_delimiter


def check_paths_early(
    files: Sequence[Path], output: Path | None = None, others: Sequence[Path] = ()
) -> None:
    """Report a mistyped input file or a bad ``output`` path before the table readers (and
    pandas, a second to import) load.

    The errors and their order are those of the slow path, so this only looks when no input is a
    folder (the readers expand folders first, and an empty one is reported before anything
    else): the output path against the inputs and ``others``, then the first input file, which
    the readers would open first.
    """
    paths = [Path(p) for p in files]
    if not paths or any(p.is_dir() for p in paths):
        return
    if output is not None:
        check_table_path(output, [*paths, *others])
    try:
        paths[0].stat()
    except FileNotFoundError:
        raise file_not_found(paths[0]) from None
    except OSError:  # permissions and the like: the readers word those
        return
