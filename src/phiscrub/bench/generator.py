"""Synthetic clinical documents with surrogate PHI and exact gold spans.

    >>> from phiscrub.bench.generator import generate
    >>> doc = next(generate(1, seed=7))
    >>> all(doc.text[s.start:s.end] for s in doc.spans)
    True

Documents are built piece by piece, so every gold span is recorded at the moment its text is
appended: offsets are exact by construction, even after case changes (ALL-CAPS nursing notes,
lower-case patient messages). Generation is deterministic per ``(seed, index)`` and streams, so
``generate(100_000)`` holds one document at a time.
"""

from __future__ import annotations

import random
import re
from typing import Callable, Iterator

from .. import entities as E
from .clinical_text import ClinicalText
from .corpus import STATE, Document, GoldSpan
from .surrogates import Person, Pieces, Surrogates

KINDS: tuple[str, ...] = (
    "discharge_summary", "nursing_note", "radiology_report", "progress_note", "referral_letter",
    "case_study_post", "patient_message",
)

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class _Builder:
    """Appends text pieces, recording a gold span for each PHI piece."""

    def __init__(self, transform: Callable[[str], str] = lambda s: s) -> None:
        self.parts: list[str] = []
        self.spans: list[GoldSpan] = []
        self.pos = 0
        self.transform = transform

    def add(self, text: str, entity: str | None = None) -> None:
        text = self.transform(text)
        if not text:
            return
        if entity is not None:
            self.spans.append(GoldSpan(self.pos, self.pos + len(text), entity))
        self.parts.append(text)
        self.pos += len(text)

    def add_pieces(self, pieces: Pieces) -> None:
        for text, ent in pieces:
            self.add(text, ent)

    def text(self) -> str:
        return "".join(self.parts)


class _Cast:
    """The people, places and dates one document talks about, each written many ways."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.s = Surrogates(rng)
        self.c = ClinicalText(rng)
        self.pt: Person = self.s.person()
        self.drs = [self.s.person() for _ in range(3)]
        self.rn = self.s.person()
        self.fam = self.s.person()
        self.old = rng.random() < 0.3
        self.dob = self.s.a_date(1921, 1935) if self.old else self.s.a_date(1936, 2006)
        self.adm = self.s.a_date(2015, 2026)
        self.hospital = self.s.hospital()
        self.city = self.s.city()
        self.mrn = self.s.mrn()

    def fill(self, name: str) -> Pieces:
        s, c = self.s, self.c
        r = self.rng
        simple_ids: dict[str, tuple[Callable[[], str], str]] = {
            "ssn": (s.ssn, E.SSN), "hpid": (s.health_plan_id, E.HEALTH_PLAN_ID), "acct": (s.account, E.ACCOUNT),
            "lic": (s.license, E.LICENSE), "vehicle": (s.vehicle, E.VEHICLE), "device": (s.device, E.DEVICE),
            "oid": (s.other_id, E.OTHER_ID),
        }
        if name in simple_ids:
            fn, ent = simple_ids[name]
            return [(fn(), ent)]
        nonphi: dict[str, Callable[[], str]] = {
            "vitals": c.vitals, "labs": c.labs, "med": c.med, "meds": c.meds, "time": c.time, "dx": c.dx,
            "eponym": c.eponym, "short": c.short, "rel": c.rel, "proc": c.proc, "finding": c.finding, "n": c.n,
            "short2": lambda: f"{c.short()}, {c.short()}", "line": c.line, "sign": c.sign,
        }
        if name in nonphi:
            return [(nonphi[name](), None)]
        if name == "pt":
            return s.name(self.pt)
        if name == "pt_full":
            return self.rng.choice([
                [(f"{self.pt.first} {self.pt.last}", E.NAME)], [(f"{self.pt.last}, {self.pt.first}", E.NAME)],
                [(f"{self.pt.last.upper()}, {self.pt.first.upper()}", E.NAME)],
                [(f"{self.pt.first} {self.pt.middle_initial}. {self.pt.last}", E.NAME)]])
        if name == "pt_title":
            return [(("Ms. " if self.pt.female else "Mr. "), None), (self.pt.last, E.NAME)]
        if name == "pt_first":
            return [(self.pt.first, E.NAME)]
        if name in ("dr", "dr2", "dr3"):
            return s.name(self.drs[{"dr": 0, "dr2": 1, "dr3": 2}[name]], "doctor")
        if name == "rn":
            return s.name(self.rn, "nurse")
        if name == "fam":
            return s.name(self.fam, "family") if r.random() < 0.6 else [(self.fam.first, E.NAME)]
        if name == "nick":
            return s.nickname()
        if name == "date":
            return s.date(s.a_date(2015, 2026))
        if name == "dob":
            return s.date(self.dob)
        if name == "adm":
            return s.date(self.adm)
        if name == "datetime":
            return s.date_time()
        if name == "year":
            return s.year()
        if name == "age":  # the patient's age: over 89 for about a third of documents
            return s.age(self.old)
        if name == "age_young":
            return s.age(False)
        if name == "age90":
            return s.age(True)
        if name == "phone":
            return s.phone()
        if name == "fax":
            return s.fax()
        if name == "email":
            return s.email(self.pt if r.random() < 0.7 else None)
        if name == "url":
            return s.url(self.pt if r.random() < 0.7 else None)
        if name == "ip":
            return s.ip()
        if name == "mrn":
            return [(self.mrn, E.MRN)]
        if name == "street":
            return s.street()
        if name == "address":
            return s.address_block()
        if name == "address_ml":
            return s.address_block(sep="\n")
        if name == "city":
            return [(self.city, E.LOCATION)]
        if name == "city2":
            return [(s.city(), E.LOCATION)]
        if name == "state":
            return [(s.state()[r.random() < 0.5], STATE)]
        if name == "county":
            return s.county()
        if name == "zip":
            return s.zip()
        if name == "hospital":
            return list(self.hospital)
        if name == "hospital2":
            return s.hospital()
        raise KeyError(f"unknown placeholder {{{name}}}")


def _render(b: _Builder, cast: _Cast, template: str) -> None:
    pos = 0
    for m in _PLACEHOLDER.finditer(template):
        b.add(template[pos:m.start()])
        b.add_pieces(cast.fill(m.group(1)))
        pos = m.end()
    b.add(template[pos:])


def _pick(rng: random.Random, pool: tuple[str, ...], k: int) -> list[str]:
    """``k`` sentences of ``pool`` in the pool's own order (sections stay where they belong)."""
    idx = sorted(rng.sample(range(len(pool)), min(k, len(pool))))
    return [pool[i] for i in idx]


# --- document kinds -------------------------------------------------------------------------
# Each kind: a header, a pool of body sentences (sampled), and a footer. Placeholders in braces.

DISCHARGE_HEADER = (
    "DISCHARGE SUMMARY\n{hospital}\nPatient: {pt_full}    MRN: {mrn}    DOB: {dob}\n"
    "Admission Date: {adm}    Discharge Date: {date}\nAttending: {dr}\n\n",
    "{hospital} - Discharge Summary\nName: {pt_full}\nMed Rec #: {mrn}\nD.O.B. {dob}\nAdmitted: {adm}\n"
    "Discharged: {date}\nAccount: {acct}\n\n",
    "DISCHARGE SUMMARY\n{pt_full}  {mrn}  {dob}\nDate of admission: {adm}\nPCP: {dr2}, tel {phone}\n\n",
    "DISCHARGE SUMMARY   MR# {mrn}   Unit No. {acct}\nPATIENT NAME: {pt_full}   DOB {dob}   SS# {ssn}\n"
    "ADMIT {adm}   D/C {date}\nSERVICE: Medicine   ATTENDING: {dr}\n\n",
)
DISCHARGE_BODY = (
    "HISTORY OF PRESENT ILLNESS: {pt} is a {age} with a history of {eponym} and {dx} who presented to the ED {rel} with {short}.",
    "She was transferred from {hospital2} on {date} after {short2}.",
    "Initial vitals: {vitals}. Labs notable for {labs}.",
    "HOSPITAL COURSE: The patient was treated for {dx}. {short2}. Started on {med} and {med}.",
    "On HD 2 the patient developed {dx}; {dr2} from cardiology was consulted and recommended {med}.",
    "Daughter {fam} was at bedside and updated by phone at {phone}.",
    "{pt_title} was seen by PT/OT, ambulated x2 with a walker, and is at baseline.",
    "Patient lives alone at {address}; home health arranged through {hospital2}.",
    "Of note, the patient was last admitted in {year} for {dx} and again on {date}.",
    "Social: retired machinist, former smoker (quit {year}), lives with wife {fam} in {city}, {state}.",
    "Patient is a resident of {county}; APS previously involved in {year}.",
    "Insurance: Medicare ID {hpid}. SSN on file: {ssn}.",
    "{pt_first}'s husband and {fam}'s children were updated; Social Security No. {ssn} verified for the SNF application.",
    "PMH: {eponym}, {dx}, HTN, HLD, T2DM (A1c 7.9% in {year}).",
    "Procedures: {proc} on {date} showed: {finding}",
    "Code status discussed with health care proxy {fam} ({phone}); patient remains full code.",
    "Pacemaker (Medtronic, serial {device}) interrogated {rel}, functioning normally.",
    "CONDITION AT DISCHARGE: stable, A&Ox3, tolerating diet, {short}.",
)
DISCHARGE_FOOTER = (
    "\nDISCHARGE MEDICATIONS: {meds}.\nFOLLOW-UP: {dr2} in 2 weeks ({phone}); labs {rel}.\n"
    "Dictated by: {dr}  {date} {time}\n",
    "\nDischarge medications: {meds}\nFollow up with {dr3} on {date} at {time}, {hospital2}, fax {fax}.\n"
    "Electronically signed: {dr}, {datetime}\n",
)

NURSING_HEADER = ("NSG NOTE {time}-{time}:\n", "NURSING PROGRESS NOTE 7P-7A {date}\n", "CCU NSG ADMIT NOTE: {date} {time}\n",
                  "{pt_full} / {mrn}\nNURSING NOTE\n")
NURSING_BODY = (
    "NEURO: A&OX3, MAE, PERRLA. C/O HA, GIVEN {med} WITH RELIEF.",
    "CV: {vitals}. {short}. ON {med}.",
    "RESP: LS CLEAR/DIMINISHED BASES, {short}. ABG 7.41/40/88.",
    "GI: ABD SOFT, +BS, {short}. TOL CLEARS.",
    "GU: FOLEY PATENT, UOP 40-60CC/HR, {short}.",
    "SOCIAL: HUSBAND {fam} IN TO VISIT, UPDATED BY RN. CONTACT # {phone}.",
    "PT IS A {age} TRANSFERRED FROM {hospital2} ON {date} FOR {dx}.",
    "LABS: {labs}. HO AWARE, {dr} NOTIFIED AT {time}.",
    "DAUGHTER {fam} CALLED FROM {city}, WILL VISIT {rel}.",
    "PT STATES SHE LIVES AT {street} WITH HER SON {nick}.",
    "PMH: {eponym}, {dx}, S/P CABG {year}.",
    "SKIN: INTACT, {short}. TURNED Q2H.",
    "PT WITH HX OF {eponym}, STABLE {rel}. {short2}.",
    "{pt_title} ASKING WHEN SHE CAN GO HOME TO {city}.",
    "{pt_title}'S SON AT BEDSIDE, PHONE {phone}. HOSP NO. {mrn}.",
    "REPORT GIVEN TO {rn} AT {time}.",
)
NURSING_FOOTER = ("A: STABLE. P: CONT TO MONITOR, {short}. -- {rn}\n", "PLAN: {short}, FOLLOW LABS. {rn}\n")

RADIOLOGY_HEADER = (
    "RADIOLOGY REPORT\n{hospital}\nPatient: {pt_full}   MRN: {mrn}   DOB: {dob}\nAccession #: {oid}\n"
    "Exam date: {datetime}\nOrdering physician: {dr2}\n\n",
    "EXAM: {proc}\nPATIENT: {pt_full} ({mrn})\nDATE OF SERVICE: {date}\nREFERRING: {dr2}\n\n",
)
RADIOLOGY_BODY = (
    "CLINICAL HISTORY: {age} with {dx}, {short}.",
    "TECHNIQUE: {proc}. Contrast: 75 mL Omnipaque 350 IV.",
    "COMPARISON: {proc} dated {date}.",
    "FINDINGS: {finding} {finding}",
    "Lines/tubes: {line} in place.",
    "Device: AICD generator, serial number {device}.",
    "Study performed at {hospital2}, {city}.",
    "Images reviewed with {dr3} on {date} at {time}.",
)
RADIOLOGY_FOOTER = (
    "\nIMPRESSION:\n1. {finding}\n2. {finding}\nCritical result communicated to {dr2} by phone at {time} on {date}.\n"
    "Electronically signed by {dr} on {datetime}.\n",
    "\nIMPRESSION: {finding}\nDictated: {dr}   Transcribed: {date}\n",
)

PROGRESS_HEADER = ("PROGRESS NOTE  {date}\n{hospital}, {rel}\nPt: {pt_full}  MRN {mrn}\n\n",
                   "Progress Note - {pt_full} - {datetime}\nService: Medicine, team {n}\n\n")
PROGRESS_BODY = (
    "S: Pt reports feeling better {rel}, {short}. No CP/SOB.",
    "O: {vitals}.",
    "Exam: NAD, RRR, CTAB, abd soft, {sign}, {short}.",
    "A/P: {age} with {dx}, {eponym}. {short2}. Continue {med}. Hold {med}.",
    "Discussed with {fam} (daughter) at bedside; she can be reached at {phone} or {email}.",
    "Dispo: likely d/c home to {city} {rel} vs. SNF ({hospital2}).",
    "Seen and examined with attending {dr}.",
    "Outside records from {hospital2} (fax {fax}) reviewed: {proc} on {date} showed {finding}",
)
PROGRESS_FOOTER = ("\n{dr}, pager {phone}\n", "\n-- {dr}, PGY-2, {date} {time}\n")

REFERRAL_HEADER = (
    "{hospital}\n{address_ml}\nTel {phone}  Fax {fax}\n\n{date}\n\nDear {dr2},\n\n",
    "{hospital}\nDepartment of Neurology\n{address_ml}\nPhone: {phone} | Fax: {fax}\n\n{date}\n\nRe: {pt_full}, DOB {dob}, MRN {mrn}\n\nDear {dr2},\n\n",
)
REFERRAL_BODY = (
    "Thank you for seeing {pt_title}, a {age} whom I follow for {eponym} and {dx}.",
    "I am writing to refer my patient {pt_full} (DOB {dob}; MRN {mrn}) for evaluation of {dx}.",
    "{pt_first} was last seen in clinic on {date}, when {short2}.",
    "Current medications: {meds}.",
    "Recent labs ({date}): {labs}.",
    "The patient lives at {address} with her husband {fam}, who can be reached at {phone}.",
    "Insurance: member ID {hpid}, group {acct}.",
    "{proc} on {date} showed: {finding}",
    "She has had {eponym} since {year}; symptoms worsened {rel}.",
    "Please send your note to my office by fax ({fax}) or email {email}.",
)
REFERRAL_FOOTER = ("\nSincerely,\n\n{dr}\n{hospital}\nNPI-linked license {lic}\n", "\nKind regards,\n{dr}\ncc: {dr3}\n")

POST_BODY = (
    "Interesting case from the ED last night! {age} presenting with {dx} \u2014 turned out to be {eponym}.",
    "Pt from {city}, {state}, brought in by her granddaughter {fam} after a fall at home on {date}.",
    "Rural {county} has no cath lab, so she was flown to us ({hospital}).",
    "Labs: {labs}. {short2}.",
    "Shout-out to {dr2} and the team at {hospital} for the quick dx! #MedTwitter #FOAMed",
    "Family has started a fundraiser: {url}",
    "Vitals on arrival: {vitals}. Lesson: always think of {eponym}.",
    "She drove herself in her car (plate {vehicle}) which is remarkable for a {age90}!",
    "Shared with permission from {pt_first}. Follow me at {url}",
    "Case timeline: seen {date}, {proc} {date}, discharged {date}.",
)
MESSAGE_BODY = (
    "hi {dr}, this is {pt_full} (dob {dob}).",
    "this is {fam}, {pt_first}'s daughter. mom's mrn is {mrn} if that helps.",
    "my new phone number is {phone} and my email is {email}.",
    "i moved to {address} last month, can you update my chart?",
    "the {med} is making me dizzy since {rel}, should i stop it?",
    "my son {fam} will pick up the prescription, his number is {phone}.",
    "i had labs at {hospital2} on {date}, {labs}.",
    "my insurance changed, new member id is {hpid}.",
    "my mother is {age90} and lives with us in {city}, she has {eponym}.",
    "appt on {date} at {time} still ok? thanks, {pt_first}",
    "i logged in from {ip} and the portal said my account {acct} is locked.",
    "my drivers license # is {lic} if you need it for the form.",
)


def _progress_table(b: _Builder, cast: _Cast) -> None:
    """A vitals table (times of day, not PHI) and a lab table whose first column is dates."""
    r = cast.rng
    vt = "\n".join(
        f"{cast.c.time():<9} {r.randint(90, 170)}/{r.randint(50, 95):<4} {r.randint(55, 120):<4} "
        f"{r.choice(['98.1', '98.6', '99.4', '100.9']):<5} {r.randint(90, 100)}%"
        for _ in range(r.randint(2, 4))
    )
    b.add("\nVitals\nTime      BP       HR   T     SpO2\n" + vt + "\nLabs\nDate          Na   K    Cr   Hgb\n")
    for _ in range(r.randint(2, 4)):
        d = cast.s.date(cast.s.a_date(2015, 2026))
        b.add_pieces(d)
        b.add(" " * max(1, 14 - len(d[-1][0])) + f"{r.randint(130, 145):<5}{r.choice(['3.6', '4.1', '4.9']):<5}"
              f"{r.choice(['0.8', '1.2', '2.1']):<5}{r.choice(['9.8', '11.2', '13.5'])}\n")


# Clinical sentences with no PHI at all, mixed into every kind: most of a real note is this.
FILLER = (
    "{vitals}.", "Labs: {labs}.", "Continue {med}.", "{short2}.", "Meds: {meds}.", "Pt with hx of {eponym}, stable {rel}.",
    "Plan: {short}; recheck {rel}.", "{proc} {rel}: {finding}", "Hold {med} for SBP < 100.", "Given {med} at {time}.",
    "{short}. {short}.", "Assessment: {dx}, improving {rel}.", "Pain 3/10, controlled with {med}.",
    "{line} removed {rel}, site clean.", "Will f/u {proc} and {short}.", "Discussed with pharmacy re: {med}.",
    "I/O 1200/850, {short}.", "Afebrile x24h, {short}.", "Neuro: {sign}.", "Started {med} x{n} doses.", "Ambulating x{n} laps with PT.",
)


def _compose(b: _Builder, cast: _Cast, header: tuple[str, ...], body: tuple[str, ...], footer: tuple[str, ...],
             k: tuple[int, int], sep: str = " ", para_every: int = 3, extra: Callable[[], None] | None = None,
             filler: tuple[int, int] = (2, 8)) -> None:
    rng = cast.rng
    if header:
        _render(b, cast, rng.choice(header))
    sentences = _pick(rng, body, rng.randint(*k))
    for _ in range(rng.randint(*filler)):
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(FILLER))
    for i, t in enumerate(sentences):
        _render(b, cast, t)
        b.add("\n" if sep == "\n" or (i + 1) % para_every == 0 else sep)
    if extra:
        extra()
    if footer:
        _render(b, cast, rng.choice(footer))


def _document(kind: str, rng: random.Random) -> tuple[str, list[GoldSpan]]:
    cast = _Cast(rng)
    if kind == "nursing_note":
        b = _Builder(str.upper)
        _compose(b, cast, NURSING_HEADER, NURSING_BODY, NURSING_FOOTER, (6, 11), sep="\n", filler=(3, 10))
    elif kind == "patient_message":
        lower = rng.random() < 0.5
        b = _Builder(str.lower if lower else (lambda s: s))
        _compose(b, cast, (), MESSAGE_BODY, (), (3, 6), sep=" ", para_every=99, filler=(0, 1))
    elif kind == "discharge_summary":
        b = _Builder()
        _compose(b, cast, DISCHARGE_HEADER, DISCHARGE_BODY, DISCHARGE_FOOTER, (7, 13), filler=(6, 16))
    elif kind == "radiology_report":
        b = _Builder()
        _compose(b, cast, RADIOLOGY_HEADER, RADIOLOGY_BODY, RADIOLOGY_FOOTER, (4, 7), sep="\n")
    elif kind == "progress_note":
        b = _Builder()
        _compose(b, cast, PROGRESS_HEADER, PROGRESS_BODY, PROGRESS_FOOTER, (4, 7), sep="\n",
                 extra=lambda: _progress_table(b, cast), filler=(4, 12))
    elif kind == "referral_letter":
        b = _Builder()
        _compose(b, cast, REFERRAL_HEADER, REFERRAL_BODY, REFERRAL_FOOTER, (4, 7), para_every=2)
    elif kind == "case_study_post":
        b = _Builder()
        _compose(b, cast, (), POST_BODY, (), (3, 6), para_every=99, filler=(1, 3))
    else:
        raise ValueError(f"unknown document kind {kind!r}; choose from {KINDS}")
    return b.text(), b.spans


def make_document(index: int, seed: int = 0, kind: str | None = None) -> Document:
    """Document number ``index`` of the corpus with this ``seed`` (same inputs, same document)."""
    rng = random.Random(f"phiscrub-bench:{seed}:{index}")
    kind = kind or KINDS[rng.randrange(len(KINDS))]
    text, spans = _document(kind, rng)
    return Document(id=f"syn-{seed}-{index:06d}", text=text, spans=tuple(spans), kind=kind)


def generate(n: int, seed: int = 0, kinds: tuple[str, ...] | None = None) -> Iterator[Document]:
    """Stream ``n`` synthetic documents (one in memory at a time), deterministic by ``seed``."""
    if n < 0:
        raise ValueError("n must be >= 0")
    for k in kinds or ():
        if k not in KINDS:
            raise ValueError(f"unknown document kind {k!r}; choose from {KINDS}")
    for i in range(n):
        kind = kinds[i % len(kinds)] if kinds else None
        yield make_document(i, seed, kind)
