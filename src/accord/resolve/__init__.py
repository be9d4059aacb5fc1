"""Entity resolution: cross-script features, batch resolution on an engine, judgements, review,
explanations and real-time linking (names normalisation lives in accord.resolve.names)."""

from accord.resolve.batch import (
    KEEP_THRESHOLD,
    MERGE_THRESHOLD,
    BatchResult,
    Prepared,
    birth_dates,
    identifiers,
    prepare,
    resolve_batch,
    train,
)
from accord.resolve.candidates import CandidateIndex
from accord.resolve.clustering import Clustering, Contradiction, cluster, cluster_id_for
from accord.resolve.context import (
    CONTEXT_SCHEMATA,
    Neighbours,
    clustered_edge,
    with_context_contribution,
)
from accord.resolve.features import (
    NO_NAME_OR_IDENTIFIER,
    Features,
    features_of,
    unusable_reason,
)
from accord.resolve.links import LINK_SCHEMATA, Links, with_links
from accord.resolve.portable import fits_person_model
from accord.resolve.realtime import JudgementIndex, LinkResult, Match, RealTimeLinker
from accord.resolve.records import PERSON_PROPS, PERSON_SCHEMATA, PersonRecord, group_records
from accord.resolve.review import PairState, ReviewItem, review_queue
from accord.resolve.scoring import Contribution, Explanation, ModelMismatch, Scorer
from accord.resolve.vouching import vouched_by

__all__ = [
    "CONTEXT_SCHEMATA",
    "KEEP_THRESHOLD",
    "LINK_SCHEMATA",
    "MERGE_THRESHOLD",
    "NO_NAME_OR_IDENTIFIER",
    "PERSON_PROPS",
    "PERSON_SCHEMATA",
    "BatchResult",
    "CandidateIndex",
    "Clustering",
    "Contradiction",
    "Contribution",
    "Explanation",
    "Features",
    "JudgementIndex",
    "LinkResult",
    "Links",
    "Match",
    "ModelMismatch",
    "Neighbours",
    "PairState",
    "PersonRecord",
    "Prepared",
    "RealTimeLinker",
    "ReviewItem",
    "Scorer",
    "birth_dates",
    "cluster",
    "cluster_id_for",
    "clustered_edge",
    "features_of",
    "fits_person_model",
    "group_records",
    "identifiers",
    "prepare",
    "resolve_batch",
    "review_queue",
    "train",
    "unusable_reason",
    "vouched_by",
    "with_context_contribution",
    "with_links",
]
