"""The identifier types phiscrub finds, and the HIPAA Safe Harbor item each one covers.

Entity names are plain strings so that policies, audit logs and benchmark label maps stay
readable data; the constants below exist so code can refer to them without typos.
"""

from __future__ import annotations

NAME = "NAME"
STREET_ADDRESS = "STREET_ADDRESS"
LOCATION = "LOCATION"  # cities, counties, hospitals and other facilities
ZIP = "ZIP"
DATE = "DATE"
AGE_OVER_89 = "AGE_OVER_89"
PHONE = "PHONE"
FAX = "FAX"
EMAIL = "EMAIL"
SSN = "SSN"
MRN = "MRN"
HEALTH_PLAN_ID = "HEALTH_PLAN_ID"
ACCOUNT = "ACCOUNT"
LICENSE = "LICENSE"
VEHICLE = "VEHICLE"
DEVICE = "DEVICE"
URL = "URL"
IP = "IP"
BIOMETRIC = "BIOMETRIC"
OTHER_ID = "OTHER_ID"
# Found only in images.
FACE = "FACE"
BARCODE = "BARCODE"

#: Safe Harbor item (45 CFR 164.514(b)(2)(i)) covered by each entity.
SAFE_HARBOR: dict[str, str] = {
    NAME: "(A) Names",
    STREET_ADDRESS: "(B) Geographic subdivisions smaller than a state: street address",
    LOCATION: "(B) Geographic subdivisions smaller than a state: city, county, facility",
    ZIP: "(B) Geographic subdivisions smaller than a state: ZIP code",
    DATE: "(C) All elements of dates (except year) directly related to an individual",
    AGE_OVER_89: "(C) Ages over 89",
    PHONE: "(D) Telephone numbers",
    FAX: "(E) Fax numbers",
    EMAIL: "(F) Electronic mail addresses",
    SSN: "(G) Social security numbers",
    MRN: "(H) Medical record numbers",
    HEALTH_PLAN_ID: "(I) Health plan beneficiary numbers",
    ACCOUNT: "(J) Account numbers",
    LICENSE: "(K) Certificate/license numbers",
    VEHICLE: "(L) Vehicle identifiers and serial numbers, including license plates",
    DEVICE: "(M) Device identifiers and serial numbers",
    URL: "(N) Web Universal Resource Locators (URLs)",
    IP: "(O) Internet Protocol (IP) address numbers",
    BIOMETRIC: "(P) Biometric identifiers, including finger and voice prints",
    FACE: "(Q) Full face photographic images and any comparable images",
    OTHER_ID: "(R) Any other unique identifying number, characteristic, or code",
    BARCODE: "(R) Any other unique identifying number, characteristic, or code (barcodes, QR codes)",
}

#: Entities the text recognizers produce.
TEXT_ENTITIES: frozenset[str] = frozenset(
    {
        NAME, STREET_ADDRESS, LOCATION, ZIP, DATE, AGE_OVER_89, PHONE, FAX, EMAIL, SSN, MRN,
        HEALTH_PLAN_ID, ACCOUNT, LICENSE, VEHICLE, DEVICE, URL, IP, BIOMETRIC, OTHER_ID,
    }
)
#: Every entity phiscrub knows.
ALL_ENTITIES: frozenset[str] = frozenset(SAFE_HARBOR)
