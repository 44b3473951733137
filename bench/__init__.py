"""The benchmark (`make bench`): the driver (`run.py`), the bare Django view it
measures the portal against (`settings.py`, `bare.py`, `wsgi.py`), the no-op Celery task the
reminders are measured against (`tasks.py`) and wrk's report script (`wrk.lua`).

Nothing here is imported by the portal; see docs/performance.md.
"""
