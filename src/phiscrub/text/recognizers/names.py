"""Person names, the hardest identifier: spaCy's small model misses many in clinical text,
especially ALL-CAPS nursing notes and lower-case notes. Three kinds of evidence, each
independent of letter case:

- context: a title (``Dr.``, ``Mrs``), a credential (``, MD``), a label (``Patient:``,
  ``PCP:``, ``signed by``) or a relation (``husband Bob``, ``daughter, Mary``);
- lexicon: census and international name lists, with common English words (``Will``,
  ``Brown``) accepted only with support (a capital letter mid-sentence, a neighbouring name);
- guardrails: clinical vocabulary and eponyms (Parkinson's, Crohn's, Foley, Swan-Ganz) are
  never names unless a title or label says so.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from ... import entities as E
from ..lexicons import Lexicons
from .base import LexiconRecognizer, make_result

_L = "A-Za-z\u00C0-\u024F\u1E00-\u1EFF"  # Latin letters, with Vietnamese (Ặ, ễ) and other extended forms
_TOKEN = re.compile(r"[" + _L + r"](?:[" + _L + r"'’\-]*[" + _L + r"])?\.?")
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "rev", "reverend", "sr", "sister",
           "fr", "father", "sgt", "capt", "judge", "atty", "mstr", "master", "madam", "mme", "mlle", "herr", "frau", "sen", "gov"}
_WEAK_TITLES = {"nurse", "rn", "np", "pa", "lpn", "cna", "sister", "father", "judge", "master", "miss", "mr", "mrs", "ms"}
_CREDENTIALS = (r"(?:M\.?D\.?|D\.?O\.?|R\.?N\.?|N\.?P\.?|PA-C|P\.?A\.?|Ph\.?D\.?|DDS|DMD|DPM|CNM|CRNA|LPN|MSW|LCSW|"
                r"PharmD|FNP(?:-BC)?|APRN|ANP|ACNP|RD|RRT|PT|DPT|OTR/?L|MPH|MBBS|FACP|FACS|FRCPC?)")
_LABELS = (r"patient\s*name|patient|pt\.?\s*name|pt|name|pcp|primary\s*care(?:\s*(?:physician|provider|doctor))?|attending(?:\s*physician)?|"
           r"resident|intern|fellow|surgeon|anesthesiologist|physician|provider|referring(?:\s*(?:physician|provider|md|doctor))?|"
           r"ref(?:erring)?\s*dr|cc|c\.c\.|copy\s*to|electronically\s*signed\s*by|e-?signed\s*by|signed\s*by|signed|dictated\s*by|"
           r"transcribed\s*by|reviewed\s*by|authenticated\s*by|seen\s*(?:and\s*examined\s*)?by|examined\s*by|evaluated\s*by|"
           r"discussed\s*with|spoke\s*(?:with|to)|called|paged|consulted?|consultant|contact|emergency\s*contact|guardian|"
           r"next\s*of\s*kin|nok|poa|hcp|health\s*care\s*proxy|healthcare\s*proxy|proxy|informant|interpreter|sponsor|"
           r"author|from|to|attn|dear|sincerely|regards|thanks|thank\s*you|witness|chaperone|scribe|performed\s*by|"
           r"ordered\s*by|ordering\s*(?:physician|provider)|requested\s*by|read\s*by|reported\s*by|radiologist|pathologist|"
           r"technologist|tech|nurse|rn|np|pa|case\s*manager|social\s*worker|sw|pharmacist|therapist|chaplain|midwife|doula|"
           r"care\s*of|c/o\s*(?=[A-Z])|mother'?s?\s*name|father'?s?\s*name|maiden\s*name|aka|a\.k\.a\.?|alias|goes\s*by|preferred\s*name")
_LABELS_NOCOLON = (r"patient|pt|pcp|attending|referring(?:\s*(?:physician|provider|md|doctor))?|electronically\s*signed\s*by|"
                   r"e-?signed\s*by|signed\s*by|dictated\s*by|transcribed\s*by|reviewed\s*by|seen\s*(?:and\s*examined\s*)?by|"
                   r"examined\s*by|evaluated\s*by|discussed\s*with|spoke\s*(?:with|to)|paged|dear|attn|cc|sincerely|regards|"
                   r"performed\s*by|ordered\s*by|read\s*by|reported\s*by|interpreted\s*by|accompanied\s*by|brought\s*in\s*by|"
                   r"named|called|goes\s*by|aka")
_RELATIONS = (r"husband|wife|spouse|partner|son|daughter|mother|mom|father|dad|brother|sister|sibling|child|grandson|granddaughter|"
              r"grandmother|grandma|grandfather|grandpa|grandchild|niece|nephew|aunt|uncle|cousin|friend|neighbou?r|roommate|"
              r"boyfriend|girlfriend|fianc[eé]e?|caregiver|carer|stepson|stepdaughter|stepmother|stepfather|son-in-law|"
              r"daughter-in-law|mother-in-law|father-in-law|brother-in-law|sister-in-law|landlord|employer|coworker|co-worker|"
              r"boss|pastor|priest|rabbi|imam|lawyer|attorney|sitter|babysitter|nanny|twin|baby|infant|newborn|pet")
_PARTICLES = {"van", "von", "de", "del", "della", "der", "den", "la", "le", "di", "da", "du", "dos", "das", "st", "st.",
              "mac", "mc", "bin", "ibn", "al", "el", "ter", "ten", "y", "e"}
_EPONYM_NEXT = re.compile(r"^(?:'s|’s|s')?\s*(?:disease|syndrome|sign|test|catheter|maneuver|manoeuvre|score|scale|classification|"
                          r"fracture|palsy|tube|procedure|operation|criteria|reflex|position|node|esophagus|ulcer|lymphoma|"
                          r"sarcoma|tumou?r|phenomenon|triad|law|method|technique|line|needle|forceps|retractor|stain|"
                          r"solution|formula|equation|angle|body|bodies|cell|cells|point|space|ligament|area|duct|gland|"
                          r"disorder|dementia|chorea|encephalopathy|thyroiditis|hernia|diverticulum|lesion|repair|incision|"
                          r"spot|nodes|murmur|rub|sarcoma|neuralgia|contracture|deformity|cyst|canal|capsule|loop|pouch|valve)\b",
                          re.IGNORECASE)
_STOP = frozenset(w.lower() for w in STOP_WORDS) | {"pt", "pts", "s/p", "w/", "c/o", "yo", "y/o", "am", "pm", "re"} | {
    # verbs and states that follow "pt"/"patient" in notes
    "seen", "states", "stated", "reports", "reported", "denies", "denied", "presents", "presented", "complains", "admitted",
    "discharged", "noted", "found", "given", "started", "transferred", "tolerated", "tolerating", "ambulating", "resting",
    "awake", "alert", "oriented", "sleeping", "eating", "doing", "feeling", "says", "said", "asked", "agreed", "refused",
    "declined", "underwent", "received", "returned", "arrived", "called", "requested", "wants", "wishes", "understands",
    "verbalized", "notified", "aware", "updated", "informed", "stable", "today", "tonight", "yesterday", "tomorrow",
    "here", "there", "present", "bedside", "home", "ok", "okay", "well", "feels", "felt", "appears", "remains", "continues",
    "tolerates", "ambulates", "endorses", "needs", "needed", "will", "would", "may", "might", "should", "could", "can",
    # irregular past tenses the inflection check in Lexicons.is_common cannot derive
    "brought", "came", "went", "took", "gave", "left", "told", "kept", "held", "made", "saw", "began", "ran", "sent",
    "spent", "got", "heard", "met", "paid", "put", "read", "sat", "stood", "thought", "understood", "wrote", "woke",
    "fell", "ate", "drank", "drove", "flew", "brought", "bought", "caught", "taught", "slept", "lost", "won"}
# Start of a word for ASCII labels: unlike \b, it also holds right after CJK or other letters
# ("中文Patient: ..."), which Python's Unicode \b treats as part of the same word.
_START = r"(?<![A-Za-z0-9_])"
_CREDENTIAL_RE = re.compile(r"^\s*,?\s*" + _CREDENTIALS + r"\b")


@dataclass
class _Tok:
    start: int
    end: int
    text: str  # without trailing '.' unless it is an initial
    lower: str
    initial: bool
    cap: bool  # first letter upper case
    upper: bool  # all letters upper case


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        s = m.group()
        start, end = m.start(), m.end()
        initial = len(s.rstrip(".")) == 1
        if s.endswith(".") and not initial:
            s = s[:-1]
            end -= 1
        core = s.rstrip(".")
        if core.endswith(("'s", "’s")):
            core_l = core[:-2].lower()
        else:
            core_l = core.lower()
        out.append(_Tok(start, end, s, core_l, initial, core[:1].isupper(), core.isupper()))
    return out


def _line_style(text: str, start: int, end: int) -> str:
    """'upper', 'lower' or 'mixed': whether capital letters carry information on this line."""
    letters = [c for c in text[start:end] if c.isalpha()]
    if not letters:
        return "mixed"
    up = sum(c.isupper() for c in letters)
    if up >= 0.7 * len(letters):
        return "upper"
    if up <= max(1, 0.02 * len(letters)):
        return "lower"
    return "mixed"


class NameRecognizer(LexiconRecognizer):
    """Context and lexicon name finder (see the module docstring)."""

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self._lex = lexicons
        super().__init__(supported_entities=[E.NAME], name="NameRecognizer", supported_language="en")
        flags = re.IGNORECASE
        self._title_re = re.compile(_START + r"(?:" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r"|nurse|rn|np|pa)\b\.?\s+(?=\S)", flags)
        self._label_re = re.compile(_START + r"(?<!-)(?:" + _LABELS + r")\s*(?:[:\-#]|\bis\b|\bwas\b)\s*(?=\S)", flags | re.MULTILINE)
        self._label_nocolon_re = re.compile(_START + r"(?:" + _LABELS_NOCOLON + r")\s+(?=\S)", flags)
        self._relation_re = re.compile(_START + r"(?:(?:his|her|their|pt'?s|patient'?s|the)\s+)?(?:" + _RELATIONS + r")s?\b\s*(?:[,:(\-]\s*|\s+(?:named|called|is|was)\s+|\s+)(?=\S)", flags)
        self._intro_re = re.compile(_START + r"(?:this\s+is|my\s+name\s+is|i\s+am|i'm|it'?s|regards,|thanks,|thank\s+you,|sincerely,|best,|cheers,|"
                                    r"hi|hello|hey|good\s+(?:morning|afternoon|evening))\s+(?=\S)", flags)
        # "hatima's daughter", "Natasza's son": whose relative is speaking
        self._whose_re = re.compile(r"(?<![\w'’])(?P<v>[^\W\d_][\w\-]+)['’]s\s+(?:" + _RELATIONS + r")\b", flags)
        self._initials_re = re.compile(r"(?:^|(?<=[\s:]))(?P<v>[A-Z]\.?\s?[A-Z]\.?(?:\s?[A-Z]\.?)?)(?=\s+(?:is|was|presents|presented|has|had)\s+(?:an?\s+)?\d)", re.MULTILINE)
        _nm = r"[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF][" + _L + r"'’\-]+"
        self._header_re = re.compile(r"(?:^|(?<=\s-\s))(?P<v>" + _nm + r"(?:\s[A-Z]\.)?(?:,\s?|\s)" + _nm + r"(?:\s[A-Z]\.?)?(?:\s" + _nm + r")?)"
                                     r"(?=\s{2,}\S*\d|\s+/\s|\s+\(\d|\s+-\s)", re.MULTILINE)
        # "Şahinbey Bilir is a 25yo", "Sylwia Listwan is a 97-year-old": the subject of a case line
        self._subject_re = re.compile(r"(?:^|(?<=[:.]\s)|(?<=:))\s*(?P<v>" + _nm + r"(?:\s[A-Z]\.)?\s" + _nm + r")(?=\s+(?:is|was)\s+(?:an?\s+)?(?:\d|aged|ninety|one\s+hundred))", re.MULTILINE)
        self._handoff_re = re.compile(r"(?:^|(?<=\s))(?:--|—|~)\s*(?=\S)|" + _START + r"(?:report\s+given\s+to|hand(?:ed)?\s*off\s+to|signed\s+out\s+to|"
                                      r"care\s+transferred\s+to|health\s*care\s+proxy|proxy|poa|surrogate|hcp)\s*[:,]?\s*(?=\S)", flags)
        self._cred_re = re.compile(r"(?:,\s*|\s+)" + _CREDENTIALS + r"(?![A-Za-z])")

    # --- token predicates -------------------------------------------------------------------
    def _namey(self, t: _Tok, style: str, strong: bool = False) -> bool:
        """Could this token be part of a name, given only weak support? ``strong`` context
        (a relation word, "this is") also admits unknown words and common first names."""
        if t.initial:
            return t.cap
        lw = t.lower
        if lw in _STOP or len(lw) < 2:
            return False
        if self.lex.is_clinical(lw):
            # "Patient: Ada Ward", "Dr. John Foley": a capitalised surname after strong context
            return strong and style == "mixed" and t.cap and self.lex.is_name(lw)
        if strong and style != "mixed" and (not self.lex.is_common(lw) or self.lex.is_name(lw)):
            return True
        if strong and style == "mixed" and t.cap:
            return True  # "Name: Sarah K. Mens": after strong context a capitalised word belongs to the name
        if self.lex.is_name(lw) and not self.lex.is_common(lw):
            return True
        if style == "mixed":
            return t.cap and not self.lex.is_common(lw) or (t.cap and self.lex.is_name(lw))
        return self.lex.is_name(lw) and (strong and lw in self.lex.top_first or not self.lex.is_common(lw))

    def _take_name(self, text: str, toks: list[_Tok], i: int, style: str, first_any: bool, max_tokens: int = 4,
                   strong: bool = False) -> tuple[int, int] | None:
        """From token i on, the longest run that forms a name; returns (start, end) chars or None."""
        if i >= len(toks):
            return None
        t0 = toks[i]
        lw = t0.lower
        if t0.initial and t0.cap and i + 1 < len(toks) and toks[i + 1].cap \
                and re.fullmatch(r"\.?\s{0,2}", text[t0.end:toks[i + 1].start]):
            pass  # "Dr. A. Novais": an initial, not the article
        elif lw in _STOP or lw in _TITLES or len(lw) < 1 or (self.lex.is_clinical(lw) and not first_any):
            return None
        if not first_any and not self._namey(t0, style, strong):
            return None
        if first_any and style == "mixed" and not t0.cap and not self.lex.is_name(lw):
            return None  # "Dr. on call", "patient states"
        if first_any and not t0.initial and lw in self.lex.common_words and not self.lex.is_name(lw) \
                and not (style == "mixed" and t0.cap) and not self._last_comma_first(text, toks, i):
            return None
        start, end = t0.start, t0.end
        n = 1
        j = i + 1
        prev_initial = t0.initial
        comma_used = False
        while j < len(toks) and n < max_tokens:
            t = toks[j]
            gap = text[end:t.start]
            if not re.fullmatch(r"\s{1,2}|,\s?|\s?-\s?|\.\s?", gap) or "\n" in gap:
                break
            if gap.startswith(".") and not prev_initial:
                break  # "Dr. Smith. Follow-up": a sentence ends
            if gap.startswith(","):
                # "Smith, John" and "JACOBI JÄCKEL, HANS-DIETER" yes (one comma, after strong
                # context for a compound surname); "Smith, who" no
                if comma_used or not (t.cap or style != "mixed") or (n > 1 and not (strong or first_any)):
                    break
                comma_used = True
            if t.lower in _PARTICLES and j + 1 < len(toks):
                j += 1
                continue
            if t.initial and (t.cap or style != "mixed"):
                end = t.end + (1 if text[t.end:t.end + 1] == "." else 0)
            elif self._namey(t, style, strong or first_any) and not (
                    gap.startswith(",") and self.lex.is_common(t.lower) and not self.lex.is_name(t.lower)):
                end = t.end
            elif first_any and n == 1 and style != "mixed" and not gap.strip() and self.lex.is_name(t0.lower) \
                    and t.lower not in _STOP and not self.lex.is_clinical(t.lower) and t.lower.isalpha():
                end = t.end  # "PT: VOLKER BIGGEN": after a label, a first name's next word is the surname
            else:
                break
            prev_initial = t.initial
            n += 1
            j += 1
        # trailing possessive stays outside the span
        if text[start:end].endswith(("'s", "’s")):
            end -= 2
        return (start, end) if end > start else None

    def _last_comma_first(self, text: str, toks: list[_Tok], i: int) -> bool:
        """``BIGGEN, VOLKER``: token i, a comma, then a known first or last name (the LAST, FIRST form)."""
        if i + 1 >= len(toks) or not re.fullmatch(r",\s?", text[toks[i].end:toks[i + 1].start]):
            return False
        nxt = toks[i + 1].lower
        return self.lex.is_name(nxt) and not self.lex.is_common(nxt) and nxt not in _STOP \
            and not self.lex.is_clinical(nxt)

    # --- analysis ---------------------------------------------------------------------------
    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        toks = _tokens(text)
        if not toks:
            return []
        starts = {t.start: k for k, t in enumerate(toks)}
        line_cache: dict[int, str] = {}

        def style_at(pos: int) -> str:
            ls = text.rfind("\n", 0, pos) + 1
            if ls not in line_cache:
                le = text.find("\n", pos)
                line_cache[ls] = _line_style(text, ls, len(text) if le == -1 else le)
            return line_cache[ls]

        def tok_at(pos: int) -> int | None:
            """The token starting at ``pos``, skipping invisible characters (RLM, ZWSP, NUL, stray combining marks)."""
            while pos < len(text) and unicodedata.category(text[pos]) in ("Cf", "Mn", "Me", "Cc") and text[pos] != "\n":
                pos += 1
            return starts.get(pos)

        results: list[RecognizerResult] = []

        def add(span: tuple[int, int] | None, score: float, rule: str) -> None:
            if span:
                results.append(make_result(E.NAME, span[0], span[1], score, self.name, rule))

        # 1. titles: Dr. Alvarez, MRS JONES, dr jones
        for m in self._title_re.finditer(text):
            k = tok_at(m.end())
            if k is None:
                continue
            title = m.group().strip().rstrip(".").lower()
            weak = title in _WEAK_TITLES and not (m.group().strip().endswith(".") and title in ("mr", "mrs", "ms", "miss"))
            add(self._take_name(text, toks, k, style_at(m.end()), first_any=not weak), 0.9 if not weak else 0.75, "title")
        # 2. labels with a colon: "Patient: SMITH, JOHN", "PCP: dr jones", "signed by: ..."
        for m in self._label_re.finditer(text):
            k = tok_at(m.end())
            if k is not None:
                add(self._take_name(text, toks, k, style_at(m.end()), first_any=True), 0.85, "label")
        for m in self._label_nocolon_re.finditer(text):
            k = tok_at(m.end())
            if k is not None:
                add(self._take_name(text, toks, k, style_at(m.end()), first_any=False), 0.8, "label")
        # 3. relations: "husband Bob", "daughter, Mary", "his wife (Jane)"
        for m in self._relation_re.finditer(text):
            k = tok_at(m.end())
            if k is not None:
                add(self._take_name(text, toks, k, style_at(m.end()), first_any=False, strong=True), 0.8, "relation")
        # 3b. self-introductions in messages: "this is folashade ogunde", "my name is ..."
        for m in self._intro_re.finditer(text):
            k = tok_at(m.end())
            if k is not None:
                add(self._take_name(text, toks, k, style_at(m.end()), first_any=False, strong=True), 0.75, "intro")
        for m in self._whose_re.finditer(text):
            lw = m.group("v").lower()
            if lw in _STOP or lw in _TITLES or self.lex.is_clinical(lw) or re.fullmatch(_RELATIONS, lw) \
                    or (self.lex.is_common(lw) and not self.lex.is_name(lw)):
                continue  # "patient's daughter", "mom's sister"
            add(m.span("v"), 0.75, "whose")
        # 3c. initials as the subject of a case line: "PK is a 91 y.o."
        for m in self._initials_re.finditer(text):
            add(m.span("v"), 0.7, "initials")
        # 3d. header lines: "KITUMAINI, PUMBAA  96210485", "Boaz Winnrich  BM045053", "Progress Note - NAME - date"
        for m in self._header_re.finditer(text):
            v = m.group("v")
            words = re.findall(r"[^\s,]+", v)
            if any(self.lex.is_clinical(w.lower().strip(".")) or w.lower() in _STOP for w in words):
                continue
            if sum(self.lex.is_common(w.lower()) and not self.lex.is_name(w.lower()) for w in words) > len(words) // 2:
                continue
            add(m.span("v"), 0.6, "header")
        for m in self._subject_re.finditer(text):
            words = m.group("v").split()
            if not any(self.lex.is_clinical(w.lower()) or w.lower() in _STOP for w in words):
                add(m.span("v"), 0.7, "subject")
        # 3e. sign-offs and hand-offs: "-- MARIE-LUISE", "report given to NÜDRET"
        for m in self._handoff_re.finditer(text):
            k = tok_at(m.end())
            if k is not None:
                add(self._take_name(text, toks, k, style_at(m.end()), first_any=False, strong=True), 0.7, "handoff")
        # 4. credentials after a name: "Jane Doe, MD", "J. Smith RN"
        tok_ends = [t.end for t in toks]
        for m in self._cred_re.finditer(text):
            k = bisect.bisect_right(tok_ends, m.start()) - 1  # last token ending before the credential
            if k < 0 or text[toks[k].end:m.start()].strip(" ,.") or "\n" in text[toks[k].end:m.start()]:
                continue
            first = k
            while first > 0 and k - first < 3:
                prev = toks[first - 1]
                gap = text[prev.end:toks[first].start]
                if gap.strip(" .,") or gap.count(",") > 1 or "\n" in gap or not (prev.cap or prev.initial) or prev.lower in _STOP or prev.lower in _TITLES \
                        or self.lex.is_clinical(prev.lower):
                    break
                first -= 1
            t = toks[k]
            if (t.cap or t.initial) and t.lower not in _STOP and not self.lex.is_clinical(t.lower):
                add((toks[first].start, t.end), 0.85, "credential")
        # 5. lexicon
        n = len(toks)
        for k, t in enumerate(toks):
            lw = t.lower
            if t.initial or len(lw) < 2 or lw in _STOP or self.lex.is_clinical(lw) or not self.lex.is_name(lw):
                continue
            if _EPONYM_NEXT.match(text[t.end:t.end + 30]):
                continue
            style = style_at(t.start)
            if style == "mixed" and t.upper and len(lw) <= 4:
                continue  # VIN, DEA, NPI, IL: abbreviations in a mixed-case line
            if lw in self.lex.us_states or lw in self.lex.countries:
                continue
            common = self.lex.is_common(lw)
            nxt = toks[k + 1] if k + 1 < n else None
            adjacent_name = bool(
                nxt and re.fullmatch(r" {1,2}|, ?", text[t.end:nxt.start]) and not nxt.initial
                and nxt.lower not in _STOP and not self.lex.is_clinical(nxt.lower) and nxt.lower not in self.lex.us_states
                and not (style == "mixed" and nxt.upper and len(nxt.lower) <= 4)
                and ((lw in self.lex.first_names and nxt.lower in self.lex.last_names)
                     or (text[t.end:nxt.start].startswith(",") and lw in self.lex.last_names and nxt.lower in self.lex.first_names))
            )
            if not adjacent_name and nxt is not None and style == "upper" and lw in self.lex.last_names \
                    and nxt.lower in self.lex.first_names and not self.lex.is_clinical(nxt.lower) \
                    and re.fullmatch(r" {1,2}", text[t.end:nxt.start]) \
                    and _alone_on_line(text, t.start, nxt.end):
                add((t.start, nxt.end), 0.6, "lexicon_line")  # "BROWN DANIEL" alone on a wristband line
                continue
            if adjacent_name:
                both_common = common and self.lex.is_common(nxt.lower)
                if not both_common or (style == "mixed" and t.cap and nxt.cap) or \
                        (lw in self.lex.top_first and nxt.lower in self.lex.top_last and style != "lower"):
                    add((t.start, nxt.end), 0.8 if not both_common else 0.6, "lexicon_pair")
                    continue
            if common:
                if style == "mixed" and t.cap and not _sentence_start(text, t.start) and not t.upper:
                    add((t.start, t.end), 0.4, "lexicon_common_cap")
                continue
            if style == "mixed":
                if t.cap:
                    add((t.start, t.end), 0.7 if not _sentence_start(text, t.start) else 0.6, "lexicon_cap")
                elif len(lw) >= 4:
                    add((t.start, t.end), 0.35, "lexicon_lower")
            else:
                if len(lw) >= 3:
                    add((t.start, t.end), 0.6, "lexicon_caseless")
        return _extend_initials(text, results)


def _alone_on_line(text: str, start: int, end: int) -> bool:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return not text[ls:start].strip() and not text[end:len(text) if le == -1 else le].strip(" \t.,;:")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos]
    return pos == 0 or bool(re.search(r"(?:[.!?:;]\s+|\n\s*|^\s*)$", before)) or text[max(0, pos - 1):pos] == "\n"


_INITIAL_BEFORE = re.compile(r"(?:\b[A-Z]\.\s?){1,2}$")
_INITIAL_AFTER = re.compile(r"^,?\s(?:[A-Z]\.?)(?=\s|$|,)")


def _extend_initials(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """"J. Smith", "Smith, J.": an initial next to a name is part of it."""
    for r in results:
        m = _INITIAL_BEFORE.search(text[max(0, r.start - 6):r.start])
        if m and m.end() == min(6, r.start):
            r.start -= len(m.group())
        m2 = _INITIAL_AFTER.match(text[r.end:r.end + 4])
        if m2:
            r.end += m2.end()
            if text[r.end:r.end + 1] == ".":
                r.end += 1
    return results
