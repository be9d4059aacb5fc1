"""Re-marking a released statement for its recipient, and the conditions that travel with it."""

from __future__ import annotations

from dataclasses import replace

from accord.model import Grading4x4, Marking
from accord.model.grading_map import uk_to_eu
from accord.sharing.agreement_types import Agreement

ONWARD_TEXT = {
    "forbidden": "not to be passed on to any third party",
    "with-consent": "not to be passed on without the provider's written consent",
    "permitted": "may be passed on to competent authorities under the same conditions",
}
EU_CODE_TEXT = {
    "H0": "H0: crime purposes only",
    "H1": "H1: not evidence in court without the provider's permission",
    "H2": "H2: not to be passed on without the provider's permission",
}


def remark(marking: Marking, agreement: Agreement, *, drop_subject: bool) -> Marking:
    """The marking the recipient sees: translated to 4x4 for Europol-rules partners, with the
    agreement's receipt codes added; the subject category dropped when policy redacted it."""
    subject = None if drop_subject else marking.subject
    if agreement.handling.partner_grading == "4x4":
        eu = _with_receipt_codes(_to_eu(marking), agreement.handling.on_receipt)
        return replace(marking, uk=None, eu=eu, subject=subject)
    return replace(marking, subject=subject)


def _to_eu(marking: Marking) -> Grading4x4 | None:
    if marking.eu is not None:
        return marking.eu
    return None if marking.uk is None else uk_to_eu(marking.uk)


def _with_receipt_codes(eu: Grading4x4 | None, codes: tuple[str, ...]) -> Grading4x4 | None:
    if eu is None:
        return None
    merged = tuple(sorted({*eu.handling, *codes}))
    return Grading4x4(eu.reliability, eu.accuracy, merged, eu.restrictions)


def conditions(marking: Marking, agreement: Agreement) -> tuple[str, ...]:
    """Plain-language handling conditions the recipient must apply to this statement."""
    found: list[str] = []
    if marking.uk is not None and marking.uk.handling == "C":
        found.append(f"3x5x2 C: {marking.uk.conditions}")
    if marking.eu is not None and marking.eu.restrictions:
        found.append(f"H3: {marking.eu.restrictions}")
    found.extend(EU_CODE_TEXT[code] for code in agreement.handling.on_receipt)
    found.append(f"onward sharing: {ONWARD_TEXT[agreement.onward_sharing]}")
    found.append(f"retain for at most {agreement.retention_days} days, then erase")
    return tuple(dict.fromkeys(found))
