"""Label maps: each corpus's (and each peer's) categories mapped to phiscrub's entities.

A gold label maps to one of phiscrub's entities, or to a *not required* label (a year alone,
a US state, an age of 89 or less, a country, an organisation, a profession): text annotated by
the corpus but that Safe Harbor does not require removing, reported separately by the evaluator.
Some labels depend on the annotated text (an i2b2 ``AGE`` of 67 is not PHI, one of 94 is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from .. import entities as E
from .corpus import AGE_UNDER_90, COUNTRY, NOT_REQUIRED, ORGANIZATION, PROFESSION, STATE, YEAR

_YEAR_ONLY = re.compile(r"^\s*'?(\d{2}|\d{4})s?\s*$")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class LabelMap:
    """Maps a corpus label (and its text) to a phiscrub entity or a not-required label."""

    name: str
    mapping: Mapping[str, str] = field(default_factory=dict)

    def map(self, label: str, text: str = "") -> str:
        """The phiscrub entity for ``label``; unknown labels raise KeyError (caller names the file)."""
        key = label.upper()
        if key in E.ALL_ENTITIES or key in NOT_REQUIRED:
            target = key
        else:
            target = self.mapping[key]
        if target == E.DATE and text and _YEAR_ONLY.match(text):
            return YEAR
        if target in (E.AGE_OVER_89, "AGE"):
            m = _NUMBER.search(text or "")
            if m is None:
                return E.AGE_OVER_89
            return E.AGE_OVER_89 if int(m.group()) > 89 else AGE_UNDER_90
        return target


#: Our own JSONL: phiscrub entity names (and not-required labels) are used as they are.
PHISCRUB = LabelMap("phiscrub", {})

#: Presidio-evaluator synthetic data sets.
PRESIDIO_EVALUATOR = LabelMap(
    "presidio-evaluator",
    {
        "PERSON": E.NAME, "FIRST_NAME": E.NAME, "LAST_NAME": E.NAME, "NAME": E.NAME, "PER": E.NAME,
        "LOCATION": E.LOCATION, "GPE": E.LOCATION, "CITY": E.LOCATION, "LOC": E.LOCATION, "FAC": E.LOCATION,
        "ADDRESS": E.STREET_ADDRESS, "STREET_ADDRESS": E.STREET_ADDRESS, "ZIP_CODE": E.ZIP, "ZIP": E.ZIP,
        "STATE": STATE, "US_STATE": STATE, "COUNTRY": COUNTRY, "NATIONALITY": COUNTRY, "NRP": COUNTRY,
        "DATE_TIME": E.DATE, "DATE": E.DATE, "BIRTHDAY": E.DATE, "DATE_OF_BIRTH": E.DATE, "AGE": "AGE",
        "PHONE_NUMBER": E.PHONE, "PHONE": E.PHONE, "FAX": E.FAX, "EMAIL_ADDRESS": E.EMAIL, "EMAIL": E.EMAIL,
        "US_SSN": E.SSN, "SSN": E.SSN, "MEDICAL_RECORD_NUMBER": E.MRN, "HEALTH_PLAN_ID": E.HEALTH_PLAN_ID,
        "ACCOUNT_NUMBER": E.ACCOUNT, "CREDIT_CARD": E.ACCOUNT, "IBAN_CODE": E.ACCOUNT, "US_BANK_NUMBER": E.ACCOUNT,
        "US_DRIVER_LICENSE": E.LICENSE, "US_PASSPORT": E.OTHER_ID, "US_ITIN": E.OTHER_ID, "VEHICLE_ID": E.VEHICLE,
        "DEVICE_ID": E.DEVICE, "URL": E.URL, "DOMAIN_NAME": E.URL, "IP_ADDRESS": E.IP, "BIOMETRIC_ID": E.BIOMETRIC,
        "ID": E.OTHER_ID, "ORGANIZATION": ORGANIZATION, "ORG": ORGANIZATION, "TITLE": PROFESSION,
        "PREFIX": PROFESSION, "GENDER": PROFESSION, "SEX": PROFESSION,
    },
)

#: PhysioNet deid gold standard (id-phi.phrase) categories.
PHYSIONET = LabelMap(
    "physionet",
    {
        "PATIENT": E.NAME, "HCPNAME": E.NAME, "RELATIVEPROXYNAME": E.NAME, "NAME": E.NAME, "OTHERNAME": E.NAME,
        "DATE": E.DATE, "DATEYEAR": YEAR, "AGE": "AGE", "AGE>89": E.AGE_OVER_89, "PHONE": E.PHONE,
        "LOCATION": E.LOCATION, "HOSPITAL": E.LOCATION, "STATE": STATE, "COUNTRY": COUNTRY, "ZIP": E.ZIP,
        "STREET": E.STREET_ADDRESS, "ADDRESS": E.STREET_ADDRESS, "ID": E.OTHER_ID, "IDNUM": E.OTHER_ID,
        "SSN": E.SSN, "MRN": E.MRN, "EMAIL": E.EMAIL, "URL": E.URL, "COMPANY": ORGANIZATION,
        "PROTECTEDENTITY": E.OTHER_ID, "PROFESSION": PROFESSION,
    },
)

#: i2b2 2014 de-identification: TYPE attributes (subtypes) of the XML tags.
I2B2_2014 = LabelMap(
    "i2b2-2014",
    {
        "PATIENT": E.NAME, "DOCTOR": E.NAME, "USERNAME": E.OTHER_ID, "PROFESSION": PROFESSION,
        "HOSPITAL": E.LOCATION, "ORGANIZATION": ORGANIZATION, "STREET": E.STREET_ADDRESS, "CITY": E.LOCATION,
        "STATE": STATE, "COUNTRY": COUNTRY, "ZIP": E.ZIP, "LOCATION-OTHER": E.LOCATION, "AGE": "AGE",
        "DATE": E.DATE, "PHONE": E.PHONE, "FAX": E.FAX, "EMAIL": E.EMAIL, "URL": E.URL, "IPADDR": E.IP,
        "SSN": E.SSN, "MEDICALRECORD": E.MRN, "HEALTHPLAN": E.HEALTH_PLAN_ID, "ACCOUNT": E.ACCOUNT,
        "LICENSE": E.LICENSE, "VEHICLE": E.VEHICLE, "DEVICE": E.DEVICE, "BIOID": E.BIOMETRIC, "IDNUM": E.OTHER_ID,
    },
)

#: Presidio analyzer entity names -> phiscrub entities, for the side-by-side benchmark. Labels
#: with no Safe Harbor counterpart (NRP, ORGANIZATION) keep their own name: still predictions.
PRESIDIO_PREDICTIONS: dict[str, str] = {
    "PERSON": E.NAME, "LOCATION": E.LOCATION, "DATE_TIME": E.DATE, "PHONE_NUMBER": E.PHONE,
    "EMAIL_ADDRESS": E.EMAIL, "US_SSN": E.SSN, "IP_ADDRESS": E.IP, "URL": E.URL, "CREDIT_CARD": E.ACCOUNT,
    "IBAN_CODE": E.ACCOUNT, "US_BANK_NUMBER": E.ACCOUNT, "US_DRIVER_LICENSE": E.LICENSE,
    "MEDICAL_LICENSE": E.LICENSE, "US_PASSPORT": E.OTHER_ID, "US_ITIN": E.OTHER_ID, "UK_NHS": E.MRN,
    "CRYPTO": E.OTHER_ID,
}

LABEL_MAPS: dict[str, LabelMap] = {
    "jsonl": PHISCRUB, "presidio": PRESIDIO_EVALUATOR, "physionet": PHYSIONET, "i2b2": I2B2_2014,
}
