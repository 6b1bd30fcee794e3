"""Street addresses, ZIP codes, cities, counties and facilities (Safe Harbor: geographic
subdivisions smaller than a state). States and countries alone are not PHI."""

from __future__ import annotations

import re
from typing import Optional

from ... import entities as E
from .base import RegexRecognizer, rule

STATES = (r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|"
          r"PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI)")
STATE_NAMES = (r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|"
               r"Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|"
               r"Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|"
               r"Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
               r"Wisconsin|Wyoming|Puerto Rico)")
# USPS Publication 28 street suffixes (full forms and standard abbreviations).
_USPS = """alley aly allee annex anx arcade arc avenue ave av bayou byu beach bch bend bnd bluff blf bluffs blfs bottom btm
boulevard blvd branch br bridge brg brook brk brooks burg bg burgs bypass byp camp cp canyon cyn cape cpe causeway cswy
center ctr centre centers circle cir circles cirs cliff clf cliffs clfs club clb common cmn commons corner cor corners cors
course crse court ct courts cts cove cv coves creek crk crescent cres crest crst crossing xing crossroad xrd curve curv dale
dl dam dm divide dv drive dr drives drs estate est estates ests expressway expy extension ext extensions exts fall falls
fls ferry fry field fld fields flds flat flt flats flts ford frd fords forest frst forge frg forges fork frk forks frks fort
ft freeway fwy garden gdn gardens gdns gateway gtwy glen gln glens green grn greens grove grv groves harbor hbr harbors haven
hvn heights hts highway hwy hill hl hills hls hollow holw inlet inlt island is islands iss isle junction jct junctions key ky
keys knoll knl knolls lake lk lakes lks land landing lndg lane ln light lgt lights loaf lf lock lck locks lodge ldg loop mall
manor mnr manors meadow mdw meadows mdws mews mill ml mills mission msn motorway mtwy mount mt mountain mtn mountains mtns
neck nck orchard orch oval overpass opas park parks parkway pkwy parkways pass passage psge path pike pine pne pines pnes
place pl plain pln plains plns plaza plz point pt points pts port prt ports prts prairie pr radial radl ramp ranch rnch rapid
rpd rapids rpds rest rst ridge rdg ridges rdgs river riv road rd roads rds route rte row rue run shoal shl shoals shls shore
shr shores shrs skyway skwy spring spg springs spgs spur spurs square sq squares sqs station sta stravenue stra stream strm
street st streets sts summit smt terrace ter throughway trwy trace trce track trak trafficway trfy trail trl trailer trlr
tunnel tunl turnpike tpke underpass upas union un unions uns valley vly valleys vlys viaduct via view vw views vws village
vlg villages vlgs ville vl vista vis walk walks wall way wy ways well wl wells wls close"""
SUFFIX = r"(?:" + "|".join(sorted(set(_USPS.split()), key=len, reverse=True)) + r")"
UNIT = r"(?:\s*,?\s*(?:apt|apartment|suite|ste|unit|#|fl|floor|rm|room|bldg|building|lot|trlr|dept)\.?\s*#?\s*[A-Z0-9\-]{1,6})?"
WORD = r"(?:[NSEW]\.|[A-Za-z0-9][A-Za-z0-9'\-]*)"  # no inner dots: "2L NC. Seen by Dr." is no street
FACILITY = (r"(?:hospital|medical\s+center|med\.?\s+ctr\.?|health\s+center|health\s+system|healthcare|health\s+care|clinic|"
            r"infirmary|hospice|nursing\s+(?:home|facility|center)|rehab(?:ilitation)?\s+(?:center|hospital|facility)|"
            r"care\s+center|medical\s+group|surgery\s+center|surgical\s+center|urgent\s+care|cancer\s+center|"
            r"children'?s\s+hospital|memorial|sanatorium|asylum|assisted\s+living|senior\s+living|va\s+medical\s+center|"
            r"physicians|associates|pharmacy|laboratories|imaging|radiology)")
_NOT_PLACE = {"the", "a", "an", "this", "that", "our", "their", "his", "her", "outside", "local", "other", "another",
              "from", "to", "at", "in", "of", "for", "by", "with", "and", "or", "same", "nearest", "any", "admitted",
              "transferred", "discharged", "home", "seen", "presented", "transfer", "previous", "prior", "new",
              "follow", "up", "outpatient", "inpatient", "primary", "care", "pcp", "ed", "er", "icu", "day", "was",
              "is", "be", "been", "private", "public", "general", "community", "university", "regional",
              "county", "city", "state", "federal", "veterans", "psychiatric", "mental", "pain", "wound", "heart",
              "cancer", "eye", "dental", "walk-in", "family", "women's", "children's", "rehab", "sleep", "diabetes",
              "anticoagulation", "cardiology", "oncology", "dialysis", "infusion", "surgery", "urgent", "medical"}
# Words that may stand inside a facility name but cannot be all of it.
_GENERIC_INSIDE = {"general", "community", "university", "regional", "county", "city", "state", "veterans",
                   "memorial", "medical", "children's", "women's", "saint", "st", "st.", "mount", "mt", "mt."}


def _city_part(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    v = m.group("v")
    if re.fullmatch(r"(?:Dr|Mr|Mrs|Ms|MD|RN|DO|PA|NP|PhD)\.?", v) or (v.isupper() and len(v) <= 3):
        return None  # "Smith, MD"; "GI, CT": abbreviations, not a city before a state code
    return score


def _zip(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    return score


def _street(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    s = m.group("v")
    num = re.match(r"\d+", s)
    # "5 mg po daily": clinical, not an address; the words between number and suffix must not be units.
    if re.search(r"\b(?:mg|mcg|ml|units?|tabs?|times|days?|weeks?|hours?|hrs?|minutes?|mins?|doses?|x|cm|mm|kg|lbs?)\b", s, re.I):
        return None
    if num and len(num.group()) > 6:
        return None
    if re.match(r"\d+\s*(?:L|mL|cc|g|mg|kg|h|hr|d|x)\b", s, re.I):
        return None  # "2L NC": litres of oxygen, not a house number
    return score


class AddressRecognizer(RegexRecognizer):
    ENTITIES = (E.STREET_ADDRESS, E.ZIP, E.LOCATION)
    CONTEXT = ("address", "lives", "street", "residence", "resides", "home", "zip", "apt")
    RULES = (
        rule("street", r"(?<![\w\-/.])(?P<v>\d{1,6}[A-Z]?(?:-\d{1,5})?[ \t]+(?:[NSEW]\.?[ \t]+|north[ \t]+|south[ \t]+|east[ \t]+|west[ \t]+)?(?:" + WORD + r"[ \t]+){0,4}?" + SUFFIX + r"\.?"
             + r"(?:\s+(?:[NSEW]|NE|NW|SE|SW)\b\.?)?" + UNIT + r")(?![\w])", E.STREET_ADDRESS, 0.85, _street),
        rule("po_box", r"\b(?P<v>p\.?\s*o\.?\s*box\s+\d{1,6})\b", E.STREET_ADDRESS, 0.95),
        rule("labelled_address", r"\b(?:address|addr|residence|resides(?:\s+alone)?\s+at|lives(?:\s+alone|\s+with\s+\w+)?\s+at|home\s+address|located\s+at|mail(?:ing)?\s+address)\s*[:\-]?\s*(?P<v>\d{1,6}[A-Z]?\s+[^\n,;()]{3,50}?)(?=\s*(?:,|\n|;|\(|$|\s+(?:with|in|and|near)\b))",
             E.STREET_ADDRESS, 0.8),
        # ", MA 02114" / "MA 02114-1234" / "Massachusetts 02114"
        rule("zip_state", r"(?:\b" + STATES + r"|" + STATE_NAMES + r")\.?,?\s+(?P<v>\d{5}(?:-\d{4})?)\b", E.ZIP, 0.95, _zip, flags=0),
        rule("zip_state_any_case", r",\s*(?i:" + STATES + r"|" + STATE_NAMES + r")\.?,?\s+(?P<v>\d{5}(?:-\d{4})?)\b", E.ZIP, 0.9, flags=0),
        rule("zip_labelled", r"\b(?:zip(?:\s*code)?|postal\s*code|zipcode|zip\+4)\s*[:#]?\s*(?P<v>\d{5}(?:-\d{4})?|\d{3})\b", E.ZIP, 0.95),
        rule("zip4", r"(?<![\d\-])(?P<v>\d{5}-\d{4})(?![\d\-])", E.ZIP, 0.7),
        # "Springfield, IL" / "Boston, Massachusetts" / "East Jonathanmouth, NM 87101": the city part.
        rule("city_state", r"(?P<v>\b[A-Z][a-zA-Z.'\-]+(?:[ \-][A-Z][a-zA-Z.'\-]+){0,3}),\s*(?:" + STATES + r"\b|" + STATE_NAMES + r")(?!\w)",
             E.LOCATION, 0.85, _city_part, flags=0),
        rule("city_state_caps", r"(?P<v>\b[A-Z][A-Z.'\-]+(?:[ \-][A-Z][A-Z.'\-]+){0,3}),\s*" + STATES + r"\s+\d{5}", E.LOCATION, 0.85, flags=0),
        # "..., framingham, il 28809" / "waco, alabama 55043" (lower-case messages): a state and a ZIP
        # after it make the words before the comma a city, whatever their case.
        rule("city_state_zip_any_case", r"(?P<v>\b[A-Za-z][A-Za-z.'\-]+(?:[ \-][A-Za-z][A-Za-z.'\-]+){0,2}),\s*(?i:" + STATES + r"|"
             + STATE_NAMES + r")\.?,?\s+\d{5}\b", E.LOCATION, 0.8, _city_part, flags=0),
        # "Marion County", "County of Marion", "Parish of X"
        rule("county", r"\b(?P<v>(?:[A-Z][a-zA-Z.'\-]+\s+){1,3}(?:County|Parish|Borough|Township|Twp)|(?:County|Parish)\s+of\s+[A-Z][a-zA-Z.'\-]+)\b",
             E.LOCATION, 0.85, flags=0),
        rule("county_any", r"\b(?P<v>(?:" + WORD + r"\s+){1,2}(?:county|parish|township))\b", E.LOCATION, 0.5,
             lambda t, m, s: None if m.group("v").split()[0].lower() in _NOT_PLACE else s),
    )


def _facility(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    v = m.group("v")
    words = v.split()
    # Drop leading non-name words ("the", "outside") by refusing spans that start with them.
    if words[0].lower().strip(",.") in _NOT_PLACE and words[0].lower() not in _GENERIC_INSIDE:
        return None
    head = [w for w in re.split(r"\s+", v) if not re.fullmatch(FACILITY, w, re.I)]
    if not head or all(w.lower().strip(",.") in _NOT_PLACE | _GENERIC_INSIDE for w in head):
        return None  # "General Hospital", "the clinic": no proper name in it
    return score


# "on hospital day 3", "hospital course": the noun names a period or service, not a place.
_NOT_SERVICE = r"(?!\s+(?i:day|days|course|stay|admission|bed|floor|room|policy|staff|records?|visit|follow|acquired|discharge|note|protocol|pharmacy)\b)"
_STRONG_FACILITY = r"(?:hospital|medical\s+center|clinic|infirmary|hospice|nursing\s+home|health\s+center|medical\s+group|urgent\s+care|rehabilitation\s+center)"
#: Words that cannot begin or be part of a facility's proper name ("the", "outside", "wound").
_NOT_NAME_WORD = _NOT_PLACE - _GENERIC_INSIDE
_NOT_START = r"(?!(?i:" + "|".join(re.escape(w) for w in sorted(_NOT_NAME_WORD, key=len, reverse=True)) + r")\b)"


def _facility_lower(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    """Lower-case facility names need a proper word: "dahl karlsson clinic" yes, "last seen in clinic" no."""
    from ..lexicons import load_lexicons

    lex = load_lexicons()
    head = [w for w in m.group("v").split() if not re.fullmatch(FACILITY, w, re.I)]
    if not any(not lex.is_common(w) and w not in _NOT_PLACE and not lex.is_clinical(w) for w in head):
        return None
    return _facility(text, m, score)


_LOWER_WORD = r"[^\W\d_A-Z][^\W\d_A-Z'\-]+"  # a lower-case word, any script ("lundström")
# A second word of a lower-case place name ("hospital of san jose"), never a preposition or a verb.
_NEXT_WORD = r"(?:\s+(?!(?:on|in|at|for|and|or|with|to|from|last|this|since|was|is|the|a|an)\b)[a-z][a-z'\-]+)?"


def _facility_words(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    """Lower-case words before a facility noun after "at/in/from/to": none may be a stop word, a
    service or a clinical word ("at the clinic", "at wound clinic", "in kidney clinic")."""
    from ..lexicons import load_lexicons

    lex = load_lexicons()
    v = m.group("v")
    head = v[:re.search(r"\s" + _STRONG_FACILITY + r"\b", v).start()].split()
    if not head or any(w in _NOT_NAME_WORD or lex.is_clinical(w) for w in head):
        return None
    if all(w in _GENERIC_INSIDE for w in head) and " of " not in v:
        return None  # "at community hospital": no name in it
    return score


def _facility_of(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    """"hospital of duluth": the place after "of" is a proper word or a known city, not "of choice"."""
    from ..lexicons import load_lexicons

    lex = load_lexicons()
    words = re.split(r"\s+of\s+", m.group("v"), maxsplit=1)[1].split()
    place = " ".join(words)
    if place in lex.us_cities or words[0] in lex.us_cities:
        return score
    if lex.is_common(words[0]) or lex.is_clinical(words[0]) or words[0] in _NOT_PLACE:
        return None
    return score


class FacilityRecognizer(RegexRecognizer):
    """Hospitals, clinics and other facilities: proper words followed (or preceded) by a facility noun."""

    ENTITIES = (E.LOCATION,)
    CONTEXT = ("hospital", "clinic", "center", "transferred", "admitted")
    _CAP = r"(?:(?i:st|mt)\.|[A-Z][A-Za-z'&\-]*)"
    RULES = (
        rule("name_noun", r"(?P<v>\b" + _NOT_START + _CAP + r"(?:[ \t]+(?:of|the|and|&|for|" + _CAP + r")){0,5}[ \t]+(?i:" + FACILITY + r")\b" + _NOT_SERVICE + r"(?:\s+(?:of|at)\s+" + _CAP + r"(?:\s+" + _CAP + r"){0,2})?)",
             E.LOCATION, 0.8, _facility, flags=0),
        # ALL-CAPS and lower-case notes: any non-stop words before the facility noun.
        rule("name_noun_any", r"(?P<v>\b" + _NOT_START + r"(?:(?:st|mt)\.[ \t]+)?[a-z][a-z'&\-]+(?:[ \t]+[a-z][a-z'&\-]+){0,3}[ \t]+" + _STRONG_FACILITY + r")\b" + _NOT_SERVICE,
             E.LOCATION, 0.45, _facility_lower),
        # "labs at baton rouge medical center", "mercy hospital of derekburgh", "university hospital of
        # duluth": lower-case messages, where no capital marks the name.
        rule("at_facility_lower", r"\b(?:at|in|from|to)\s+(?P<v>" + _LOWER_WORD + r"(?:\s+" + _LOWER_WORD + r"){0,2}\s+" + _STRONG_FACILITY
             + r"(?:\s+of\s+[a-z][a-z'\-]+" + _NEXT_WORD + r")?)\b" + _NOT_SERVICE, E.LOCATION, 0.5, _facility_words, flags=0),
        rule("noun_of_lower", r"(?P<v>\b" + _STRONG_FACILITY + r"\s+of\s+[a-z][a-z'\-]+" + _NEXT_WORD + r")\b", E.LOCATION, 0.5,
             _facility_of, flags=0),
        rule("our_lady", r"(?P<v>\b(?i:our\s+lady\s+of)\s+\w+(?:\s+\w+){0,2}?\s+(?i:" + FACILITY + r"))\b", E.LOCATION, 0.85, flags=0),
        rule("facility_city", r"\b(?i:" + _STRONG_FACILITY + r")(?:\s+of\s+[A-Z][A-Za-z'\-]+(?:\s[A-Z][A-Za-z'\-]+)?)?,\s+(?P<v>[A-Z][A-Za-z'\-]+(?:\s[A-Z][A-Za-z'\-]+){0,2})\b(?!\s*,?\s*(?:MD|RN|DO)\b)", E.LOCATION, 0.7, flags=0),
        rule("noun_of", r"(?P<v>\b(?:University|Hospital|Clinic|Medical Center|Infirmary)\s+of\s+" + _CAP + r"(?:\s+" + _CAP + r"){0,3})", E.LOCATION, 0.8, flags=0),
    )


#: First words of compound place names ("north dominique", "port erinborough", "san jose").
_PLACE_PREFIX = {"north", "south", "east", "west", "new", "port", "lake", "mount", "mt", "fort", "ft", "saint", "st",
                 "san", "santa", "los", "las"}


class CityRecognizer(RegexRecognizer):
    """Towns and cities named after a place preposition or verb (``lives in``, ``from``, ``moved to``)."""

    ENTITIES = (E.LOCATION,)
    _CAP = r"[A-Z][a-zA-Z'\-]+"
    _VERBS = (r"(?:lives|living|resides|residing|resident|moved|relocated|born|raised|grew up|travel(?:l?ed)?|visiting|vacation(?:ing|ed)?|trip|"
              r"home|originally|transferred|flew|drove|works?|working|employed|called|calling|came|coming|driving|visit(?:ing|ed)?)")
    RULES = (
        rule("after_verb_caps", r"\b(?i:" + _VERBS + r"(?:\s+(?:with\s+\w+|alone|here|back))?\s+(?:in|at|to|from|near|of))\s+(?:THE\s+)?(?P<v>[A-Z][A-Z'\-]{2,}(?:[ \-][A-Z][A-Z'\-]{2,}){0,2})\b(?=\s*(?:[,.;]|$|\s+(?:AND|WILL|WITH|FOR|ON|AT|WHERE|SINCE|AREA)\b))",
             E.LOCATION, 0.7, flags=re.MULTILINE),
        rule("after_verb", r"\b" + _VERBS + r"(?:\s+(?:with\s+\w+|alone|here|back))?\s+(?:in|at|to|from|near|of)\s+(?:the\s+)?(?P<v>" + _CAP + r"(?:[ \-]" + _CAP + r"){0,2})",
             E.LOCATION, 0.7, lambda t, m, s: s, flags=0),
        # lower-case messages: "lives with us in chula vista, she has..." (checked in analyze below)
        rule("after_verb_lower", r"\b" + _VERBS + r"(?:\s+(?:with\s+\w+|alone|here|back))?\s+(?:in|at|to|from|near)\s+(?P<v>[a-z][a-z'\-]+(?:[ \-][a-z][a-z'\-]+){0,2})"
             r"(?=\s*(?:[,.;!?]|$|\s+(?:and|will|with|for|on|at|where|since|area|last|this|now)\b))", E.LOCATION, 0.45, flags=0),
        rule("from_city", r"\b(?:from|in|near|to)\s+(?P<v>" + _CAP + r"(?:[ \-]" + _CAP + r"){0,2})(?=\s*(?:,|\.|;|$|\s+(?:area|and|where|for|with|since|last|this)))",
             E.LOCATION, 0.4, flags=0),
    )

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        from ..lexicons import load_lexicons

        lex = load_lexicons()
        out = []
        for r in super().analyze(text, entities, nlp_artifacts):
            v = text[r.start:r.end].lower()
            if v in lex.us_states or v in lex.countries:
                continue  # not smaller than a state
            span = text[r.start:r.end]
            if span.islower() and r.score < 0.5 and v in lex.us_cities and not lex.is_clinical(v):
                r.score = 0.7  # "lives with us in pueblo": a known city after a place verb
                out.append(r)
                continue
            if lex.is_clinical(v) or ((span.isupper() or span.islower()) and all(
                    lex.is_clinical(w) or lex.is_common(w) and not lex.is_name(w) for w in v.split())):
                continue  # "TRANSFERRED TO WARD", "HOME TO REHAB"; "home to Pueblo" stays
            words = v.split()
            if span.islower() and r.score < 0.5 and len(words) > 1 and words[0] in _PLACE_PREFIX and (
                    lex.is_name(words[1]) or not lex.is_common(words[1])) and not lex.is_clinical(words[1]):
                r.score = 0.7  # "lives with us in south tiffany", "moved to port erinborough"
                out.append(r)
                continue
            if span.islower() and r.score < 0.5 and v not in lex.us_cities and not any(
                    not lex.is_common(w) and not lex.is_clinical(w) and w not in _NOT_PLACE for w in v.split()):
                continue  # "lives in town", "moved to rehab": lower-case needs a known city or a proper word
            if r.score < 0.5:  # the loose rule only for known cities or unknown proper words
                if lex.is_common(v) or lex.is_clinical(v) or v in ("dr", "mr", "mrs", "ms"):
                    continue
                if v in lex.us_cities:
                    r.score = 0.7
            out.append(r)
        return out
