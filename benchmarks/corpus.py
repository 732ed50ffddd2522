"""A deterministic synthetic corpus of policy briefs in the genre of the bundled brief.

Each brief is about 10 KB of plain text as ``pdftotext`` leaves it: an ALL-CAPS title,
author, centre and editor lines, a date, the "views expressed" line, then body prose about
two or three states with numbered footnote markers (``relations.¹``) and, at every page
break, a block of footnotes (``1 "Title," Publisher, July 12, 2024, <https://...>.``) that
often interrupts a sentence mid-way.

The body mentions real states (ISO names, demonyms, capitals), office holders with titles
("President X of Y", "the then Prime Minister of Y, X,"), organisations with abbreviations
("Full Name (ABBR)"), ministries ("Ministry of X of Y"), dated visits, summits, agreements,
MOUs, resolutions and exercises. Office holders come from one fictional "world" shared by
the whole corpus, so the same people recur across briefs, sometimes misspelt (a dropped
letter, Muhammad/Mohammad, an honorific): cross-brief entity resolution has real work.
Other entities (authors, centres, working groups, named agreements) are new in almost
every brief, so the number of entities grows with the corpus.

Brief ``i`` depends only on ``(seed, i)``, so ``generate(10)`` is a prefix of
``generate(1000)``.

Examples
--------
>>> a, b = generate(2)
>>> a == generate(1)[0] and a != b
True
>>> 8_000 < len(a.encode()) < 12_500
True
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["generate", "brief", "write_corpus", "STATES"]

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# name, demonym, capital, other city, name-pool region, head-of-state title, head of government title
STATES: list[tuple[str, str, str, str, str, str, str | None]] = [
    ("Pakistan", "Pakistani", "Islamabad", "Karachi", "pk", "President", "Prime Minister"),
    ("Azerbaijan", "Azerbaijani", "Baku", "Ganja", "turkic", "President", "Prime Minister"),
    ("Turkiye", "Turkish", "Ankara", "Istanbul", "turkic", "President", None),
    ("Kazakhstan", "Kazakh", "Astana", "Almaty", "turkic", "President", "Prime Minister"),
    ("Uzbekistan", "Uzbek", "Tashkent", "Samarkand", "turkic", "President", "Prime Minister"),
    ("Turkmenistan", "Turkmen", "Ashgabat", "Turkmenabat", "turkic", "President", None),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek", "Osh", "turkic", "President", None),
    ("Tajikistan", "Tajik", "Dushanbe", "Khujand", "persian", "President", None),
    ("Iran", "Iranian", "Tehran", "Mashhad", "persian", "President", None),
    ("Afghanistan", "Afghan", "Kabul", "Kandahar", "pk", "President", None),
    ("China", "Chinese", "Beijing", "Shanghai", "china", "President", "Premier"),
    ("India", "Indian", "New Delhi", "Mumbai", "india", "President", "Prime Minister"),
    ("Bangladesh", "Bangladeshi", "Dhaka", "Chittagong", "pk", "President", "Prime Minister"),
    ("Sri Lanka", "Sri Lankan", "Colombo", "Kandy", "india", "President", "Prime Minister"),
    ("Nepal", "Nepalese", "Kathmandu", "Pokhara", "india", "President", "Prime Minister"),
    ("Russia", "Russian", "Moscow", "Saint Petersburg", "slavic", "President", "Prime Minister"),
    ("Ukraine", "Ukrainian", "Kyiv", "Odesa", "slavic", "President", "Prime Minister"),
    ("Georgia", "Georgian", "Tbilisi", "Batumi", "caucasus", "President", "Prime Minister"),
    ("Armenia", "Armenian", "Yerevan", "Gyumri", "caucasus", "President", "Prime Minister"),
    ("Saudi Arabia", "Saudi", "Riyadh", "Jeddah", "arab", "King", "Crown Prince"),
    ("United Arab Emirates", "Emirati", "Abu Dhabi", "Dubai", "arab", "President", "Prime Minister"),
    ("Qatar", "Qatari", "Doha", "Al Rayyan", "arab", "Emir", "Prime Minister"),
    ("Oman", "Omani", "Muscat", "Salalah", "arab", "Sultan", None),
    ("Kuwait", "Kuwaiti", "Kuwait City", "Hawalli", "arab", "Emir", "Prime Minister"),
    ("Egypt", "Egyptian", "Cairo", "Alexandria", "arab", "President", "Prime Minister"),
    ("Jordan", "Jordanian", "Amman", "Zarqa", "arab", "King", "Prime Minister"),
    ("Iraq", "Iraqi", "Baghdad", "Basra", "arab", "President", "Prime Minister"),
    ("Indonesia", "Indonesian", "Jakarta", "Surabaya", "malay", "President", None),
    ("Malaysia", "Malaysian", "Kuala Lumpur", "Penang", "malay", "King", "Prime Minister"),
    ("Thailand", "Thai", "Bangkok", "Chiang Mai", "thai", "King", "Prime Minister"),
    ("Japan", "Japanese", "Tokyo", "Osaka", "japan", "Emperor", "Prime Minister"),
    ("South Korea", "South Korean", "Seoul", "Busan", "korea", "President", "Prime Minister"),
    ("United States", "American", "Washington", "New York", "anglo", "President", None),
    ("United Kingdom", "British", "London", "Manchester", "anglo", "King", "Prime Minister"),
    ("France", "French", "Paris", "Marseille", "french", "President", "Prime Minister"),
    ("Germany", "German", "Berlin", "Hamburg", "german", "President", "Chancellor"),
    ("Italy", "Italian", "Rome", "Milan", "italian", "President", "Prime Minister"),
    ("Poland", "Polish", "Warsaw", "Krakow", "slavic", "President", "Prime Minister"),
    ("Brazil", "Brazilian", "Brasilia", "Sao Paulo", "latin", "President", None),
    ("Nigeria", "Nigerian", "Abuja", "Lagos", "africa", "President", None),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "Dire Dawa", "africa", "President", "Prime Minister"),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa", "africa", "President", None),
    ("South Africa", "South African", "Pretoria", "Cape Town", "africa", "President", None),
]

# First names (male, female) and family names per region: fictional combinations only.
_NAMES = {
    "pk": (["Muhammad", "Asif", "Imran", "Shahid", "Farooq", "Tariq", "Javed", "Arif", "Khalid", "Ishaq",
            "Ahsan", "Yousaf", "Hamid", "Sajid", "Nadeem", "Raheel", "Faisal", "Usman", "Zubair", "Waqar"],
           ["Ayesha", "Hina", "Sherry", "Maleeha", "Sania", "Nasreen", "Shaista", "Rabia"],
           ["Sharif", "Khan", "Hussain", "Alvi", "Dar", "Iqbal", "Abbasi", "Gilani", "Qureshi", "Leghari",
            "Chaudhry", "Malik", "Aziz", "Jilani", "Rehman", "Bajwa", "Kakar", "Durrani", "Niazi", "Mengal"]),
    "turkic": (["Ilham", "Heydar", "Mevlut", "Kassym", "Shavkat", "Serdar", "Sadyr", "Recep", "Ramiz",
                "Jeyhun", "Elmar", "Nursultan", "Abdulaziz", "Rashid", "Hakan", "Ali", "Bakhtiyor", "Askar"],
               ["Mehriban", "Dinara", "Gulnara", "Aigerim", "Leyla", "Sevinj", "Zarina"],
               ["Aliyev", "Mammadyarov", "Tokayev", "Mirziyoyev", "Berdimuhamedov", "Japarov", "Cavusoglu",
                "Bayramov", "Hasanov", "Mehdiyev", "Saidov", "Fidan", "Nazarbayev", "Kurmanov", "Yildiz",
                "Karimov", "Abdullayev", "Musayev"]),
    "persian": (["Hassan", "Ebrahim", "Masoud", "Abbas", "Emomali", "Javad", "Mohammad", "Sirojiddin", "Hossein",
                 "Ali Akbar", "Kamal", "Mehdi"],
                ["Zahra", "Masoumeh", "Farzaneh", "Shirin"],
                ["Rouhani", "Raisi", "Pezeshkian", "Araghchi", "Rahmon", "Zarif", "Muhriddin", "Amir-Abdollahian",
                 "Velayati", "Larijani", "Rasulzoda", "Kharrazi"]),
    "china": (["Xi", "Li", "Wang", "Qin", "Zhao", "Han", "Hu", "Yang", "Liu", "Zhang"],
              ["Hua", "Mei", "Ying", "Lan"],
              ["Jinping", "Qiang", "Yi", "Gang", "Keqiang", "Zheng", "Leji", "Jiechi", "Huning", "Guoqing"]),
    "india": (["Narendra", "Rajnath", "Subrahmanyam", "Amit", "Arvind", "Ram", "Ranil", "Gotabaya", "Pushpa",
               "Sher", "Mahinda", "Vikram"],
              ["Sushma", "Nirmala", "Droupadi", "Meenakshi", "Sheikh"],
              ["Modi", "Singh", "Jaishankar", "Shah", "Kovind", "Murmu", "Wickremesinghe", "Rajapaksa", "Dahal",
               "Deuba", "Misri", "Swaraj"]),
    "slavic": (["Vladimir", "Sergey", "Dmitry", "Mikhail", "Volodymyr", "Dmytro", "Andrzej", "Donald",
                "Mateusz", "Radoslaw", "Denys", "Oleksandr"],
               ["Valentina", "Maria", "Olena", "Yulia"],
               ["Putin", "Lavrov", "Medvedev", "Mishustin", "Zelenskyy", "Kuleba", "Duda", "Tusk", "Morawiecki",
                "Sikorski", "Shmyhal", "Sybiha"]),
    "caucasus": (["Nikol", "Ararat", "Vahagn", "Irakli", "Salome", "Mikheil", "Armen", "Ilia"],
                 ["Salome", "Nino", "Anahit"],
                 ["Pashinyan", "Mirzoyan", "Khachaturyan", "Kobakhidze", "Zourabichvili", "Darchiashvili",
                  "Sarkissian", "Garibashvili"]),
    "arab": (["Mohammed", "Salman", "Faisal", "Tamim", "Haitham", "Abdel Fattah", "Abdullah", "Ayman",
              "Sameh", "Mohammed Shia", "Abdul Latif", "Fuad", "Sabah", "Mishal"],
             ["Rania", "Noura", "Lubna", "Reem"],
             ["bin Salman", "bin Farhan", "bin Zayed", "Al Thani", "bin Tarik", "al-Sisi", "Shoukry", "Safadi",
              "al-Sudani", "Rashid", "Hussein", "Al Sabah", "Al Nahyan", "Al Busaidi"]),
    "malay": (["Joko", "Prabowo", "Anwar", "Ismail", "Retno", "Mohamad", "Zambry", "Sugiono"],
              ["Retno", "Megawati", "Puan"],
              ["Widodo", "Subianto", "Ibrahim", "Sabri Yaakob", "Marsudi", "Hasan", "Abdul Kadir", "Yaakob"]),
    "thai": (["Srettha", "Prayut", "Paetongtarn", "Maris", "Parnpree", "Don"],
             ["Paetongtarn", "Yingluck"],
             ["Thavisin", "Chan-o-cha", "Shinawatra", "Sangiampongsa", "Bahiddha-nukara", "Pramudwinai"]),
    "japan": (["Fumio", "Shigeru", "Yoshihide", "Yoshimasa", "Takeshi", "Toshimitsu"],
              ["Yoko", "Yoriko"],
              ["Kishida", "Ishiba", "Suga", "Hayashi", "Iwaya", "Motegi", "Kamikawa"]),
    "korea": (["Yoon", "Moon", "Han", "Cho", "Park", "Chung"],
              ["Kang", "Kyung-wha"],
              ["Suk-yeol", "Jae-in", "Duck-soo", "Tae-yul", "Jin", "Eui-yong"]),
    "anglo": (["Joseph", "Donald", "Antony", "Keir", "Rishi", "David", "Charles", "Marco", "Lloyd", "James"],
              ["Kamala", "Hillary", "Theresa", "Liz"],
              ["Biden", "Trump", "Blinken", "Starmer", "Sunak", "Lammy", "Cameron", "Rubio", "Austin", "Cleverly"]),
    "french": (["Emmanuel", "Jean-Yves", "Gabriel", "Michel", "Stephane", "Sebastien"],
               ["Catherine", "Elisabeth"],
               ["Macron", "Le Drian", "Attal", "Barnier", "Sejourne", "Lecornu", "Colonna", "Borne"]),
    "german": (["Olaf", "Frank-Walter", "Friedrich", "Boris", "Heiko", "Johann"],
               ["Annalena", "Angela", "Svenja"],
               ["Scholz", "Steinmeier", "Merz", "Pistorius", "Maas", "Wadephul", "Baerbock", "Schulze"]),
    "italian": (["Sergio", "Antonio", "Guido", "Mario", "Luigi"],
                ["Giorgia", "Emma"],
                ["Mattarella", "Tajani", "Crosetto", "Draghi", "Di Maio", "Meloni"]),
    "latin": (["Luiz Inacio", "Jair", "Mauro", "Celso", "Carlos", "Fernando"],
              ["Dilma", "Marina"],
              ["Lula da Silva", "Bolsonaro", "Vieira", "Amorim", "Franca", "Haddad"]),
    "africa": (["Bola", "Muhammadu", "Abiy", "William", "Cyril", "Yusuf", "Taye", "Musalia", "Ronald"],
               ["Naledi", "Sahle-Work", "Amina"],
               ["Tinubu", "Buhari", "Ahmed", "Ruto", "Ramaphosa", "Tuggar", "Atske Selassie", "Mudavadi",
                "Lamola", "Pandor"]),
}

# name, abbreviation, kind of meeting it holds
ORGANISATIONS = [
    ("Shanghai Cooperation Organisation", "SCO", "summit"),
    ("Economic Cooperation Organization", "ECO", "summit"),
    ("Organisation of Islamic Cooperation", "OIC", "summit"),
    ("Conference on Interaction and Confidence-Building Measures in Asia", "CICA", "summit"),
    ("Organization of Turkic States", "OTS", "summit"),
    ("Association of Southeast Asian Nations", "ASEAN", "summit"),
    ("South Asian Association for Regional Cooperation", "SAARC", "summit"),
    ("Gulf Cooperation Council", "GCC", "summit"),
    ("Collective Security Treaty Organization", "CSTO", "summit"),
    ("North Atlantic Treaty Organization", "NATO", "summit"),
    ("European Union", "EU", "summit"),
    ("African Union", "AU", "summit"),
    ("Group of Twenty", "G20", "summit"),
    ("Asia-Pacific Economic Cooperation", "APEC", "summit"),
    ("Commonwealth of Independent States", "CIS", "summit"),
    ("Asian Infrastructure Investment Bank", "AIIB", "annual meeting"),
    ("Asian Development Bank", "ADB", "annual meeting"),
    ("International Monetary Fund", "IMF", "board meeting"),
    ("Financial Action Task Force", "FATF", "plenary"),
    ("International Atomic Energy Agency", "IAEA", "general conference"),
]
UN_BODIES = [("United Nations Security Council", "UNSC"), ("United Nations General Assembly", "UNGA"),
             ("United Nations Human Rights Council", "UNHRC")]
THINK_TANKS = [  # publisher abbreviation, centres (name, abbreviation)
    ("ISSI", [("China-Pakistan Study Centre", "CPSC"), ("Centre for Afghanistan, Middle East and Africa", "CAMEA"),
              ("India Study Centre", "ISC"), ("Arms Control and Disarmament Centre", "ACDC"),
              ("Centre for Strategic Perspectives", "CSP"), ("Centre for Europe and Eurasia", "CEE")]),
    ("IPRI", [("Centre for Global Governance", "CGG"), ("Centre for Economic Security", "CES")]),
    ("ISSRA", [("Centre for International Peace and Stability", "CIPS"), ("Centre for Regional Connectivity", "CRC")]),
]
ROLES = ["Research Associate", "Research Fellow", "Senior Research Fellow", "Consultant", "Director", "Intern"]
PORTFOLIOS = ["Foreign Affairs", "Planning and Development", "Energy", "Commerce", "Defence Production",
              "Information Technology and Telecommunication", "Digital Development and Transport",
              "Economy", "Science and Technology", "Culture and Tourism", "Education", "Health",
              "Maritime Affairs", "Railways", "Agriculture", "Water Resources", "Interior", "Finance"]
TOPICS = ["trade", "commerce", "tourism", "minerals", "science and technology", "law", "justice",
          "cultural exchanges", "energy", "defence production", "information technology", "agriculture",
          "higher education", "health", "maritime security", "railways", "banking", "climate change",
          "disaster management", "counter-terrorism", "customs", "civil aviation"]
AGREEMENT_NAMES = ["Military Cooperation", "Trade", "Investment Protection", "Avoidance of Double Taxation",
                   "Air Services", "Extradition", "Cultural Cooperation", "Visa Facilitation", "Preferential Trade",
                   "Defence Cooperation", "Energy Cooperation", "Transit Trade", "Mutual Legal Assistance",
                   "Science and Technology Cooperation", "Maritime Cooperation", "Customs Cooperation"]
EXERCISES = ["Caucasian Eagle", "Inseparable Brothers", "Friendship", "Peace Mission", "Sea Guardian", "Aman",
             "Eastern Shield", "Steppe Eagle", "Silk Road", "Desert Storm", "Blue Horizon", "Iron Fist"]
PUBLISHERS = [("Ministry of Foreign Affairs", "mofa.gov.pk/press-releases"), ("The Express Tribune", "tribune.com.pk/story"),
              ("Anadolu Ajansı", "www.aa.com.tr/en/asia-pacific"), ("Reuters", "www.reuters.com/world"),
              ("Dawn", "www.dawn.com/news"), ("Bloomberg.com", "www.bloomberg.com/news/articles"),
              ("Al Jazeera", "www.aljazeera.com/news"), ("The Diplomat", "thediplomat.com"),
              ("World Bank Open Data", "data.worldbank.org/indicator"), ("The Observatory of Economic Complexity",
                                                                          "oec.world/en/profile/bilateral-country"),
              ("Xinhua", "english.news.cn"), ("Trend News Agency", "en.trend.az/azerbaijan/politics"),
              ("Daily Sabah", "www.dailysabah.com/politics"), ("The Hindu", "www.thehindu.com/news/international"),
              ("Eurasianet", "eurasianet.org"), ("Arab News", "www.arabnews.com/node"),
              ("Profit by Pakistan Today", "profit.pakistantoday.com.pk"), ("ANKASAM", "www.ankasam.org")]
SOURCE_CAPTIONS = ["Pakistan Economic NET", "Associated Press of Pakistan", "Radio Pakistan", "Xinhua", "Reuters",
                   "Anadolu Agency", "Press Information Department"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth"]
FILLER = [
    "The two sides exchanged views on a range of areas of mutual interest, committing to enhance cooperation "
    "across the broad spectrum of bilateral relations.",
    "Although the two states are situated in different regions, the closeness and cordiality of their relations "
    "is exceptional.",
    "This is owed to several important factors: shared history, cultural affinity, and the support each side has "
    "extended to the other on its core issues.",
    "Both are emerging economies, seeking to enhance their economic capacity and form versatile multi-sectoral "
    "partnerships.",
    "Moreover, the two sides have faced similar external pressures, resulting in a common political stance at the "
    "international level.",
    "However, the volume of bilateral trade remains far below its potential, owing to weak connectivity, limited "
    "banking channels and the absence of direct flights.",
    "In this context, both sides deem it an obligation to support each other in multilateral fora.",
    "Such a partnership underscores the commitment of the leadership of both sides to promote a relationship "
    "which is not directed against any state or alliance, is non-confrontational, and free from bloc politics.",
    "Consequently, the private sectors of both countries have been encouraged to explore joint ventures in "
    "manufacturing, logistics and services.",
    "Concluding, it can be stated that the friendly bilateral relations are transforming into a full-scale "
    "partnership, spreading across multiple sectors.",
    "The business communities of both countries have repeatedly called for the removal of non-tariff barriers "
    "and the simplification of visa regimes.",
    "Analysts note that the pace of implementation has lagged behind the ambition of the agreements signed, "
    "largely because of bureaucratic inertia on both sides.",
    "People-to-people contacts, including student exchanges and tourism, remain an under-utilised avenue of "
    "cooperation.",
    "The region's changing geopolitical landscape has added urgency to the search for reliable partners and "
    "diversified supply chains.",
]


@dataclass(frozen=True)
class Person:
    """One office holder of the shared world; ``since`` is the year the office was taken."""

    first: str
    last: str
    title: str
    state: int
    since: int
    until: int

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@lru_cache(maxsize=8)
def world(seed: int = 0) -> tuple[tuple[Person, ...], ...]:
    """Office holders of every state in :data:`STATES`, current ones last.

    Five holders per office (head of state, head of government, foreign minister) with
    consecutive terms, drawn once per seed and shared by every brief of the corpus.
    """
    rng = random.Random(f"world/{seed}")
    out = []
    used: set[str] = set()
    for si, (_, _, _, _, region, head, gov) in enumerate(STATES):
        firsts, firsts_f, lasts = _NAMES[region]
        people = []
        for title in [head, gov, "Foreign Minister"]:
            if title is None:
                continue
            year = 2025
            for _ in range(5):
                since = year - rng.randint(3, 8)
                while True:
                    first = rng.choice(firsts_f if rng.random() < 0.15 else firsts)
                    last = rng.choice(lasts)
                    if f"{first} {last}" not in used and first != last:
                        break
                used.add(f"{first} {last}")
                people.append(Person(first, last, title, si, since, year))
                year = since
        out.append(tuple(people))
    return tuple(out)


def _variant(rng: random.Random, p: Person) -> str:
    """The name of ``p`` as a brief spells it: mostly right, sometimes not (resolution must cope)."""
    r = rng.random()
    first = p.first
    if r < 0.06 and len(first) > 4:  # a dropped letter: "Iham Aliyev"
        k = rng.randrange(1, len(first) - 1)
        first = first[:k] + first[k + 1:]
    elif r < 0.09 and first in ("Muhammad", "Mohammed", "Mohammad"):
        first = {"Muhammad": "Mohammad", "Mohammed": "Muhammad", "Mohammad": "Muhammad"}[first]
    elif r < 0.13:  # a middle name or a formal long form
        first = f"{rng.choice(['Muhammad', 'Ali', 'Ahmed', 'Abdul', 'Sardar'])} {first}" if STATES[p.state][4] in (
            "pk", "arab", "persian") else first
    return f"{first} {p.last}"


def _sup(n: int) -> str:
    return "".join(SUPERSCRIPTS[int(c)] for c in str(n))


def _date_long(rng: random.Random, year: int, month: int | None = None) -> tuple[str, str, int, int, int]:
    """(``July 12, 2024``, ``12 July 2024``, year, month, day)."""
    m = month or rng.randint(1, 12)
    d = rng.randint(1, 28)
    return f"{MONTHS[m - 1]} {d}, {year}", f"{d} {MONTHS[m - 1]} {year}", year, m, d


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Brief:
    """State while writing one brief: its states, footnote counter and cited sources."""

    def __init__(self, rng: random.Random, seed: int, index: int):
        self.rng = rng
        self.index = index
        self.people = world(seed)
        self.year = rng.randint(2016, 2024)
        self.date = _date_long(rng, self.year)  # the brief's own date; events in it come before
        self.fillers = rng.sample(FILLER[:9] + FILLER[10:], len(FILLER) - 1)
        n_states = 3 if rng.random() < 0.35 else 2
        first = rng.choice([0, 0, 1, 2, 3, 4, 10, 11, 8, 9, 19]) if rng.random() < 0.6 else rng.randrange(len(STATES))
        others = [i for i in range(len(STATES)) if i != first]
        self.states = [first, *rng.sample(others, n_states - 1)]
        self.footnotes: list[str] = []
        self.last_source: str | None = None

    # -- names -----------------------------------------------------------------------------
    def st(self, k: int) -> str:
        return STATES[self.states[k % len(self.states)]][0]

    def before(self, max_days: int = 60) -> tuple[str, str]:
        """A date up to ``max_days`` before the brief's own: (``July 12, 2024``, ``12 July 2024``)."""
        d = dt.date(self.date[2], self.date[3], self.date[4]) - dt.timedelta(days=self.rng.randint(2, max_days))
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}", f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    def holder(self, k: int, title_rank: int = 0, year: int | None = None) -> Person:
        """Who held office ``title_rank`` (head of state, of government, foreign minister) of
        state ``k`` of this brief in ``year`` (default: the brief's year)."""
        people = self.people[self.states[k % len(self.states)]]
        titles = list(dict.fromkeys(p.title for p in people))
        title = titles[min(title_rank, len(titles) - 1)]
        holders = [p for p in people if p.title == title]
        year = year or self.year
        for p in holders:
            if p.since <= year < p.until:
                return p
        return holders[-1]

    def person(self, p: Person) -> str:
        return _variant(self.rng, p)

    # -- footnotes -------------------------------------------------------------------------
    def cite(self, title: str | None = None) -> str:
        """A marker for a new footnote; the footnote text is drawn now."""
        rng = self.rng
        n = len(self.footnotes) + 1
        if self.last_source and rng.random() < 0.08:
            self.footnotes.append("ibid")
            return _sup(n)
        pub, host = rng.choice(PUBLISHERS)
        title = title or f"{self.st(0)}, {self.st(1)} {rng.choice(['Agree to', 'Discuss', 'Sign Accords on', 'Review'])} " \
                         f"{rng.choice(TOPICS).title()} {rng.choice(['Cooperation', 'Ties', 'Projects', 'Roadmap'])}"
        y = rng.randint(max(1993, self.year - 4), self.year)
        date = _date_long(rng, y, rng.randint(1, self.date[3]) if y == self.year else None)[0]
        url = f"<https://{host}/{_slug(title)[:70]}-{rng.randint(1000, 9999999)}>"
        form = rng.random()
        if form < 0.45:
            text = f"\u201c{title},\u201d {pub}, {date}, {url}."
        elif form < 0.75:
            author = f"{rng.choice(_NAMES[rng.choice(list(_NAMES))][0])} {rng.choice(_NAMES[rng.choice(list(_NAMES))][2])}"
            text = f"{author}, \u201c{title},\u201d {pub}, {date}, {url}."
        elif form < 0.92:
            text = f"\"{title},\" {pub}, accessed {date}, {url}."
        else:
            author = f"{rng.choice(_NAMES['anglo'][2]).upper()} {rng.choice(['DE WAAL', 'SMITH', 'KHAN', 'COOLEY'])}"
            text = f"{author}, *{title}*. {rng.choice(['NYU Press', 'Oxford University Press', 'Routledge'])}, {y}. " \
                   f"<http://www.jstor.org/stable/j.ctt{rng.randint(10000, 99999)}>."
        self.footnotes.append(text)
        self.last_source = text
        return _sup(n)

    def maybe(self, p: float = 0.45, title: str | None = None) -> str:
        return self.cite(title) if self.rng.random() < p else ""

    # -- sentences -------------------------------------------------------------------------
    def s_visit(self) -> str:
        rng = self.rng
        p = self.holder(1)
        date_us = self.before(90)[0]
        days = rng.choice(["two-day", "three-day", "official", "state", "four-day"])
        mark = self.cite(f"Visit of the {p.title} of {self.st(1)} to {self.st(0)}")
        hon = rng.choice(["H.E. ", "", "", "His Excellency "])
        first = (f"The {p.title} of {self.st(1)}, {hon}{self.person(p)}, concluded his {days} visit to "
                 f"{self.st(0)} on {date_us}.{mark}")
        a, b = self.holder(0, 0), self.holder(0, 1)
        if a == b:
            second = f"During the visit, he held meetings with {a.title} {self.person(a)}."
        else:
            second = (f"During the visit, he held meetings with {a.title} {self.person(a)} and "
                      f"{b.title} {self.person(b)}.")
        n = rng.randint(3, 18)
        *topics, last = rng.sample(TOPICS, 5)
        third = (f"Additionally, {self.st(0)} and {self.st(1)} signed {n} MOUs and agreements.{self.maybe(0.7)} "
                 f"These MOUs/ agreements aim to enhance cooperation in the fields of {', '.join(topics)}, and "
                 f"{last}.")
        return f"{first} {second} {third}"

    def s_relations(self) -> str:
        rng = self.rng
        y = rng.randint(1947, 1995)
        dmy = _date_long(rng, y)[1]
        return (f"{self.st(0)} and {self.st(1)} have traditionally enjoyed close cordial relations, and formal "
                f"diplomatic relations were established on {dmy}.{self.maybe()}")

    def s_then_visit(self) -> str:
        rng = self.rng
        y = rng.randint(1995, self.year - 1)
        p = self.holder(0, 0, y)
        y2 = min(self.year, y + rng.randint(1, 3))
        q = self.holder(1, 0, y2)
        return (f"In {y}, the then {p.title} of {self.st(0)}, {self.person(p)}, paid an official visit to "
                f"{self.st(1)}. {q.title} {self.person(q)} reciprocated the gesture in {y2}, paying an official "
                f"visit to {self.st(0)}.{self.maybe()}")

    def s_commission(self) -> str:
        rng = self.rng
        y = rng.randint(1993, self.year)
        name = rng.choice(["Joint Commission at Ministerial Level", "Joint Economic Commission",
                           "Intergovernmental Commission on Trade and Economic Cooperation",
                           "High-Level Strategic Cooperation Council"])
        return (f"Similarly, in {y}, the protocol for establishment of '{self.st(1)}-{self.st(0)} {name}' was "
                f"signed, to provide an institutional mechanism for the development of bilateral economic "
                f"ties.{self.maybe(0.6)}")

    def s_resolution(self) -> str:
        rng = self.rng
        body, abbr = rng.choice(UN_BODIES)
        number = f"{rng.randint(600, 2700)}" if abbr == "UNSC" else f"{rng.randint(48, 78)}/{rng.randint(100, 300)}"
        third = STATES[rng.randrange(len(STATES))][0]
        return (f"Moreover, consistent with its commitment to the principle of territorial integrity of states, "
                f"{self.st(0)} along with {self.st(1)} co-sponsored the {body} ({abbr}) resolution {number}, "
                f"demanding an end to all hostilities by forces of {third} in the disputed region.{self.maybe(0.6)}")

    def s_contact_group(self) -> str:
        rng = self.rng
        return (f"{self.st(1)}, as a member of OIC Contact Group on {rng.choice(['Jammu and Kashmir', 'Palestine', 'Afghanistan', 'Rohingya Muslims'])}, "
                f"has been advocating for a peaceful resolution of the dispute.")

    def s_summit(self) -> str:
        rng = self.rng
        name, abbr, meeting = rng.choice(ORGANISATIONS)
        host = STATES[rng.randrange(len(STATES))]
        date = self.before(300)[1]
        form = rng.random()
        if form < 0.4:
            return (f"The {name} ({abbr}) held its {meeting} in {host[2]} on {date}, where leaders of "
                    f"{self.st(0)} and {self.st(1)} met on the sidelines.{self.maybe()}")
        if form < 0.7:
            tri = f"{self.st(0)}-{self.st(1)}-{self.st(2) if len(self.states) > 2 else host[0]}"
            return (f"The commitment of both sides to collective development is clearly depicted by the {tri} "
                    f"trilateral mechanism, which recently held its summit meeting in {host[2]} on "
                    f"{date}.{self.maybe()}")
        p = self.holder(0, 0)
        return (f"On the sidelines of the {abbr} {meeting} in {host[2]} in {MONTHS[rng.randrange(12)]} "
                f"{self.year}, {p.title} {self.person(p)} of {self.st(0)} met his {STATES[self.states[1]][1]} "
                f"counterpart.{self.maybe()}")

    def s_military(self) -> str:
        rng = self.rng
        y = rng.randint(2005, self.year)
        city = STATES[self.states[rng.randrange(2)]][2]
        ag = rng.choice(AGREEMENT_NAMES)
        ordinal = rng.choice(ORDINALS)
        s1 = (f"Additionally, in {y}, {self.st(0)} and {self.st(1)} signed a 'Bilateral {ag} Agreement' during the "
              f"{ordinal} meeting of {self.st(1)}-{self.st(0)} Working Group on {rng.choice(['Military', 'Defence', 'Economic', 'Technical'])} "
              f"Cooperation held in {city}.{self.maybe(0.6)}")
        month = MONTHS[rng.randrange(12)]
        y2 = rng.randint(2000, self.year)
        p = self.holder(0, 0, y2)
        ex = rng.choice(EXERCISES)
        y3 = rng.randint(2010, self.year)
        s2 = (f"Defence and military cooperation was stressed during the state visit of {p.title} of "
              f"{self.st(0)}, {self.person(p)}, in {month} {y2}. In {y3}, {STATES[self.states[0]][1]} military "
              f"personnel participated in '{ex}-{y3} Military Exercise' as observers.{self.maybe(0.4)}")
        return f"{s1} {s2}"

    def s_ministries(self) -> str:
        rng = self.rng
        a, b = rng.sample(PORTFOLIOS, 2)
        topic = rng.choice(TOPICS)
        if rng.random() < 0.5:
            return (f"Consequently, the recent MOU signed between the Ministry of {a} of {self.st(1)} and the "
                    f"Ministry of {b} of {self.st(0)} underscores the shared commitment to expand cooperation in "
                    f"the field of {topic}.{self.maybe()}")
        y = rng.randint(2010, self.year)
        return (f"In {y}, the Ministry of {a} of {self.st(0)} signed an MOU on {topic} with the Ministry of {b} "
                f"of {self.st(1)}.{self.maybe()}")

    def s_agency(self) -> str:
        rng = self.rng
        words = rng.sample(["Energy", "Planning", "Resource", "Trade", "Development", "Research", "Investment",
                            "Policy", "Statistics", "Export", "Promotion", "Technology"], 3)
        kind = rng.choice(["Centre", "Authority", "Board", "Agency", "Bureau", "Council"])
        name = f"{' '.join(words)} {kind}"
        abbr = "".join(w[0] for w in name.split())
        yr = rng.randint(2015, self.year)
        return (f"According to a report by {name} ({abbr}) of Ministry of {rng.choice(PORTFOLIOS)}, "
                f"{self.st(0)}'s recoverable gas reserves have declined from {rng.randint(20, 70)},"
                f"{rng.randint(100, 999)} billion cubic feet to {rng.randint(10, 19)},{rng.randint(100, 999)} "
                f"billion cubic feet by {yr}.{self.maybe(0.7)}")

    def s_economy(self) -> str:
        rng = self.rng
        g0 = rng.randint(20, 900) + rng.randint(0, 99) / 100
        g1 = rng.randint(20, 900) + rng.randint(0, 99) / 100
        t = rng.randint(10, 900) + rng.randint(0, 99) / 100
        y = rng.randint(2015, self.year)
        s = (f"In {y}, {self.st(1)}'s GDP stood at \\${g1:.2f} billion and {self.st(0)}'s at \\${g0:.2f} billion, "
             f"depicting a massive potential of growth for both sides.{self.maybe(0.6, f'GDP (Current US$) - {self.st(0)}')}")
        s += (f" Bilateral trade has seen a notable growth, increasing almost {rng.choice(['two', 'three', 'four'])}-folds "
              f"since {y - rng.randint(3, 8)}, standing at \\${t:.2f} million in {y}.{self.maybe(0.6)}")
        return s

    def s_ict(self) -> str:
        rng = self.rng
        yr = rng.randint(2015, self.year)
        return (f"The ICT sector of {self.st(1)} has witnessed a {rng.randint(2, 30)}.{rng.randint(0, 9)} % growth, "
                f"and accounted for {rng.randint(1, 9)}.{rng.randint(0, 9)} % of the country's GDP in {yr}.{self.maybe(0.6)} "
                f"{self.st(0)}'s ICT exports grew to \\${rng.randint(1, 9)}.{rng.randint(0, 9)} billion, contributing "
                f"{rng.randint(1, 9)}.{rng.randint(0, 9)}% of the country's GDP.{self.maybe(0.5)}")

    def s_strategy(self) -> str:
        rng = self.rng
        y = rng.choice([2030, 2035, 2040, 2047, 2050])
        return (f"Additionally, the government of {self.st(1)} has been working on the implementation of "
                f"various initiatives, prominently '{self.st(1)} {y}: National Priorities for "
                f"{rng.choice(['Socio-Economic Development', 'Digital Transformation', 'Green Growth', 'Connectivity'])}' "
                f"strategy.{self.maybe(0.4)}")

    def s_minister_talks(self) -> str:
        rng = self.rng
        a, b = self.holder(0, 2), self.holder(1, 2)
        city = STATES[self.states[rng.randrange(2)]][2]
        date = self.before(400)[0]
        return (f"Foreign Minister {self.person(a)} of {self.st(0)} and his {STATES[self.states[1]][1]} "
                f"counterpart, {self.person(b)}, held the {rng.choice(ORDINALS)} round of bilateral political "
                f"consultations in {city} on {date}.{self.maybe()}")

    def s_history(self) -> str:
        rng = self.rng
        y = rng.randint(1920, 1995)
        third = STATES[rng.randrange(len(STATES))]
        return (f"The {third[1]} occupation of parts of {self.st(1)} in {y}, shortly after the independence of "
                f"{self.st(1)}, is similar in the view of many analysts to disputes that {self.st(0)} has faced "
                f"since {y + rng.randint(1, 10)}.{self.maybe(0.3)}")

    def s_filler(self) -> str:
        text = self.fillers.pop() if self.fillers else self.rng.choice(FILLER)
        return text + self.maybe(0.15)


_BODY = ["s_relations", "s_then_visit", "s_commission", "s_resolution", "s_contact_group", "s_summit",
         "s_military", "s_ministries", "s_agency", "s_economy", "s_ict", "s_strategy", "s_minister_talks",
         "s_history"]


def _split_for_page(par: str, rng: random.Random) -> tuple[str, str] | None:
    """Cut a paragraph mid-sentence before a lower-case word, as a PDF page break does."""
    cuts = [m.start() for m in re.finditer(r"(?<=[a-z,]) (?=[a-z])", par)]
    cuts = [c for c in cuts if 0.35 * len(par) < c < 0.85 * len(par)]
    if not cuts:
        return None
    c = rng.choice(cuts)
    return par[:c], par[c + 1:]


def _footnote_block(notes: list[tuple[int, str]], superscript: bool) -> str:
    lines = [f"{_sup(n) if superscript else n} {text}" for n, text in notes]
    return "\n\n".join(lines)


def brief(index: int, seed: int = 0, size: int = 10_000) -> str:
    """The text of brief ``index`` of the corpus of ``seed`` (about ``size`` bytes)."""
    rng = random.Random(f"brief/{seed}/{index}")
    b = _Brief(rng, seed, index)

    # Header
    pub, centres = rng.choice(THINK_TANKS)
    centre, abbr = rng.choice(centres)
    region = rng.choice(["pk", "pk", "pk", "turkic", "india", "arab", "anglo"])
    author = f"{rng.choice(_NAMES[region][0])} {rng.choice(_NAMES[region][0])} {rng.choice(_NAMES[region][2])}"
    editor = f"{rng.choice(['Dr. ', 'Dr. ', 'Ms. ', ''])}{rng.choice(_NAMES['pk'][0] + _NAMES['pk'][1])} {rng.choice(_NAMES['pk'][2])}"
    date = b.date[0]
    a0, a1 = b.st(0).upper(), b.st(1).upper()
    title = rng.choice([f"ENHANCING COOPERATION: {a0}-{a1} MULTI-SECTORAL PARTNERSHIP",
                        f"{a0}-{a1} RELATIONS: PROSPECTS FOR {rng.choice(TOPICS).upper()} COOPERATION",
                        f"{a1}'S OUTREACH TO {a0}: OPPORTUNITIES AND CHALLENGES",
                        f"DEEPENING {a0}-{a1} TIES IN A CHANGING REGION"])
    header = (f"\n\n{title}\n\nBy\n{author}\n{rng.choice(ROLES)}\n{centre} ({abbr}), {pub}\n\nEdited by\n{editor}\n\n"
              f"{date}\n\n(Views expressed in the brief are those of the author, and do not represent those of {pub})\n\n\n\n")
    if rng.random() < 0.6:
        header += f"Source: *{rng.choice(SOURCE_CAPTIONS)}*\n\n"

    # Body paragraphs: an opening visit, then topics in random order until the text is long enough.
    target = size - len(header.encode()) - len(FILLER[9]) - 40
    paragraphs: list[str] = []
    order = rng.sample(_BODY, len(_BODY))
    body_len, k = 0, 0
    current: list[str] = [b.s_visit()]

    def length() -> int:  # bytes so far: body, pending sentences and footnotes drawn
        return (body_len + sum(len(s.encode()) + 1 for s in current)
                + sum(len(f.encode()) + 8 for f in b.footnotes))

    while length() < target:
        name = order[k % len(order)] if rng.random() < 0.8 else "s_filler"
        k += 1
        current.append(getattr(b, name)())
        if len(current) >= rng.randint(3, 5):
            paragraphs.append(" ".join(current))
            body_len += len(paragraphs[-1].encode()) + 2
            current = []
    if current:
        paragraphs.append(" ".join(current))
    paragraphs.append(FILLER[9])  # "Concluding, ..."

    # Lay out pages: a footnote block about every 3 KB of body, often cutting a sentence in two.
    out: list[str] = []
    emitted, page, superscript = 0, 0, False
    page_size = rng.randint(2_400, 3_300)

    def flush() -> None:
        nonlocal emitted, superscript
        seen = [int(s.translate(str.maketrans(SUPERSCRIPTS, "0123456789")))
                for s in re.findall(f"[{SUPERSCRIPTS}]+", "\n\n".join(out))]
        upto = max(seen, default=0)
        if upto > emitted:
            notes = [(n, b.footnotes[n - 1]) for n in range(emitted + 1, upto + 1)]
            out.append(_footnote_block(notes, superscript))
            emitted = upto
            superscript = rng.random() < 0.8  # the first page uses plain numbers, as pdftotext often gives

    for par in paragraphs:
        if page + len(par) > page_size:
            cut = _split_for_page(par, rng) if rng.random() < 0.7 else None
            if cut:
                out.append(cut[0])
                flush()
                par = cut[1]
            else:
                flush()
            page = 0
        out.append(par)
        page += len(par)
    if emitted < len(b.footnotes):
        notes = [(n, b.footnotes[n - 1]) for n in range(emitted + 1, len(b.footnotes) + 1)]
        out.append(_footnote_block(notes, superscript))
    return header + "\n\n".join(out) + "\n"


def generate(n: int, seed: int = 0) -> list[str]:
    """The texts of the first ``n`` briefs of the corpus of ``seed``."""
    return [brief(i, seed) for i in range(n)]


def write_corpus(directory: str | os.PathLike, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` briefs as ``brief-0000.txt`` ... into ``directory`` (created); return the paths.

    Files already there with the right content are left alone, so a corpus can be reused.
    """
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = d / f"brief-{i:04d}.txt"
        text = brief(i, seed)
        if not (p.exists() and p.read_text(encoding="utf-8") == text):
            p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":  # python -m benchmarks.corpus N DIR [SEED]
    import sys

    if len(sys.argv) not in (3, 4):
        sys.exit("usage: python -m benchmarks.corpus N DIR [SEED]")
    written = write_corpus(sys.argv[2], int(sys.argv[1]), int(sys.argv[3]) if len(sys.argv) == 4 else 0)
    print(f"{len(written)} briefs in {sys.argv[2]}", file=sys.stderr)
