"""Every Safe Harbor identifier class, in realistic sentences, mixed-case, ALL-CAPS and
lower-case; and clinical words and numbers that must survive."""

from __future__ import annotations

import pytest

from phiscrub import scrub

# (sentence, identifier that must disappear, entity expected to cover it)
CASES = [
    # NAME
    ("Pt John SMITH seen today.", "SMITH", "NAME"),
    ("Seen by Dr. Alvarez in clinic.", "Alvarez", "NAME"),
    ("pt seen by dr jones today", "jones", "NAME"),
    ("DAUGHTER MARY AT BEDSIDE, DR JONES AWARE.", "MARY", "NAME"),
    ("husband Bob called back", "Bob", "NAME"),
    ("Spoke with his daughter, Mary, about the plan.", "Mary", "NAME"),
    ("Name: SMITH, JOHN A   DOB: 07/04/1931", "JOHN", "NAME"),
    ("Electronically signed by Jane Okafor, MD on 3/5/2024", "Okafor", "NAME"),
    ("MRS. ÇETIN ASKING WHEN SHE CAN GO HOME.", "ÇETIN", "NAME"),
    ("Mr. Barrett was seen by PT/OT.", "Barrett", "NAME"),
    ("PK is a 71 y.o. man with CHF.", "PK", "NAME"),
    # a surname that is also a rare dictionary word, ALL-CAPS after a short label (found by the
    # image property test: "Pt: BIGGEN, VOLKER" lost its surname)
    ("Pt: BIGGEN, VOLKER", "BIGGEN", "NAME"),
    ("NAME: BIGGEN, VOLKER   DOB: 07/04/1931", "BIGGEN", "NAME"),
    ("PT: VOLKER BIGGEN", "BIGGEN", "NAME"),
    # STREET_ADDRESS / LOCATION / ZIP
    ("Lives at 123 Main St, Apt 4B, Springfield, IL 62704.", "123 Main St", "STREET_ADDRESS"),
    ("PT LIVES AT 907 SHIELDS EXTENSION APT. 020 WITH SON.", "SHIELDS", "STREET_ADDRESS"),
    ("Lives at 123 Main St, Springfield, IL 62704.", "Springfield", "LOCATION"),
    ("Lives at 123 Main St, Springfield, IL 62704.", "62704", "ZIP"),
    ("Transferred from Mercy General Hospital overnight.", "Mercy", "LOCATION"),
    ("DAUGHTER CALLED FROM BETHESDA, WILL VISIT.", "BETHESDA", "LOCATION"),
    # lower-case patient messages: no capital marks a place
    ("my mother is 97 and lives with us in chula vista, she has copd", "chula", "LOCATION"),
    ("my mother lives with us in pueblo, she has crohn's disease", "pueblo", "LOCATION"),
    ("i moved to 70607 simmons tunnel, framingham, il 28809 last month", "framingham", "LOCATION"),
    ("i moved to 613 gonzales flats, waco, alabama 55043 last month", "55043", "ZIP"),
    ("i had labs at baton rouge medical center on march 23rd", "baton", "LOCATION"),
    ("i had labs at mercy hospital of derekburgh on feb 10", "derekburgh", "LOCATION"),
    ("i had labs at lundström memorial hospital on january 12", "lundström", "LOCATION"),
    ("my mother is 99 and lives with us in south tiffany, she has copd", "tiffany", "LOCATION"),
    ("hi wuraola adegoke, md, this is your patient", "adegoke", "NAME"),
    ("this is zoe, hatima's daughter. mom's mrn is 12345678", "hatima", "NAME"),
    ("Resident of Marion County since 1990.", "Marion", "LOCATION"),
    ("PO Box 4411, zip code 02114", "02114", "ZIP"),
    # DATE in every form
    ("Follow-up 7/22.", "7/22", "DATE"),
    ("Admitted 03-Mar-2024.", "03-Mar-2024", "DATE"),
    ("Surgery on March 3rd.", "March 3rd", "DATE"),
    ("Seen on the 3rd of March.", "3rd of March", "DATE"),
    ("Collected 2024-03-03T10:15.", "2024-03-03T10:15", "DATE"),
    ("Seen Tuesday 3/5 in clinic.", "3/5", "DATE"),
    ("DOB: 17/Apr/1957", "17/Apr/1957", "DATE"),
    ("Discharged: Oct-20-2025", "Oct-20-2025", "DATE"),
    ("CT on Dec '15 showed no change.", "Dec '15", "DATE"),
    ("appt on may 30 at 0845 still ok?", "may 30", "DATE"),
    # AGE_OVER_89
    ("98 yo F with dementia.", "98", "AGE_OVER_89"),
    ("PT IS A 92 YO M.", "92", "AGE_OVER_89"),
    ("She is a ninety-one-year-old woman.", "ninety-one", "AGE_OVER_89"),
    ("Age: 103", "103", "AGE_OVER_89"),
    # PHONE / FAX / EMAIL / URL / IP
    ("Call 617-555-0134 with results.", "617-555-0134", "PHONE"),
    ("cell (617) 555 0134", "555 0134", "PHONE"),
    ("Tel +44 20 7946 0958", "7946 0958", "PHONE"),
    ("Fax: (555) 234-5678", "234-5678", "FAX"),
    ("Email jsmith@gmail.com for records.", "jsmith@gmail.com", "EMAIL"),
    ("Photos at https://portal.mercy.org/p/123 now.", "portal.mercy.org", "URL"),
    ("Logged in from 192.168.1.20 yesterday.", "192.168.1.20", "IP"),
    # SSN / MRN / HEALTH_PLAN_ID / ACCOUNT
    ("SSN: 123-45-6789", "123-45-6789", "SSN"),
    ("SSN on file: 593 54 5446.", "593 54 5446", "SSN"),
    ("MRN 00482913", "00482913", "MRN"),
    ("Med Rec #: A12-889-1", "A12-889-1", "MRN"),
    ("Medicare ID 1EG4-TE5-MK73", "1EG4-TE5-MK73", "HEALTH_PLAN_ID"),
    ("Member ID: XQH353695752", "XQH353695752", "HEALTH_PLAN_ID"),
    ("Acct #: 99812345", "99812345", "ACCOUNT"),
    ("Card 4111 1111 1111 1111 on file", "4111 1111 1111 1111", "ACCOUNT"),
    # LICENSE / VEHICLE / DEVICE / BIOMETRIC / OTHER_ID
    ("NPI 1234567893", "1234567893", "LICENSE"),
    ("DEA AB1234563", "AB1234563", "LICENSE"),
    ("State license # MD-44812", "MD-44812", "LICENSE"),
    ("VIN 1HGCM82633A004352", "1HGCM82633A004352", "VEHICLE"),
    ("License plate 7ABC123 noted by EMS", "7ABC123", "VEHICLE"),
    ("Pacemaker serial PM-448812", "PM-448812", "DEVICE"),
    ("UDI (01)00844588003288(17)141120(10)7654321D", "00844588003288", "DEVICE"),
    ("Fingerprint ID FP-99812 on file.", "FP-99812", "BIOMETRIC"),
    ("Voiceprint enrolled for the portal.", "Voiceprint", "BIOMETRIC"),
    ("Accession #: CASE02222", "CASE02222", "OTHER_ID"),
    ("Wristband 88123456 scanned.", "88123456", "OTHER_ID"),
]


@pytest.mark.parametrize("sentence,value,entity", CASES, ids=[f"{c[2]}:{c[1]}" for c in CASES])
def test_identifier_is_removed_and_typed(sentence, value, entity):
    r = scrub(sentence)
    assert value not in r.text
    start = sentence.index(value)
    covering = [f for f in r.findings if f.start < start + len(value) and f.end > start]
    assert covering, "no finding covers the identifier"
    assert entity in {f.entity for f in covering}


SURVIVORS = [
    "BP 120/80, HR 88, RR 16, T 98.6, SpO2 97% on 2L NC.",
    "K 3.9, Na 138, Cr 1.2, WBC 10.5, Hgb 11.2, INR 1.0.",
    "Started Lasix 40 mg PO BID and metoprolol 25 mg BID.",
    "Pain 7/10, improved to 3/10 after Toradol. Strength 5/5 bilaterally. 2/6 systolic murmur.",
    "Meds given at 2130 and 14:30. POD 3, afebrile x24h.",
    "67 yo M with Parkinson's disease and Crohn's; Foley catheter and Swan-Ganz removed.",
    "GI, CT, ABG, O2 x2 PRN. PMH: HTN, DM2, CKD stage 3 since 2019.",
    "Murphy's sign negative; Babinski downgoing; Glasgow coma scale 15.",
    "PT IS A 67 YO M WITH COPD. CXR CLEAR. NPO AFTER MN. ABG 7.38/40/88.",
    "pt denies cp, sob. abd soft, nt/nd. plan: cont lasix, f/u labs in am.",
    "PATIENT: STABLE, WILL FOLLOW UP. PT: DENIES, CHEST PAIN RESOLVED.",
    "lives with us in town, no stairs. moved to rehab. seen at the clinic, then at wound clinic.",
    "hi there, quick question. the patient's daughter called; lives in new apartment, and doing well.",
]


@pytest.mark.parametrize("note", SURVIVORS)
def test_clinical_text_survives(note):
    r = scrub(note)
    assert r.text == note, [(f.entity, note[f.start:f.end]) for f in r.findings]


def test_states_and_countries_alone_are_not_phi():
    note = "Moved from Texas to Canada; returned to the United States."
    assert scrub(note).text == note
