"""Merge: report-level events of one happening become one event, across reports (after resolve, before store)."""

from claimgraph.merge._blocks import WINDOW_DAYS, candidate_pairs, query_blocks, registered_blocks
from claimgraph.merge._clusters import THRESHOLD, Cluster, MergeReason, cluster, cluster_id
from claimgraph.merge._copies import COPY_SIMILARITY, bands, signature, similarity
from claimgraph.merge._followups import FollowUp, follow_ups
from claimgraph.merge._incremental import REGION_LIMIT, MergeIndex, merge_new
from claimgraph.merge._mentions import (
    UNREALISED,
    EventMention,
    acts_of,
    mention_from_json,
    mention_of,
    mention_to_json,
    time_interval,
)
from claimgraph.merge._pairs import incompatible, score_pair

ALGORITHM = "merge.constrained-average/1"

__all__ = [
    "UNREALISED",
    "acts_of",
    "ALGORITHM",
    "COPY_SIMILARITY",
    "Cluster",
    "EventMention",
    "FollowUp",
    "MergeIndex",
    "MergeReason",
    "REGION_LIMIT",
    "THRESHOLD",
    "WINDOW_DAYS",
    "bands",
    "candidate_pairs",
    "cluster",
    "cluster_id",
    "follow_ups",
    "incompatible",
    "mention_from_json",
    "mention_of",
    "mention_to_json",
    "merge_new",
    "query_blocks",
    "registered_blocks",
    "score_pair",
    "signature",
    "similarity",
    "time_interval",
]
