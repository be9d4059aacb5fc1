"""The interface's languages: English (the msgids) and Serbian in Latin and Cyrillic script,
from gettext catalogues compiled next to this module (locale/<lang>/LC_MESSAGES/messages.mo)."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = {"en": "English", "sr-Latn": "Srpski (latinica)", "sr-Cyrl": "Српски (ћирилица)"}
DEFAULT_LANGUAGE = "en"
DOMAIN = "messages"

Translate = Callable[[str], str]


def catalogue_name(language: str) -> str:
    """sr-Latn -> sr_Latn, the folder gettext looks in."""
    return language.replace("-", "_")


def language_or_default(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


@cache
def translations(language: str) -> gettext.NullTranslations:
    chosen = language_or_default(language)
    if chosen == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[catalogue_name(chosen)])


def translator(language: str) -> Translate:
    return translations(language).gettext


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message
