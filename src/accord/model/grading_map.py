"""Conservative translation between UK 3x5x2 and Europol 4x4 gradings.

Rules (documented in docs/gradings.md and pinned by tests):
- reliability and accuracy are never upgraded in translation;
- 3x5x2 intelligence grade 5 (suspected false or malicious) is never exported;
- handling restrictions only ever tighten: a UK C code becomes H2 plus H3 with the conditions,
  and every 4x4 handling code arrives in the UK as C with the provider's restriction written out.
"""

from __future__ import annotations

from accord.model.marking import Grading3x5x2, Grading4x4, MarkingError

_UK_TO_EU_RELIABILITY = {"A": "B", "B": "X", "C": "C"}
_UK_TO_EU_ACCURACY = {1: 2, 2: 3, 3: 4, 4: 4}
_EU_TO_UK_SOURCE = {"A": "A", "B": "B", "C": "C", "X": "B"}
_EU_TO_UK_INTELLIGENCE = {1: 1, 2: 1, 3: 2, 4: 4}
_EU_HANDLING_TEXT = {
    "H0": "Europol H0: may be used for crime purposes only",
    "H1": "Europol H1: not to be used as evidence in court without the provider's permission",
    "H2": "Europol H2: not to be passed on without the provider's permission",
}


class NotExportable(MarkingError):
    """Material that accord refuses to translate for export (3x5x2 intelligence grade 5)."""


def uk_to_eu(grading: Grading3x5x2) -> Grading4x4:
    if grading.intelligence == 5:
        raise NotExportable("3x5x2 grade 5 (suspected false or malicious) is not exported")
    reliability = _UK_TO_EU_RELIABILITY[grading.source]
    accuracy = _UK_TO_EU_ACCURACY[grading.intelligence]
    if grading.handling == "P":
        return Grading4x4(reliability, accuracy, ("H0",))
    return Grading4x4(reliability, accuracy, ("H0", "H2", "H3"), grading.conditions)


def eu_to_uk(grading: Grading4x4) -> Grading3x5x2:
    source = _EU_TO_UK_SOURCE[grading.reliability]
    intelligence = _EU_TO_UK_INTELLIGENCE[grading.accuracy]
    texts = [_EU_HANDLING_TEXT[h] for h in grading.handling if h in _EU_HANDLING_TEXT]
    if "H3" in grading.handling:
        texts.append(f"Europol H3: {grading.restrictions}")
    return Grading3x5x2(source, intelligence, "C", "; ".join(texts))
