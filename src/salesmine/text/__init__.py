"""The text layer: language, tokens, lemmas, sentences and clauses for ru/en sales text.

Built on spaCy's blank tokenizers and pymorphy3 with a word cache; everything is loaded once per
process, lazily, so importing salesmine stays fast.
"""

from salesmine.text.language import detect_language, dominant_language
from salesmine.text.morphology import lemmatize, part_of_speech
from salesmine.text.segmentation import clauses, sentences
from salesmine.text.tokenizer import Span, Token, lemmas, lemmas_many, normalize_text, tokens

__all__ = [
    "Span",
    "Token",
    "clauses",
    "detect_language",
    "dominant_language",
    "lemmas",
    "lemmas_many",
    "lemmatize",
    "normalize_text",
    "part_of_speech",
    "sentences",
    "tokens",
]
