"""The refusal-reason taxonomy: the one place the codes, their names and CRM synonyms are defined.

The default lives in ``taxonomy.yaml`` beside this module. A user YAML (``--taxonomy``) of the
same shape extends it (``mode: extend``, the default) or replaces it (``mode: replace``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from salesmine.errors import ConfigError

# The classifier's rules need these two codes whatever the user's taxonomy says.
REQUIRED_CODES = ("unclear", "not_refusal")
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ReasonCode:
    """One reason of the taxonomy, with its names for reports and its CRM dropdown synonyms."""

    code: str
    name_ru: str
    name_en: str
    description_ru: str = ""
    description_en: str = ""
    crm_synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """The reason codes plus what the CRM dropdown and placeholder notes mean."""

    reasons: tuple[ReasonCode, ...]
    crm_no_opinion: frozenset[str] = frozenset()
    placeholders: frozenset[str] = frozenset()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    def reason(self, code: str) -> ReasonCode:
        """The reason with this code (KeyError when unknown)."""
        for reason in self.reasons:
            if reason.code == code:
                return reason
        raise KeyError(code)

    def map_crm_reason(self, value: object) -> str | None:
        """The code a CRM dropdown value stands for, or None (empty, "Другое", or unknown)."""
        key = normalize_key(value)
        if not key or key in self.crm_no_opinion:
            return None
        return self._crm_table().get(key)

    def is_placeholder(self, text: object) -> bool:
        """True when a note only says that the client refused (or is empty)."""
        key = normalize_key(text).strip(" .!")
        return key in self.placeholders or normalize_key(text) in self.placeholders

    def _crm_table(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for reason in self.reasons:
            table[normalize_key(reason.code)] = reason.code
            table[normalize_key(reason.code.replace("_", " "))] = reason.code
            for name in (reason.name_ru, reason.name_en, *reason.crm_synonyms):
                table.setdefault(normalize_key(name), reason.code)
        return table


def normalize_key(value: object) -> str:
    """Lower-case, ё->е, collapsed spaces: how dropdown values and placeholders are compared."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = str(value).replace("ё", "е").replace("Ё", "Е").lower()
    return _SPACES.sub(" ", text).strip()


def default_taxonomy() -> Taxonomy:
    """The taxonomy shipped with salesmine."""
    text = resources.files("salesmine.refusals").joinpath("taxonomy.yaml").read_text("utf-8")
    return _build(yaml.safe_load(text), "taxonomy.yaml", base=None)


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The default taxonomy, or a user YAML that extends or replaces it (one-line ConfigError)."""
    base = default_taxonomy()
    if path is None:
        return base
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: taxonomy file not found") from None
    except (yaml.YAMLError, UnicodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise ConfigError(f"{path}: not a valid YAML file ({first})") from None
    return _build(data, str(path), base=base)


def taxonomy_to_dict(taxonomy: Taxonomy) -> dict[str, Any]:
    """A YAML/JSON-ready dict of a taxonomy (saved with a model so it travels with it)."""
    return {
        "version": 1,
        "mode": "replace",
        "codes": {
            r.code: {
                "ru": r.name_ru,
                "en": r.name_en,
                "description_ru": r.description_ru,
                "description_en": r.description_en,
                "crm_synonyms": list(r.crm_synonyms),
            }
            for r in taxonomy.reasons
        },
        "crm_no_opinion": sorted(taxonomy.crm_no_opinion),
        "placeholders": sorted(taxonomy.placeholders),
    }


def taxonomy_from_dict(data: Any, where: str) -> Taxonomy:
    """Rebuild a taxonomy saved by ``taxonomy_to_dict`` (validated the same way)."""
    return _build(data, where, base=None)


def _build(data: Any, where: str, base: Taxonomy | None) -> Taxonomy:
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: expected a mapping with a 'codes' section")
    mode = data.get("mode", "extend")
    if mode not in ("extend", "replace"):
        raise ConfigError(f"{where}: mode must be 'extend' or 'replace', not {mode!r}")
    codes = data.get("codes")
    if not isinstance(codes, Mapping) or not codes:
        raise ConfigError(
            f"{where}: 'codes' must map each code to its names, e.g. 'price: {{ru: Цена}}'"
        )
    reasons: dict[str, ReasonCode] = {}
    if base is not None and mode == "extend":
        reasons = {r.code: r for r in base.reasons}
    for code, spec in codes.items():
        reasons[str(code)] = _reason(str(code), spec, where, reasons.get(str(code)))
    missing = [c for c in REQUIRED_CODES if c not in reasons]
    if missing:
        raise ConfigError(
            f"{where}: the taxonomy must define {', '.join(missing)} (used by the rules)"
        )
    no_opinion = _strings(data, "crm_no_opinion", where)
    placeholders = _strings(data, "placeholders", where)
    if base is not None and mode == "extend":
        no_opinion |= base.crm_no_opinion
        placeholders |= base.placeholders
    return Taxonomy(tuple(reasons.values()), frozenset(no_opinion), frozenset(placeholders))


def _reason(code: str, spec: Any, where: str, previous: ReasonCode | None) -> ReasonCode:
    if not _CODE_RE.match(code):
        raise ConfigError(f"{where}: code {code!r} must be lower-case latin letters, digits and _")
    if spec is None:
        spec = {}
    if not isinstance(spec, Mapping):
        raise ConfigError(
            f"{where}: code {code!r} must map to names, e.g. '{code}: {{ru: ..., en: ...}}'"
        )
    unknown = set(spec) - {"ru", "en", "description_ru", "description_en", "crm_synonyms"}
    if unknown:
        raise ConfigError(
            f"{where}: code {code!r} has unknown keys: {', '.join(sorted(map(str, unknown)))}"
        )
    old = previous or ReasonCode(code, code, code)
    synonyms = spec.get("crm_synonyms", list(old.crm_synonyms))
    if not isinstance(synonyms, list):
        raise ConfigError(f"{where}: crm_synonyms of {code!r} must be a list")
    return ReasonCode(
        code=code,
        name_ru=str(spec.get("ru", old.name_ru)),
        name_en=str(spec.get("en", old.name_en)),
        description_ru=str(spec.get("description_ru", old.description_ru)),
        description_en=str(spec.get("description_en", old.description_en)),
        crm_synonyms=tuple(str(s) for s in synonyms),
    )


def _strings(data: Mapping[str, Any], key: str, where: str) -> set[str]:
    values: Iterable[Any] = data.get(key) or []
    if not isinstance(values, list):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return {normalize_key(v) for v in values}
