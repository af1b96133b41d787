"""Query parameters shared by the API and the pages: days checked as YYYY-MM-DD (CG402 otherwise)."""

from __future__ import annotations

import datetime
from typing import Annotated

from fastapi import Query

AsOf = Annotated[datetime.date | None, Query(description="answer with what had been reported by this day")]
Day = Annotated[datetime.date | None, Query(description="YYYY-MM-DD")]


def iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None
