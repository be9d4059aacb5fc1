"""Suspicious activity reports to the financial intelligence unit (CSV): bank and MSB transfers."""

from __future__ import annotations

import random
from datetime import date

from accord.scenario.events import GroupEvents, Payment
from accord.scenario.noise import Noise
from accord.scenario.render import english_name
from accord.scenario.sources.base import Row, day_date, short_row
from accord.scenario.sources.common import use_id
from accord.scenario.world import Account, Person

METHODS = {"bank": "bank transfer", "msb": "money transfer"}


def iban_text(iban: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return iban
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


class FiuSource:
    name = "uk-fiu-sars"
    stem = "fiu_suspicious_payments"
    format = "csv"
    columns: tuple[str, ...] = (
        "sar_ref",
        "submitted",
        "reporter",
        "txn_date",
        "method",
        "amount",
        "currency",
        "payer_name",
        "payer_account",
        "beneficiary_name",
        "beneficiary_account",
    )

    def __init__(self, start: date, rate: float) -> None:
        self.start = start
        self.rate = rate

    def rows(self, events: GroupEvents, noise: Noise) -> list[Row]:
        seen = [
            p for p in events.payments if p.method != "hawala" and noise.rng.random() < self.rate
        ]
        return [self._row(payment, noise) for payment in seen]

    def _row(self, payment: Payment, noise: Noise) -> Row:
        when = day_date(self.start, payment.day)
        submitted = day_date(self.start, payment.day + noise.rng.randint(2, 40))
        values = {
            "sar_ref": f"SAR-{submitted:%Y}-{int(payment.id[1:]):08d}",
            "submitted": f"{submitted:%d/%m/%Y}",
            "reporter": payment.reporter,
            "txn_date": f"{when:%d/%m/%Y}",
            "method": METHODS[payment.method],
            "amount": f"{payment.amount:,.2f}"
            if noise.rng.random() < 0.5
            else f"{payment.amount}.00",
            "currency": payment.currency,
        }
        row = Row(values["sar_ref"], values)
        self._party(row, "payer", payment.payer, payment.payer_account, noise)
        self._party(row, "beneficiary", payment.beneficiary, payment.beneficiary_account, noise)
        row.ref("payment", "Payment", (row.record_id,), payment.id, link=True)
        return row

    def _party(
        self, row: Row, side: str, person: Person, account: Account | None, noise: Noise
    ) -> None:
        tags: list[str] = []
        forenames, surname = english_name(person, noise, tags)
        name = f"{forenames} {surname}".upper()
        row.values[f"{side}_name"] = name
        row.values[f"{side}_account"] = iban_text(account.iban, noise.rng) if account else ""
        parts = (row.record_id,) if side == "payer" else (row.record_id, name)
        row.ref(side, "Person", parts, person.id, tags=tags)
        if account is not None:
            row.ref(f"{side}_account", "Account", (account.iban,), account.id)
            row.ref(
                f"{side}_holds",
                "Use",
                (row.record_id, row.values[f"{side}_account"]),
                use_id(person, account.id),
                link=True,
            )

    def malform(self, row: Row, rng: random.Random) -> None:
        choice = rng.randrange(3)
        if choice == 0:
            short_row(row, self.columns)
        elif choice == 1 or not row.values["payer_account"]:
            symbol = "£" if row.values["currency"] == "GBP" else "€"
            raw = f"{symbol}{row.values['amount']}"
            row.values["amount"] = raw
            row.expected = [("amount", f"Payment.amount: not a number: {raw!r}")]
        else:
            compact = row.values["payer_account"].replace(" ", "")
            check = f"{(int(compact[2:4]) + 1) % 100:02d}"
            raw = compact[:2] + check + compact[4:]
            row.values["payer_account"] = raw
            row.expected = [
                ("payer_account", f"Account.iban: IBAN check digits are wrong: {raw!r}")
            ]
