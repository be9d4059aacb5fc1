"""Lawful sharing under agreements: policy, release, sealed packages, receipts, hit/no-hit."""

from accord.sharing.agreement import Agreement, AgreementError, load_agreement, parse_agreement
from accord.sharing.clk import Clk, clk_key, dice, encode_person
from accord.sharing.hitindex import HitIndex
from accord.sharing.hitnohit import HitAnswer, HitQuery, HitRef, encode_identifier, identifier_key
from accord.sharing.packages import OpenedPackage, open_package, seal
from accord.sharing.policy import Decision, Outcome, Reason, decide
from accord.sharing.pseudonyms import pseudonym_key, pseudonymise
from accord.sharing.receipts import Receipt, sign_receipt, statements_digest, verify_receipt
from accord.sharing.refusal import PackageRefused
from accord.sharing.release import Release, ReleasedStatement, build_release

__all__ = [
    "Agreement",
    "AgreementError",
    "Clk",
    "Decision",
    "HitAnswer",
    "HitIndex",
    "HitQuery",
    "HitRef",
    "OpenedPackage",
    "Outcome",
    "PackageRefused",
    "Reason",
    "Receipt",
    "Release",
    "ReleasedStatement",
    "build_release",
    "clk_key",
    "decide",
    "dice",
    "encode_identifier",
    "encode_person",
    "identifier_key",
    "load_agreement",
    "open_package",
    "parse_agreement",
    "pseudonym_key",
    "pseudonymise",
    "seal",
    "sign_receipt",
    "statements_digest",
    "verify_receipt",
]
