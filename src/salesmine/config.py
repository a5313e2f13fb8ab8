"""Settings: one dataclass per section with commented defaults, overridden by ``salesmine.toml``,
which command-line flags override in turn. Tests build ``Settings`` directly; no global state.

A ``salesmine.toml`` names a project's inputs at the top level (paths relative to the file) and
has one table per section (every key optional)::

    notes = ["crm_deals.csv"]              # CRM exports: files or folders
    people = "people.csv"                  # employees: name, department, branch, role, aliases
    catalog = "catalog.csv"                # products with synonyms and status
    interviews = "interviews"              # interview transcripts: files or folders
    preset = "bitrix24"                    # auto | bitrix24 | amocrm | hubspot
    encoding = "cp1251"                    # omit to detect UTF-8 / UTF-8 with BOM / cp1251

    [columns]                              # canonical field = header in the export
    stage = "Последний пройденный этап"

    [funnel]
    stages = ["Контакт", "Встреча назначена", "Встреча проведена", "КП отправлено", "Договор"]
    by = ["company", "branch", "department", "manager"]
    closed_only = false
    period = "month"                       # month | week; omit for no period column
    min_deals = 10

    [funnel.aliases]                       # CRM stage value = one of the stages, "won" or "lost"
    "Подготовка документов" = "КП отправлено"

    [report]
    lang = "ru"                            # ru | en; omit to decide from the data

    [output]
    csv_delimiter = ";"                    # "," (default) | ";" for Excel in a Russian locale
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesmine.errors import ConfigError
from salesmine.output import CSV_SEPARATORS

CONFIG_NAME = "salesmine.toml"
LEVELS = ("company", "branch", "department", "manager")
PRESETS = ("auto", "bitrix24", "amocrm", "hubspot")
PERIODS = ("month", "week")
LANGS = ("ru", "en")


@dataclass(frozen=True)
class InputSettings:
    """The project's input files and how CRM exports are read (the top level of the file)."""

    preset: str = "auto"  # column names of a known CRM export; "auto" detects them from the headers
    encoding: str | None = None  # CSV encoding; None detects UTF-8, UTF-8 with BOM and cp1251
    columns: Mapping[str, str] = field(default_factory=dict)  # canonical field -> export header
    notes: tuple[Path, ...] = ()  # CRM exports (files or folders); command-line files replace them
    people: Path | None = None  # the people file
    catalog: Path | None = None  # the product catalog
    interviews: tuple[Path, ...] = ()  # interview transcripts (files or folders)

    def __post_init__(self) -> None:
        _check_choice("preset", self.preset, PRESETS)
        _check_str_mapping("columns", self.columns)
        object.__setattr__(self, "notes", _as_paths("notes", self.notes))
        object.__setattr__(self, "interviews", _as_paths("interviews", self.interviews))
        for name in ("people", "catalog"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, _as_paths(name, value)[0])


@dataclass(frozen=True)
class FunnelSettings:
    """Funnel stages and the KPI breakdown."""

    stages: tuple[str, ...] = ()  # ordered stage names; empty = the preset's default list
    aliases: Mapping[str, str] = field(default_factory=dict)  # CRM stage value -> one of ``stages``
    by: tuple[str, ...] = LEVELS  # levels to report; levels absent from the data are skipped
    events: bool = False  # the stage column is an event log (one row per deal and stage reached)
    closed_only: bool = False  # leave open deals out of every count
    period: str | None = None  # "month" or "week" adds a period column to the KPI table
    min_deals: int = 10  # groups with fewer deals are marked as a small sample, not ranked

    def __post_init__(self) -> None:
        object.__setattr__(self, "stages", _as_str_tuple("funnel.stages", self.stages))
        object.__setattr__(self, "by", _as_str_tuple("funnel.by", self.by))
        for level in self.by:
            _check_choice("funnel.by", level, LEVELS)
        if self.period is not None:
            _check_choice("funnel.period", self.period, PERIODS)
        _check_str_mapping("funnel.aliases", self.aliases)
        if not isinstance(self.min_deals, int) or self.min_deals < 1:
            raise ConfigError(
                f"funnel.min_deals: expected a whole number >= 1, got {self.min_deals!r}"
            )


@dataclass(frozen=True)
class ReportSettings:
    """The HTML reports."""

    lang: str | None = None  # interface language "ru" or "en"; None = mostly-Cyrillic data -> ru
    trend_period: str = "month"  # period of the trend tables and charts: "month" or "week"

    def __post_init__(self) -> None:
        if self.lang is not None:
            _check_choice("report.lang", self.lang, LANGS)
        _check_choice("report.trend_period", self.trend_period, PERIODS)


@dataclass(frozen=True)
class OutputSettings:
    """The tables the commands write."""

    # CSV field separator: "," or ";" (with decimal commas), which Excel in a Russian locale
    # needs to open a double-clicked file as columns
    csv_delimiter: str = ","

    def __post_init__(self) -> None:
        _check_choice("output.csv_delimiter", self.csv_delimiter, CSV_SEPARATORS)


@dataclass(frozen=True)
class Settings:
    """All settings, one attribute per ``salesmine.toml`` section."""

    input: InputSettings = field(default_factory=InputSettings)
    funnel: FunnelSettings = field(default_factory=FunnelSettings)
    report: ReportSettings = field(default_factory=ReportSettings)
    output: OutputSettings = field(default_factory=OutputSettings)
    source: Path | None = None  # the file these settings came from, for messages

    def override(self, section: str, **values: Any) -> Settings:
        """A copy with ``values`` set in ``section``; ``None`` (flag not given) changes nothing."""
        given = {key: value for key, value in values.items() if value is not None}
        if not given:
            return self
        current = getattr(self, section)
        try:
            updated = dataclasses.replace(current, **given)
        except TypeError as exc:
            raise ConfigError(f"[{section}]: {exc}") from exc
        return dataclasses.replace(self, **{section: updated})


_SECTIONS = {"funnel": FunnelSettings, "report": ReportSettings, "output": OutputSettings}
_PATH_KEYS = ("notes", "people", "catalog", "interviews")


def load_settings(path: Path | str | None = None, *, search_dir: Path | None = None) -> Settings:
    """Read settings from ``path``, or from ``salesmine.toml`` in ``search_dir`` (default: the
    current directory) when it exists; defaults otherwise."""
    if path is None:
        candidate = (search_dir or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Settings()
        path = candidate
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: settings file not found — check the --config path") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    except OSError as exc:  # a folder, no permission
        raise ConfigError(f"{path}: cannot read the settings file ({exc.strerror})") from exc
    return settings_from_mapping(data, source=path)


def settings_from_mapping(data: Mapping[str, Any], *, source: Path | None = None) -> Settings:
    """Build settings from a parsed TOML document; unknown sections or keys are errors.

    Relative input paths are resolved against the settings file's folder.
    """
    where = f"{source}: " if source else ""
    base = source.parent if source else Path.cwd()
    top = {k: v for k, v in data.items() if not isinstance(v, Mapping)}
    tables = {k: v for k, v in data.items() if isinstance(v, Mapping)}
    inputs = {**top, **({"columns": tables.pop("columns")} if "columns" in tables else {})}
    sections: dict[str, Any] = {}
    try:
        sections["input"] = _section(InputSettings, inputs, "")
        for name, values in tables.items():
            if name not in _SECTIONS:
                raise ConfigError(
                    f"unknown section [{name}]; expected one of columns, {', '.join(_SECTIONS)}"
                )
            sections[name] = _section(_SECTIONS[name], values, f"[{name}] ")
    except ConfigError as exc:
        raise ConfigError(f"{where}{exc}") from exc
    settings = Settings(**sections, source=source)
    return settings.override(
        "input", **{key: _resolve(getattr(settings.input, key), base) for key in _PATH_KEYS}
    )


def _section(kind: type, values: Mapping[str, Any], label: str) -> Any:
    known = {f.name for f in dataclasses.fields(kind)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(
            f"{label}unknown key {unknown[0]!r}; expected one of {', '.join(sorted(known))}"
        )
    return kind(**values)


def _resolve(value: Path | tuple[Path, ...] | None, base: Path) -> Path | tuple[Path, ...] | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(p if p.is_absolute() else base / p for p in value) or None
    return value if value.is_absolute() else base / value


def apply_options(
    settings: Settings,
    *,
    preset: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    stages: str | None = None,
    by: str | None = None,
    events: bool | None = None,
    closed_only: bool | None = None,
    period: str | None = None,
    lang: str | None = None,
    csv_sep: str | None = None,
) -> Settings:
    """Command-line options over ``settings``: an option not given (None) keeps the file's value.

    ``preset="auto"`` (the flag's default) counts as not given; ``columns`` are merged per field.
    """
    unknown = [level for level in parse_list(by) or () if level not in LEVELS]
    if unknown:
        raise ConfigError(
            f"--by {by!r}: unknown level {unknown[0]!r} — use any of {', '.join(LEVELS)}, "
            "comma-separated"
        )
    merged = {**settings.input.columns, **(columns or {})}
    settings = settings.override(
        "input",
        preset=None if preset == "auto" else preset,
        columns=merged or None,
        encoding=encoding,
    )
    settings = settings.override(
        "funnel",
        stages=parse_list(stages),
        by=parse_list(by),
        events=events,
        closed_only=closed_only,
        period=period,
    )
    settings = settings.override("output", csv_delimiter=csv_sep)
    return settings.override("report", lang=lang)


def parse_list(value: str | None) -> tuple[str, ...] | None:
    """Split a comma-separated option value (``--stages "A,B,C"``); ``None`` stays ``None``."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _as_paths(name: str, value: Any) -> tuple[Path, ...]:
    if isinstance(value, (str, Path)):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, (str, Path)) for v in value):
        raise ConfigError(f"{name}: expected a path or a list of paths, got {value!r}")
    return tuple(Path(v) for v in value)


def _as_str_tuple(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = parse_list(value) or ()
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{name}: expected a list of strings, got {value!r}")
    return tuple(v.strip() for v in value if v.strip())


def _check_choice(name: str, value: Any, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ConfigError(f"{name}: {value!r} is not one of {', '.join(choices)}")


def _check_str_mapping(name: str, value: Any) -> None:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ConfigError(f'{name}: expected a table of "name" = "value" strings')
