"""Time expressions (TIMEX3) normalised against the report's date: rules in data/timex.yaml."""

from claimgraph.extract.timex._calendar import TIMEX_VALUE
from claimgraph.extract.timex._finder import ALGORITHM, find_timexes

__all__ = ["ALGORITHM", "TIMEX_VALUE", "find_timexes"]
