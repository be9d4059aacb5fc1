"""Words the pages show that come from data rather than templates (purposes, outcomes, roles),
marked for the message catalogues and translated where they are shown."""

from __future__ import annotations

from accord.web.i18n import N_

LABELS = {
    "investigation": N_("investigation"),
    "intelligence development": N_("intelligence development"),
    "safeguarding": N_("safeguarding"),
    "sharing review": N_("sharing review"),
    "data protection audit": N_("data protection audit"),
    "allowed": N_("allowed"),
    "redacted": N_("redacted"),
    "needs_approval": N_("needs approval"),
    "refused": N_("refused"),
    "pending": N_("pending"),
    "approved": N_("approved"),
    "rejected": N_("rejected"),
    "delivered": N_("delivered"),
    "expired": N_("expired"),
    "analyst": N_("analyst"),
    "investigator": N_("investigator"),
    "sharing_officer": N_("sharing officer"),
    "dpo": N_("data-protection officer"),
    "administrator": N_("administrator"),
}


def label(key: str) -> str:
    """The English label of a data value (the msgid), or the value itself."""
    return LABELS.get(key, key)
