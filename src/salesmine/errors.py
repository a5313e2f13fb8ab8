"""Exceptions the library raises; the CLI turns each into a one-line message with exit code 2."""


class SalesmineError(Exception):
    """Base class: anything a user can fix (bad input, bad option, missing model)."""


class InputError(SalesmineError):
    """A user file cannot be read or lacks what is needed.

    The message names the file (and row/column when known) and says what to do.
    """


class ConfigError(SalesmineError):
    """A setting, option or taxonomy/config file is invalid."""


class ModelError(SalesmineError):
    """A model directory is missing, incomplete or of an incompatible version."""


def file_not_found(path: object) -> InputError:
    """The one wording of a missing input file (the CLI's early check and the readers share it)."""
    return InputError(f"{path}: file not found — check the path")
