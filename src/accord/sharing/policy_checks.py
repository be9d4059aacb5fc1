"""The checks `decide` runs, one function per rule of the agreement."""

from __future__ import annotations

from accord.sharing.policy_types import Case, Check, Outcome, Reason, is_sensitive

REFUSED = Outcome.REFUSED
APPROVAL = Outcome.NEEDS_APPROVAL
REDACTED = Outcome.REDACTED
ALLOWED = Outcome.ALLOWED

VICTIM_FLAG = "victim-flag-removed"


def check_validity(case: Case) -> list[Reason]:
    agreement = case.agreement
    if case.now < agreement.valid_from:
        return [Reason("agreement-not-yet-valid", f"agreement valid from {agreement.valid_from}")]
    if case.now >= agreement.valid_until:
        return [Reason("agreement-expired", f"agreement expired at {agreement.valid_until}")]
    return []


def check_purpose(case: Case) -> list[Reason]:
    if case.purpose in case.agreement.purposes:
        return []
    allowed = ", ".join(case.agreement.purposes)
    return [Reason("purpose-not-permitted", f"purpose {case.purpose!r} not in ({allowed})")]


def check_scope(case: Case) -> list[Reason]:
    stmt = case.statement
    if stmt.schema not in case.agreement.schemata:
        return [Reason("schema-not-permitted", f"{stmt.schema} is not shared under the agreement")]
    if not case.agreement.permits(stmt.schema, stmt.prop):
        return [Reason("property-not-permitted", f"{stmt.schema}.{stmt.prop} is not shared")]
    return []


def check_classification(case: Case) -> list[Reason]:
    found = case.statement.marking.classification
    ceiling = case.agreement.maximum_classification
    if found.rank <= ceiling.rank:
        return []
    return [Reason("above-classification", f"{found.value} is above {ceiling.value}")]


def check_grade(case: Case) -> list[Reason]:
    uk = case.statement.marking.uk
    if uk is None or uk.intelligence != 5:
        return []
    return [Reason("grade-5", "3x5x2 grade 5 (suspected false or malicious) is never exported")]


def check_uk_handling(case: Case) -> list[Reason]:
    uk = case.statement.marking.uk
    if uk is None or uk.handling != "C":
        return []
    if case.agreement.handling.uk_c == "refused":
        return [Reason("handling-c-refused", "3x5x2 C items are not shared under this agreement")]
    if case.approved:
        return [Reason("handling-c-approved", f"approved; conditions: {uk.conditions}", ALLOWED)]
    text = f"3x5x2 C needs a sharing officer's approval; conditions: {uk.conditions}"
    return [Reason("handling-c-needs-approval", text, APPROVAL)]


def check_eu_handling(case: Case) -> list[Reason]:
    eu = case.statement.marking.eu
    if eu is None or "H2" not in eu.handling:
        return []
    if case.approved:
        return [Reason("h2-provider-permitted", "provider's permission recorded", ALLOWED)]
    text = "Europol H2: not to be passed on without the provider's permission"
    return [Reason("h2-needs-provider-permission", text, APPROVAL)]


def check_sensitive(case: Case) -> list[Reason]:
    if not is_sensitive(case.statement):
        return []
    if case.purpose not in case.agreement.handling.sensitive_purposes:
        text = "special-category data (DPA 2018 s.35) is not shared for this purpose"
        return [Reason("sensitive-processing", text)]
    if case.approved:
        return [Reason("sensitive-approved", "strict necessity approved", ALLOWED)]
    text = "special-category data needs approval as strictly necessary"
    return [Reason("sensitive-needs-approval", text, APPROVAL)]


def check_victim(case: Case) -> list[Reason]:
    if not case.victim:
        return []
    protection = case.agreement.victims
    if case.purpose in protection.safeguarding_purposes:
        return [Reason("victim-safeguarding", f"safeguarding purpose {case.purpose}", ALLOWED)]
    if case.statement.prop in protection.identity_properties:
        text = "a victim's identity leaves only for a safeguarding purpose"
        return [Reason("victim-identity", text)]
    return [Reason(VICTIM_FLAG, "victim category withheld from the partner", REDACTED)]


def check_source_identifying(case: Case) -> list[Reason]:
    if case.statement.prop not in case.agreement.source_identifying:
        return []
    text = f"{case.statement.prop} may identify the source"
    return [Reason("source-identifying", text)]


CHECKS: tuple[Check, ...] = (
    check_validity,
    check_purpose,
    check_scope,
    check_classification,
    check_grade,
    check_uk_handling,
    check_eu_handling,
    check_sensitive,
    check_victim,
    check_source_identifying,
)
