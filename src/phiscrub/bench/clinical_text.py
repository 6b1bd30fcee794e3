"""Clinical non-PHI vocabulary for synthetic documents: text a de-identifier must leave alone.

Vitals, labs, doses, times of day, clinical shorthand, eponyms and relative dates are what
peers most often over-redact (GI, CT, ABG as organisations, O2 and x2 as licence numbers,
"today" as a date, Parkinson's as a person), so they appear densely in every document kind.
"""

from __future__ import annotations

import random

DRUGS = (("Lasix", "40 mg", "IV BID"), ("metoprolol", "25 mg", "PO BID"), ("lisinopril", "10 mg", "daily"),
         ("heparin", "5000 units", "SC q8h"), ("vancomycin", "1 g", "IV q12h"), ("Zosyn", "3.375 g", "IV q6h"),
         ("acetaminophen", "650 mg", "PO q6h PRN"), ("oxycodone", "5 mg", "PO q4h PRN"), ("insulin glargine", "20 units", "qHS"),
         ("atorvastatin", "40 mg", "qHS"), ("aspirin", "81 mg", "daily"), ("Coumadin", "5 mg", "daily"),
         ("amiodarone", "200 mg", "daily"), ("pantoprazole", "40 mg", "daily"), ("ceftriaxone", "1 g", "IV daily"),
         ("Ativan", "0.5 mg", "IV PRN"), ("Tylenol #3", "1 tab", "q6h PRN"), ("KCl", "20 mEq", "PO x1"),
         ("albuterol", "2.5 mg", "neb q4h PRN"), ("prednisone", "40 mg", "daily x5 days"), ("Eliquis", "5 mg", "BID"),
         ("furosemide", "20 mg", "PO daily"), ("Keppra", "500 mg", "BID"), ("levothyroxine", "75 mcg", "daily"),
         ("morphine", "2 mg", "IV q2h PRN"), ("Zofran", "4 mg", "IV q6h PRN"), ("dopamine", "5 mcg/kg/min", "gtt"),
         ("Lovenox", "40 mg", "SC daily"), ("metformin", "500 mg", "BID"), ("Plavix", "75 mg", "daily"))
DIAGNOSES = ("CHF exacerbation", "community-acquired pneumonia", "COPD exacerbation", "NSTEMI", "acute kidney injury",
             "UTI", "cellulitis of the left lower extremity", "DKA", "GI bleed", "new-onset AFib with RVR",
             "hip fracture s/p mechanical fall", "sepsis secondary to pyelonephritis", "syncope", "small bowel obstruction",
             "acute pancreatitis", "CVA with left-sided weakness", "PE", "hyponatremia", "C. diff colitis",
             "hepatic encephalopathy", "SBO", "DVT of the right femoral vein", "altered mental status")
EPONYMS = ("Parkinson's disease", "Crohn's disease", "Alzheimer's dementia", "Hashimoto's thyroiditis", "Bell's palsy",
           "Graves' disease", "Cushing's syndrome", "Hodgkin lymphoma", "Guillain-Barre syndrome", "Barrett's esophagus",
           "Raynaud's phenomenon", "Sjogren's syndrome", "Addison's disease", "Meniere's disease", "Wilson's disease",
           "Down syndrome", "Tourette syndrome", "Wernicke's encephalopathy", "Hirschsprung disease", "Kawasaki disease",
           "Paget's disease of bone", "Marfan syndrome", "Huntington's disease", "Lyme disease", "Ewing sarcoma",
           "Takotsubo cardiomyopathy", "Wolff-Parkinson-White syndrome", "Dupuytren's contracture", "a Baker's cyst",
           "Osgood-Schlatter disease", "a Colles fracture", "a Whipple procedure in the past")
SHORTHAND = ("GI consulted", "CT head neg", "ABG 7.38/42/88", "O2 sat 96% on 2L NC", "ambulated x2 with PT", "PRN pain meds",
             "NPO after MN", "I&O monitored", "OOB to chair", "A&Ox3", "MAE", "BS hypoactive", "CXR clear", "EKG NSR",
             "DNR/DNI", "RRT called", "PT/OT eval", "SCDs on", "IS x10 q1h", "CBC, BMP in AM", "UA/UCx sent", "s/p PEG",
             "c/o SOB", "no N/V/D", "d/c'd IVF", "TTE EF 35%", "MRI L-spine", "ECHO pending", "ICU transfer", "ED course",
             "KUB unremarkable", "RLE edema 2+", "HOB > 30", "CIWA 4", "GCS 15", "PERRLA", "NKDA", "SOB on exertion",
             "UOP 40 cc/hr", "CO2 24", "BUN/Cr 32/1.4", "ROS neg", "WBC 12.1", "PCP aware", "OT/PT following")
RELATIVE = ("today", "yesterday", "this morning", "overnight", "on POD 3", "POD #1", "on HD 2", "on hospital day 4",
            "last night", "tomorrow AM", "2 days ago", "this AM", "earlier this week", "since admission", "at baseline",
            "in 3 months", "in 2 weeks", "x3 days", "last week")
LINES = ("a Foley catheter", "a Swan-Ganz catheter", "a Jackson-Pratt drain", "a Hickman line", "a Pleurx catheter",
         "a PICC line", "an NG tube", "a Dobhoff tube", "a right IJ central line", "a Foley", "the Swan-Ganz",
         "a Tenckhoff catheter", "a Blakemore tube", "a Miami J collar")
SIGNS = ("Babinski sign negative", "Murphy's sign positive", "Kussmaul respirations", "Kernig sign negative",
         "Homans sign negative", "Chvostek sign absent", "Trousseau sign absent", "McBurney point tenderness")
PROCEDURES = ("CT chest with contrast", "MRI brain without contrast", "chest x-ray PA and lateral", "CT abdomen/pelvis",
              "ultrasound of the right upper quadrant", "CT angiogram of the chest", "lumbar spine MRI",
              "bilateral lower extremity venous duplex", "portable chest radiograph", "CT head without contrast")
FINDINGS = ("No acute intracranial hemorrhage.", "Small bilateral pleural effusions with bibasilar atelectasis.",
            "No focal consolidation or pneumothorax.", "Cholelithiasis without evidence of cholecystitis.",
            "Mild cardiomegaly, unchanged.", "Degenerative changes at L4-L5 with moderate foraminal narrowing.",
            "Filling defect in the right lower lobe pulmonary artery consistent with PE.", "ET tube 4 cm above the carina.",
            "Interval placement of a right IJ central line, tip in the SVC.", "No hydronephrosis.",
            "Chronic small vessel ischemic changes.", "Spiculated 1.4 cm nodule in the RUL, recommend follow-up CT in 3 months.")


class ClinicalText:
    """Random non-PHI clinical fragments."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def c(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def vitals(self) -> str:
        r = self.rng
        parts = [f"BP {r.randint(88, 178)}/{r.randint(48, 102)}", f"HR {r.randint(52, 128)}", f"RR {r.randint(12, 28)}",
                 f"T {r.choice(['97.8', '98.6', '99.1', '100.4', '101.2', '36.8', '37.9'])}",
                 f"SpO2 {r.randint(88, 100)}% on {r.choice(['RA', '2L NC', '4L NC', '40% FM'])}"]
        if r.random() < 0.3:
            parts.append(f"Wt {r.randint(48, 130)} kg")
        return ", ".join(parts)

    def labs(self) -> str:
        r = self.rng
        return ", ".join([f"Na {r.randint(128, 146)}", f"K {r.choice(['3.1', '3.9', '4.2', '4.8', '5.4'])}",
                          f"Cl {r.randint(95, 110)}", f"HCO3 {r.randint(18, 30)}", f"BUN {r.randint(8, 60)}",
                          f"Cr {r.choice(['0.7', '1.2', '1.9', '2.8'])}", f"Glu {r.randint(80, 320)}",
                          f"Hgb {r.choice(['8.1', '10.4', '12.9', '14.2'])}", f"Plt {r.randint(90, 420)}",
                          f"INR {r.choice(['1.0', '1.3', '2.4', '3.1'])}"][: r.randint(4, 10)])

    def med(self) -> str:
        name, dose, freq = self.c(DRUGS)
        return f"{name} {dose} {freq}"

    def meds(self, n: int | None = None) -> str:
        n = n or self.rng.randint(2, 5)
        return "; ".join(self.med() for _ in range(n))

    def time(self) -> str:
        h, m = self.rng.randrange(24), self.c((0, 10, 15, 30, 45))
        return self.c((f"{h:02d}{m:02d}", f"{h:02d}:{m:02d}", f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}"))

    def dx(self) -> str:
        return self.c(DIAGNOSES)

    def eponym(self) -> str:
        return self.c(EPONYMS)

    def short(self) -> str:
        return self.c(SHORTHAND)

    def rel(self) -> str:
        return self.c(RELATIVE)

    def sign(self) -> str:
        return self.c(SIGNS)

    def line(self) -> str:
        return self.c(LINES)

    def proc(self) -> str:
        return self.c(PROCEDURES)

    def finding(self) -> str:
        return self.c(FINDINGS)

    def n(self) -> str:
        return str(self.rng.randint(2, 12))
