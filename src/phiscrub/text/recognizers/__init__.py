"""phiscrub's recognizer set, chosen deliberately: Presidio's default set floods clinical
notes with false hits (spaCy ORG on abbreviations; licence and date patterns on ``2130``,
``BP 120/80``, ``K 3.9``), so every recognizer here is phiscrub's own, in Presidio's
recognizer interface (patterns, context words, validation)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from .age import AgeRecognizer
from .contact import EmailUrlIpRecognizer, ClinicalPhoneRecognizer
from .dates import ClinicalDateRecognizer
from .ids import (
    AccountRecognizer,
    BiometricRecognizer,
    DeviceRecognizer,
    HealthPlanRecognizer,
    LicenseRecognizer,
    MrnRecognizer,
    OtherIdRecognizer,
    SsnRecognizer,
    VehicleRecognizer,
)
from .locations import AddressRecognizer, CityRecognizer, FacilityRecognizer
from .names import NameRecognizer
from .ner import NerRecognizer

__all__ = ["build_recognizers"]


def build_recognizers(use_ner: bool = True) -> list[EntityRecognizer]:
    recs: list[EntityRecognizer] = [
        NameRecognizer(), ClinicalDateRecognizer(), AgeRecognizer(), ClinicalPhoneRecognizer(), EmailUrlIpRecognizer(),
        SsnRecognizer(), MrnRecognizer(), HealthPlanRecognizer(), AccountRecognizer(), LicenseRecognizer(),
        VehicleRecognizer(), DeviceRecognizer(), BiometricRecognizer(), OtherIdRecognizer(),
        AddressRecognizer(), FacilityRecognizer(), CityRecognizer(),
    ]
    if use_ner:
        recs.append(NerRecognizer())
    return recs
