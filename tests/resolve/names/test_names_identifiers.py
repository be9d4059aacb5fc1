from __future__ import annotations

import pytest

from accord.resolve.names import canonical_document, canonical_phone, canonical_plate


def test_phones_reach_e164_from_local_and_international_forms() -> None:
    assert canonical_phone("064 123 4567", "RS") == "+381641234567"
    assert canonical_phone("+381 64 123 4567") == "+381641234567"
    assert canonical_phone("00381641234567") == "+381641234567"
    assert canonical_phone("020 7946 0958", "gb") == "+442079460958"


@pytest.mark.parametrize("raw", ["064 123 4567", "12", "not a phone"])
def test_phones_without_a_region_or_invalid_are_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="phone"):
        canonical_phone(raw)


def test_plates_fold_spaces_hyphens_and_cyrillic_lookalikes() -> None:
    assert canonical_plate("BG 123-AB") == "BG123AB"
    assert canonical_plate("ВG 123-АВ") == "BG123AB"  # Cyrillic В, А, В
    assert canonical_plate("bg-123-ab") == "BG123AB"


def test_plates_must_be_plausible() -> None:
    with pytest.raises(ValueError, match="plate"):
        canonical_plate("A")


def test_documents_drop_labels_separators_and_lookalikes() -> None:
    assert canonical_document("No. 012 345 678") == "012345678"
    assert canonical_document("AB-123456") == "AB123456"
    assert canonical_document("АВ 123456") == "AB123456"  # Cyrillic А, В
    assert canonical_document("NO123") == "NO123"


def test_documents_without_characters_are_refused() -> None:
    with pytest.raises(ValueError, match="identifier"):
        canonical_document(" -- ")
