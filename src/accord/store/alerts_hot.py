"""The alerts a received package raises, stored and updated as driver-level SQL.

Each package that links to the watchlist stores an alert and, once its webhook answers, the
status; built through SQLAlchemy each cost 1-3 ms of CPU a package at the receiving node, many
times what the database does. The text is built once per store and runs on a DBAPI cursor (in
the open unit of work, if any). Table and column names are constants here, never input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace

from accord.store.database import Database
from accord.store.federation_base import AlertRecord
from accord.store.sql_text import insert_sql, row_of

_ALERT = tuple(f.name for f in fields(AlertRecord) if f.name != "id")


class HotAlerts:
    def __init__(self, database: Database) -> None:
        self.db = database
        mark = database.param_mark
        self._add = insert_sql("fed_alerts", _ALERT, mark) + " RETURNING id"
        self._status = f"UPDATE fed_alerts SET webhook_status = {mark} WHERE id = {mark}"  # noqa: S608

    def add_alert(self, alert: AlertRecord) -> AlertRecord:
        with self.db.cursor(write=True) as cur:
            cur.execute(self._add, row_of(alert, _ALERT))
            row = cur.fetchone()
        if row is None:
            raise RuntimeError("fed_alerts: insert returned no key")
        return replace(alert, id=int(row[0]))

    def add_alerts(self, alerts: Sequence[AlertRecord]) -> list[AlertRecord]:
        if not alerts:
            return []
        with self.db.unit():
            return [self.add_alert(alert) for alert in alerts]

    def set_webhook_status(self, statuses: Sequence[tuple[int, str]]) -> None:
        if statuses:
            with self.db.cursor(write=True) as cur:
                cur.executemany(self._status, [(status, i) for i, status in statuses])
