"""What the first reader of a freshly started server would otherwise wait for, done as the server starts.

`kosovo-map serve` runs `warm` on a thread of its own while Streamlit starts: it imports the page's
modules and fills the server-wide caches the page reads (the shipped data, the files named at start,
the store's kept rows and their assembly). A session that asks for one of them while it is still being
made waits for that one result (Streamlit locks each cache entry while it is computed), never makes it twice.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["PAGE_MODULES", "THREAD_NAME", "warm"]

# What app.py imports, and what its map and news tabs import: about two seconds the first page need not wait
# for. Not streamlit_folium: a component is registered only when declared inside a session's run, so the
# tabs that import it (components.maptab, components.review) are left to the first session.
PAGE_MODULES = (
    "components.datasources",
    "components.dates",
    "components.detailpanel",
    "components.editing",
    "components.filters",
    "components.findplace",
    "components.mapview",
    "components.scope",
    "components.selection",
    "components.sharing",
    "components.sidebar",
    "components.signin",
    "components.table",
    "components.timeline",
    "components.view",
    "geo.dataset",
    "geo.extract",
)

_LOG = logging.getLogger("kosovo_map.warmup")
THREAD_NAME = "kosovo-map warm-up"


class _NotFromWarmUp(logging.Filter):
    """Streamlit warns of a "missing ScriptRunContext" for each cached call outside a session: true of the
    warm-up's thread, and expected. A filter, as Streamlit resets its loggers' levels when it starts."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != THREAD_NAME


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NotFromWarmUp())


def warm(paths: Sequence[Path]) -> float | None:
    """Import the page and load its server-wide data for these start-up files; returns the seconds it took.

    A failure is logged, not raised, and gives None: the first session meets it again and shows it as the page
    always does.
    """
    started = time.perf_counter()
    importing = threading.Thread(target=_import_page, name=f"{THREAD_NAME}: imports", daemon=True)
    try:
        from components.datasources import shared_data, shipped_as_of

        # The rest of the page is imported beside the load: pyarrow reads the file without the GIL meanwhile.
        importing.start()
        shared_data(tuple(paths))
        shipped_as_of()
    except Exception as error:  # the page reports the same failure to its reader, in its own words
        _LOG.warning("the data could not be loaded as the server started (%s); the first page will say why", error)
        return None
    finally:
        if importing.is_alive():
            importing.join()
    return time.perf_counter() - started


def _import_page() -> None:
    try:
        for name in PAGE_MODULES:
            importlib.import_module(name)
    except Exception as error:  # the first session imports them again and shows the error as the page does
        _LOG.warning("the page could not be imported as the server started (%s)", error)
