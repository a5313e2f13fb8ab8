"""Content terms of a product phrase, shared by catalog entries and note mentions.

A phrase becomes the set of its lemmas minus function words and words that never tell products
apart ("услуга", "вариант", "option"). A few colloquial forms are folded into one term so that
"б/у", "бэушка", "подержанный" and "с пробегом" meet; everything else that is specific to one
catalog belongs in that catalog's synonyms, not here.
"""

from __future__ import annotations

import functools
import re

from salesmine.text import lemmatize

STEM_LENGTH = 5

# Function words and words that name no product. "без" is kept on purpose: "каско без франшизы"
# is not "каско с франшизой".
STOP_TERMS = frozenset(
    """в во на для с со по от из к ко у о об обо и или а под при за до про через как
    услуга продукт вариант возможность опция тип вид формат штука вещь программа предложение
    такой этот тот наш ваш свой их его ее весь никакой какой любой вообще также еще уже тоже
    всё все нормальный обычный сам мы вы они он она оно это то только лишь просто именно
    полноценный хороший удобный приличный адекватный нормально
    the a an any some such this that these those our your their its my we you they it
    for of with on in to and or from by at as about into
    option options feature product solution offering offer thing kind type sort something
    only just also proper decent good""".split()
)

# Colloquial and cross-script variants folded to one term (lemma -> term). Kept small and
# catalog-independent: the forms every Russian/English sales note uses for the same idea.
FOLDED = {
    "бу": "б/у",
    "бэушка": "б/у",
    "бэушко": "б/у",
    "бэушный": "б/у",
    "подержанный": "б/у",
    "пробег": "б/у",
    "used": "б/у",
    "preowned": "б/у",
    "подержать": "б/у",  # pymorphy3 lemmatises the participle "подержанный" to its verb
    "авто": "автомобиль",
    "машина": "автомобиль",
    "тачка": "автомобиль",
    "car": "автомобиль",
    "vehicle": "автомобиль",
    "1c": "1с",
    "срм": "crm",
    "црм": "crm",
    "onsite": "site",
    "instalment": "installment",
    "застраховать": "страховать",
    "застраховаться": "страховать",
    "страховаться": "страховать",
}

# English product words folded into their Russian lemma, so an English note meets a catalog
# kept in Russian ("installments" ~ "рассрочка") and the other way round.
ENGLISH_TO_RUSSIAN = {
    "insurance": "страхование", "insure": "страховать", "lease": "лизинг", "leasing": "лизинг",
    "installment": "рассрочка", "installments": "рассрочка", "delivery": "доставка",
    "assembly": "сборка", "train": "обучение", "training": "обучение", "support": "поддержка",
    "integration": "интеграция", "app": "приложение", "application": "приложение",
    "mobile": "мобильный", "cloud": "облачный", "warranty": "гарантия", "guarantee": "гарантия",
    "kitchen": "кухня", "truck": "грузовик", "equipment": "оборудование", "cargo": "груз",
    "freight": "груз", "medical": "медицинский", "life": "жизнь", "property": "имущество",
    "apartment": "квартира", "liability": "ответственность", "fleet": "автопарк",
    "pet": "питомец", "measurement": "замер", "countertop": "столешница", "furniture": "мебель",
    "wardrobe": "шкаф", "repair": "ремонт", "migration": "миграция", "telephony": "телефония",
    "license": "лицензия", "licence": "лицензия", "annual": "годовой", "monthly": "помесячный",
    "implementation": "внедрение", "storage": "хранение", "travel": "путешествие",
    "dental": "стоматология", "crop": "урожай", "tractor": "трактор", "warehouse": "склад",
}  # fmt: skip

FOLDED_PREFIXES = (("бэуш", "б/у"), ("бушн", "б/у"), ("подержан", "б/у"))
# Words of a product phrase: "б/у", "24/7", "d&o" stay whole; hyphens split ("on-site").
# A regex, not the spaCy tokenizer: catalog phrases are short and 100k mentions must be fast.
_WORDS = re.compile(r"\w+(?:[/&]\w+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_DIGITS_C = re.compile(r"^(\d+)c$")


@functools.lru_cache(maxsize=200_000)
def phrase_terms(text: str) -> frozenset[str]:
    """The content terms of a product phrase (lowercase lemmas, folded, stop words dropped)."""
    terms: set[str] = set()
    for word in _WORDS.findall(text or ""):
        term = fold(lemmatize(word, "ru" if _CYRILLIC.search(word) else "en"))
        if term and term not in STOP_TERMS:
            terms.add(term)
    return frozenset(terms)


def fold(lemma: str) -> str:
    """A lemma in its folded form ("бэушка" -> "б/у", "1c" with a Latin c -> "1с")."""
    lemma = lemma.lower().replace("ё", "е")
    lemma = _DIGITS_C.sub(r"\1с", lemma)
    if lemma in FOLDED:
        return FOLDED[lemma]
    if lemma in ENGLISH_TO_RUSSIAN:
        return fold(ENGLISH_TO_RUSSIAN[lemma])
    # pymorphy3 does not know slang like "бэушный" and guesses odd lemmas for it.
    for prefix, term in FOLDED_PREFIXES:
        if lemma.startswith(prefix):
            return term
    return lemma


# Verb prefixes that hide a shared root: "платить" / "оплата", "служба" / "обслуживание".
_PREFIXES = (
    "пере",
    "под",
    "при",
    "про",
    "раз",
    "рас",
    "об",
    "от",
    "за",
    "по",
    "до",
    "вы",
    "на",
    "о",
    "у",
    "с",
)
MIN_ROOT_WORD = 6


def root(term: str) -> str:
    """The first four letters after a verb prefix ("оплата" -> "плат"), or "" for short words."""
    if len(term) < MIN_ROOT_WORD or not term.isalpha():
        return ""
    for prefix in _PREFIXES:
        if term.startswith(prefix) and len(term) - len(prefix) >= 4:
            return term[len(prefix) : len(prefix) + 4]
    return term[:4]


def stem(term: str) -> str:
    """A crude stem (the first letters) tying derived words: выезд ~ выездной, mobile ~ mobil."""
    return term[:STEM_LENGTH]
