"""Pages about a taboo theme leave no trace: a quick exit, nothing kept by browsers, caches or search engines.

Someone looking for help with violence at home may share a phone or a computer with the person they fear
(000:1955-2027). Such a page (a group page or a search result page whose themes `directory/sensitive.py` calls
sensitive) shows a "Leave this site quickly" button (`finder/_quick_exit.html`: a plain link to a neutral site, the
weather, that works without JavaScript; `quick-exit.js` replaces the history entry so Back does not return), and its response says
`no-store` and `noindex`. The page cache (`page_cache.py`) sees the `no-store` and keeps nothing either.
"""

from __future__ import annotations

from samenspel.core.privacy import NO_STORE, keep_nothing, keeps_nothing

__all__ = ["NO_STORE", "keep_nothing", "keeps_nothing"]
