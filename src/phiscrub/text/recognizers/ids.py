"""Numbers and codes: SSN, MRN, health-plan, account, licence (DEA, NPI), vehicle (VIN, plates),
device (serial numbers, UDI), biometric references and any other unique identifying code.

Labelled values are taken whatever their shape (the label says what they are). Unlabelled
values need a format with a check digit, or the shape of a code no clinical value has
(long digit runs, letter+digit codes). Clinical values (vitals, labs, doses) never match:
they are short, decimal, or carry units.
"""

from __future__ import annotations

import re
from typing import Optional

from ... import entities as E
from .base import RegexRecognizer, before, rule
from .checksums import dea_ok, luhn_ok, npi_ok, ssn_ok, vin_ok

# A labelled value: letters/digits with inner dashes, dots, slashes or single spaces, at least
# one digit. ``[MRN]``-style tags never match (they start with '[').
VALUE = r"(?P<v>(?=[A-Z0-9\-]*\d)[A-Z0-9](?:[A-Z0-9]|[\-./](?=[A-Z0-9])|\s(?=\d)){2,24})"
SEP = r"\.?\s*(?:no\.?|num(?:ber)?|#|id|nbr)?\s*[:#=\-]?\s*(?:is\s+)?#?"  # "Unit No. 14-50", "Accession #: #2867"


def _labelled(*labels: str) -> str:
    return r"\b(?:" + "|".join(labels) + r")\b" + SEP + VALUE


def _ssn(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    return score if ssn_ok(m.group("v")) else score * 0.6


def _ssn_unlabelled(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    # Recall first: an invalid ddd-dd-dddd is still some identifier; keep it at a lower score.
    return score if ssn_ok(m.group("v")) else 0.45


def _card(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    d = re.sub(r"\D", "", m.group("v"))
    return score if 13 <= len(d) <= 19 and luhn_ok(d) else None


def _npi(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    return score if npi_ok(m.group("v")) else score * 0.8


def _dea(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    return score if dea_ok(m.group("v")) else score * 0.7


def _vin(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    v = m.group("v")
    if not (re.search(r"\d", v) and re.search(r"[A-Z]", v, re.I)):
        return None
    return score if vin_ok(v) else 0.5


_LAB_BEFORE = re.compile(r"(?:plt|platelets?|wbc|rbc|count|level|titer|copies|cells|units|mg|ml|iu|ng|pg|"
                         r"vl|viral load|cd4|ldh|ck|cpk|bnp|ferritin|glucose|\$|usd|cost|charge|total)\W{0,4}$")
_UNIT_AFTER = re.compile(r"^\s*(?:mg|ml|mcg|g\b|kg|units?|iu|copies|cells|/|%|k\b|x\b|mm|cm|lbs?|oz|cal|kcal|steps|dollars)")


def _long_number(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    start, end = m.span("v")
    if _LAB_BEFORE.search(before(text, start, 20)) or _UNIT_AFTER.match(text[end:end + 8].lower()):
        return None
    return score


def _code(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    v = m.group("v")
    digits = sum(c.isdigit() for c in v)
    letters = sum(c.isalpha() for c in v)
    if digits < 4 or letters == 0:
        return None
    # Clinical codes that look like IDs but are not: ICD-10 (I10, E11.9), LOINC-ish, units.
    if re.fullmatch(r"[A-Z]\d{2}(?:\.\d{1,4})?", v, re.I):
        return None
    if re.fullmatch(r"[\d\-]+(?:CC|ML|MG|MCG|HR|HRS|H|MIN|L|KG|G|MM|CM|U|IU|MEQ|X)", v, re.I):
        return None  # "40-60CC", "500ML": amounts with units
    return score


class SsnRecognizer(RegexRecognizer):
    ENTITIES = (E.SSN,)
    CONTEXT = ("ssn", "social", "security", "ss#", "soc sec")
    RULES = (
        rule("labelled", r"\b(?:ssn|ss#|soc(?:ial)?\.?\s*sec(?:urity)?\.?(?:\s*(?:no|number|#))?|social)[^\d\n]{0,16}?"
             r"(?P<v>\d{3}[\s\-.]?\d{2}[\s\-.]?\d{4})(?!\d)", E.SSN, 0.95, _ssn),
        rule("dashed", r"(?<![\d\-])(?P<v>\d{3}-\d{2}-\d{4})(?![\d\-])", E.SSN, 0.8, _ssn_unlabelled),
        rule("last4", r"\b(?:ssn|social security(?: number)?)\s*(?:ending\s*(?:in)?|last\s*(?:4|four)(?:\s*digits)?)\s*[:#]?\s*(?P<v>(?:x{3}-?x{2}-?)?\d{4})\b", E.SSN, 0.8),
    )


class MrnRecognizer(RegexRecognizer):
    """Medical record numbers: labelled (``MRN``, ``MR#``, ``Med Rec No``, ``Hosp #``, ``Unit No``,
    ``chart``, ``patient ID``). Unlabelled long numbers fall to :class:`OtherIdRecognizer`."""

    ENTITIES = (E.MRN,)
    CONTEXT = ("mrn", "mr#", "medical record", "record", "chart", "unit no", "patient id")
    RULES = (
        rule("labelled", _labelled(r"mrn", r"mr", r"m\.r\.n\.?", r"med(?:ical)?\.?\s*rec(?:ord)?s?\.?(?:\s*(?:no|number|#))?",
                                   r"hosp(?:ital)?\.?\s*(?:no|number|#)", r"unit\s*(?:no|number|#)", r"chart\s*(?:no|number|#)?",
                                   r"patient\s*(?:id|identifier|no|number|#)", r"pt\.?\s*(?:id|no|#)", r"hospital\s*id",
                                   r"emr\s*(?:id|no|#)?", r"ehr\s*(?:id|no|#)?", r"record\s*(?:no|number|#)"),
             E.MRN, 0.95),
    )


class HealthPlanRecognizer(RegexRecognizer):
    ENTITIES = (E.HEALTH_PLAN_ID,)
    CONTEXT = ("insurance", "member", "policy", "medicare", "medicaid", "plan", "subscriber", "beneficiary", "group")
    RULES = (
        rule("labelled", _labelled(
            r"member(?:\s*id)?", r"subscriber(?:\s*id)?", r"policy", r"insurance(?:\s*(?:id|policy|member))?",
            r"ins\.?", r"medicare(?:\s*(?:id|beneficiary))?", r"medicaid(?:\s*id)?", r"mbi", r"hicn?",
            r"health\s*plan(?:\s*(?:id|beneficiary))?", r"plan\s*(?:id|no|number|#)", r"beneficiary(?:\s*id)?",
            r"group(?:\s*(?:id|no|number|#))?", r"grp", r"bcbs(?:\s*id)?", r"payer\s*id", r"carrier\s*id"),
            E.HEALTH_PLAN_ID, 0.9),
        # Medicare Beneficiary Identifier: 1 digit, letter, alnum, digit, letter, alnum, digit, 2 letters, 2 digits.
        rule("mbi", r"\b(?P<v>[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2})\b",
             E.HEALTH_PLAN_ID, 0.85, flags=re.IGNORECASE),
    )


class AccountRecognizer(RegexRecognizer):
    ENTITIES = (E.ACCOUNT,)
    CONTEXT = ("account", "acct", "billing", "invoice", "card", "fin", "encounter", "visit", "csn")
    RULES = (
        rule("labelled", _labelled(r"acc(?:oun)?t", r"acct", r"a/c", r"billing(?:\s*(?:account|acct|id))?", r"invoice",
                                   r"fin", r"encounter", r"enc", r"visit", r"csn", r"har", r"claim", r"bank\s*(?:account|acct)",
                                   r"routing", r"iban", r"card(?:\s*number)?", r"credit\s*card", r"cc\s*#", r"patient\s*account"),
             E.ACCOUNT, 0.9),
        rule("card", r"(?<![\d\-])(?P<v>(?:\d{4}[\s\-]){3}\d{1,7}|\d{13,19})(?![\d\-])", E.ACCOUNT, 0.85, _card),
        rule("iban", r"\b(?P<v>[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?)\b", E.ACCOUNT, 0.8,
             lambda t, m, s: s if sum(c.isdigit() for c in m.group("v")) >= 8 else None, flags=0),
    )


class LicenseRecognizer(RegexRecognizer):
    ENTITIES = (E.LICENSE,)
    CONTEXT = ("license", "licence", "certificate", "dea", "npi", "registration", "board")
    RULES = (
        rule("labelled", _labelled(r"licen[cs]e", r"lic\.?", r"cert(?:ificate|\.)?", r"certification", r"registration",
                                   r"dea", r"npi", r"upin", r"state\s*licen[cs]e", r"medical\s*licen[cs]e", r"board\s*cert(?:ification)?",
                                   r"driver'?s?\s*licen[cs]e", r"dl", r"d/l", r"passport", r"permit", r"rn\s*licen[cs]e",
                                   r"tax\s*id", r"tin", r"ein"),
             E.LICENSE, 0.9),
        rule("dea", r"\b(?P<v>[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7})\b", E.LICENSE, 0.75, _dea),
        rule("npi", r"\bnpi\W{0,4}(?P<v>\d{10})\b", E.LICENSE, 0.95, _npi),
    )


class VehicleRecognizer(RegexRecognizer):
    ENTITIES = (E.VEHICLE,)
    CONTEXT = ("vin", "vehicle", "plate", "car", "truck", "license plate", "tag")
    RULES = (
        rule("vin", r"\b(?P<v>[A-HJ-NPR-Z0-9]{17})\b", E.VEHICLE, 0.9, _vin),
        rule("labelled_vin", _labelled(r"vin", r"vehicle\s*(?:id|identification)(?:\s*number)?", r"chassis"), E.VEHICLE, 0.95),
        rule("plate", r"\b(?:licen[cs]e\s*plate|plate|tag|reg(?:istration)?\s*plate|vehicle\s*(?:plate|tag|reg))\s*(?:no\.?|number|#)?\s*[:#]?\s*(?:is\s+)?"
             r"(?P<v>(?=[A-Z0-9\- ]*\d)[A-Z0-9]{1,4}[\s\-]?[A-Z0-9]{1,5})\b", E.VEHICLE, 0.9),
    )


class DeviceRecognizer(RegexRecognizer):
    ENTITIES = (E.DEVICE,)
    CONTEXT = ("serial", "device", "udi", "implant", "pacemaker", "model", "lot", "s/n", "sn")
    RULES = (
        rule("labelled", _labelled(r"serial", r"s/n", r"sn", r"ser\.?", r"device(?:\s*(?:id|serial))?", r"udi", r"di",
                                   r"implant(?:\s*(?:id|serial))?", r"lot", r"model/serial", r"pacemaker(?:\s*serial)?",
                                   r"icd\s*serial", r"pump\s*(?:id|serial)", r"imei", r"mac", r"asset\s*tag"),
             E.DEVICE, 0.9),
        # GS1 UDI: (01)14-digit GTIN followed by application identifiers.
        rule("udi_gs1", r"(?P<v>\(01\)\d{14}(?:\(\d{2,4}\)[A-Za-z0-9\-]+)*)", E.DEVICE, 0.95),
        # HIBCC UDI: +H123PROD1234/$$...
        rule("udi_hibcc", r"(?P<v>\+[A-Z]\d{3}[A-Z0-9]{1,18}(?:/[A-Z0-9$+%]+)?)", E.DEVICE, 0.85, flags=0),
        rule("mac", r"\b(?P<v>(?:[0-9A-F]{2}[:\-]){5}[0-9A-F]{2})\b", E.DEVICE, 0.85),
    )


class BiometricRecognizer(RegexRecognizer):
    """References to biometric identifiers; the identifier value when one follows."""

    ENTITIES = (E.BIOMETRIC,)
    CONTEXT = ("fingerprint", "voiceprint", "retina", "iris", "biometric")
    _KIND = (r"(?:finger\s?prints?|thumb\s?prints?|palm\s?prints?|voice\s?prints?|voice\s*signature|retina(?:l)?\s*(?:scan|print|pattern)s?|"
             r"iris\s*(?:scan|pattern|template)s?|face\s*(?:print|template)|facial\s*(?:geometry|template|recognition\s*template)|"
             r"biometric(?:\s*(?:id|identifier|template|record|sample|signature))?|gait\s*signature|dna\s*profile)")
    RULES = (
        rule("with_id", r"\b" + _KIND + r"(?:\s*(?:id|template|record|file|hash|ref(?:erence)?|sample))?\s*(?:no\.?|number|#)?\s*(?:on\s*file)?\s*[:#=]?\s*" + VALUE,
             E.BIOMETRIC, 0.9),
        rule("mention", r"\b(?P<v>" + _KIND + r")\b", E.BIOMETRIC, 0.6),
    )


class OtherIdRecognizer(RegexRecognizer):
    """Accession numbers, specimen and order numbers, and any long code no clinical value has."""

    ENTITIES = (E.OTHER_ID,)
    CONTEXT = ("accession", "specimen", "order", "requisition", "case", "study", "id", "ref", "reference")
    RULES = (
        rule("labelled", _labelled(r"acc(?:ession)?", r"accn", r"specimen", r"spec", r"sample", r"order", r"requisition", r"req",
                                   r"case", r"study(?:\s*id)?", r"exam\s*(?:id|no|#)", r"ref(?:erence)?", r"confirmation",
                                   r"ticket", r"tracking", r"barcode", r"wristband", r"bed\s*tag", r"employee(?:\s*id)?",
                                   r"badge", r"student(?:\s*id)?", r"member\s*code", r"id", r"identifier", r"code",
                                   r"room", r"rm", r"bed"),
             E.OTHER_ID, 0.7),
        rule("dashed_groups", r"(?<![\w\-/.])(?P<v>\d{2,}(?:-\d{2,}){2,})(?![\w\-/])", E.OTHER_ID, 0.5,
             lambda t, m, s: s if sum(c.isdigit() for c in m.group("v")) >= 6 else None),
        rule("long_number", r"(?<![\d.,/\-:])(?P<v>\d{7,})(?![\d.,/]\d)", E.OTHER_ID, 0.6, _long_number),
        rule("code", r"(?<![\w\-])(?P<v>(?=[A-Z0-9\-]*[A-Z])(?=[A-Z0-9\-]*\d)[A-Z0-9]{1,6}(?:-?[A-Z0-9]{2,12}){1,3})(?![\w\-])",
             E.OTHER_ID, 0.5, _code, flags=0),
    )
