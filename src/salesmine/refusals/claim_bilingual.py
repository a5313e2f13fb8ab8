"""English words of a product phrase met in Russian, and the other way round: a small bilingual
list of product words, and transliteration ("трейд-ин" ~ "trade-in", "детейлинг" ~ "detailing").

Kept catalog-independent: the words every ru/en sales note uses for common products. Anything
specific to one catalog belongs in that catalog's synonyms.
"""

from __future__ import annotations

import functools
import re

from salesmine.text import lemmatize

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)

# English product words folded into their Russian lemma, so an English note meets a catalog
# kept in Russian ("installments" ~ "рассрочка") and the other way round (lemmatised on use).
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
# General sales vocabulary beyond the insurance/leasing/software/kitchen core above: cars and
# service, clinics, telecom, logistics, real estate. Words whose transliteration already meets
# (server ~ сервер, video ~ видео) are left out.
GENERAL_WORDS = {
    "number": "номер", "phone": "телефон", "call": "звонок", "recording": "запись",
    "channel": "канал", "line": "линия", "rent": "аренда", "rental": "аренда",
    "consultation": "консультация", "doctor": "врач", "home": "дом", "house": "дом",
    "exam": "осмотр", "examination": "осмотр", "inspection": "осмотр", "analysis": "анализ",
    "vaccination": "вакцинация", "vaccine": "вакцина", "flu": "грипп",
    "credit": "кредит", "payment": "оплата", "account": "счет", "card": "карта",
    "transfer": "перевод", "cleaning": "чистка", "design": "дизайн", "installation": "установка",
    "install": "установка", "maintenance": "обслуживание", "replacement": "замена",
    "body": "кузов", "paint": "покраска", "painting": "покраска", "tire": "шина", "tyre": "шина",
    "wheel": "колесо", "glass": "стекло", "front": "фасад", "door": "дверь", "window": "окно",
    "cabinet": "шкаф", "bathroom": "ванная", "kid": "ребенок", "child": "ребенок",
    "children": "ребенок", "tooth": "зуб", "teeth": "зуб", "dentist": "стоматолог",
    "pregnancy": "беременность", "surgery": "хирургия", "plastic": "пластический",
    "rehabilitation": "реабилитация", "physiotherapy": "физиотерапия", "health": "здоровье",
    "trip": "поездка", "shipping": "доставка", "courier": "курьер", "customs": "таможня",
    "loader": "погрузчик", "forklift": "погрузчик", "trailer": "прицеп", "mortgage": "ипотека",
    "report": "отчет", "security": "безопасность", "surveillance": "видеонаблюдение",
    "network": "сеть", "voice": "голосовой", "mailing": "рассылка", "free": "бесплатный",
    "remote": "удаленный", "dedicated": "выделенный", "static": "статический",
    "virtual": "виртуальный", "corporate": "корпоративный", "premium": "премиальный",
    "extended": "расширенный", "dog": "собака", "cat": "кошка", "loaner": "подменный",
    "courtesy": "подменный", "tow": "эвакуатор", "towing": "эвакуация", "alarm": "сигнализация",
    "electric": "электрический", "bus": "автобус", "van": "фургон", "motorcycle": "мотоцикл",
    "yacht": "яхта", "animal": "животное", "laptop": "ноутбук", "tablet": "планшет",
    "fire": "пожар", "flood": "наводнение", "employee": "сотрудник", "data": "данные",
    "backup": "резервный", "website": "сайт", "accounting": "учет", "legal": "юридический",
    "lawyer": "юрист", "translation": "перевод", "billing": "оплата", "version": "версия",
    "schedule": "график", "seasonal": "сезонный", "stone": "камень", "turnkey": "ключ",
    "perpetual": "бессрочный", "estate": "недвижимость", "roadside": "дорога",
    "assistance": "помощь", "help": "помощь", "protection": "защита", "pbx": "атс",
    "mri": "мрт", "transmission": "коробка", "gearbox": "коробка", "bulk": "массовый",
    "custom": "заказ", "visit": "визит", "check": "проверка", "subscription": "подписка",
    "discount": "скидка", "bonus": "бонус", "loyalty": "лояльность", "consulting": "консалтинг",
    "audit": "аудит", "course": "курс", "certificate": "сертификат",
    "parking": "парковка", "office": "офис", "apartments": "квартира", "flat": "квартира",
    "land": "участок", "plot": "участок", "garage": "гараж", "ship": "доставка",
    "deliver": "доставка", "migrate": "миграция", "integrate": "интеграция",
    "implement": "внедрение", "onboarding": "внедрение",
    "login": "вход", "sign-in": "вход", "chat": "чат", "analytics": "аналитика",
    "tracking": "трекинг", "deposit": "депозит", "overdraft": "овердрафт", "loan": "кредит",
    "factoring": "факторинг", "consult": "консультация",
}  # fmt: skip


# Kept as written: pymorphy3 reads "данные" alone as a participle of "дать", but "данных" (as
# notes write it) as "данные".
_AS_WRITTEN = frozenset(("данные", "б/у"))


@functools.lru_cache(maxsize=1)
def english_to_russian() -> dict[str, str]:
    """English lemma -> Russian lemma, both as the lemmatisers give them ("data" -> "datum",
    "данные" -> pymorphy3's lemma), so that a note's word meets a catalog's after lemmatising."""
    pairs = {**GENERAL_WORDS, **ENGLISH_TO_RUSSIAN}
    out = {}
    for english, russian in pairs.items():
        target = russian if russian in _AS_WRITTEN else lemmatize(russian, "ru")
        out[english] = target
        out.setdefault(lemmatize(english, "en"), target)
    return out


# Transliteration: both scripts reduced to a consonant skeleton, so "трейд" meets "trade",
# "чекап" "check-up", "детейлинг" "detailing", "лизинг" "leasing". С/З and Ц share a class
# ("сервис" / "service", "медицина" / "medicine"); vowels, й, ь, ъ are dropped.
_CYR_SKELETON = str.maketrans(
    {"б": "b", "в": "v", "г": "g", "д": "d", "ж": "Z", "з": "s", "к": "k", "л": "l", "м": "m",
     "н": "n", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "х": "h", "ц": "s", "ч": "C",
     "ш": "S", "щ": "S", "а": "", "е": "", "ё": "", "и": "", "о": "", "у": "", "ы": "", "э": "",
     "ю": "", "я": "", "й": "", "ь": "", "ъ": ""}
)  # fmt: skip
_LATIN_DIGRAPHS = (
    ("tion", "Sn"), ("sion", "Sn"), ("sch", "S"), ("sh", "S"), ("ch", "C"), ("zh", "Z"),
    ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "kv"), ("x", "ks"), ("j", "dZ"), ("w", "v"),
)  # fmt: skip
_SOFT_C = re.compile(r"c(?=[eiy])")
_LATIN_VOWELS = str.maketrans("", "", "aeiouy")
MIN_SKELETON = 3
MIN_TRANSLIT_WORD = 5  # "приём" is not "prem"


@functools.lru_cache(maxsize=200_000)
def skeleton(term: str) -> str:
    """The consonant skeleton of a word in either script, or "" when too short to compare."""
    letters = term.lower().replace("-", "")
    if len(letters) < MIN_TRANSLIT_WORD or not letters.isalpha():
        return ""
    # "detailing" is lemmatised to "detail"; "детейлинг", "маркетинг" keep the ending
    letters = re.sub(r"(?<=...)(?:ing|инг)$", "", letters)
    if _CYRILLIC.search(letters):
        out = letters.translate(_CYR_SKELETON)
    else:
        for latin, code in _LATIN_DIGRAPHS:
            letters = letters.replace(latin, code)
        out = _SOFT_C.sub("s", letters).replace("c", "k").replace("q", "k").replace("z", "s")
        out = out.translate(_LATIN_VOWELS)
    collapsed = re.sub(r"(.)\1+", r"\1", out)
    return collapsed if len(collapsed) >= MIN_SKELETON else ""
