"""Vocabulary values as the UI shows them: the Chinese word itself, or its English name from the translation table."""

from __future__ import annotations

from analytics.contract import vocab
from analytics.contract.missing import is_missing
from analytics.i18n import TABLE, t
from analytics.store.tree import OWN_GROUP


def unit_label(unit: str, lang: str = "zh") -> str:
    """A unit as charts and tables show it: its name, or 本级 for the selection's own row (tree.OWN_GROUP)."""
    return t("unit.own", lang) if unit == OWN_GROUP else unit


def with_unit_labels(frame, lang: str = "zh", column: str = "unit"):
    """The frame with its unit column as shown (the 本级 row named in the UI language)."""
    if column not in frame or not len(frame):
        return frame
    return frame.assign(**{column: [unit_label(unit, lang) for unit in frame[column]]})


def outcome_label(kind: str, lang: str = "zh") -> str:
    """An outcome type as the UI shows it: the vocabulary word in Chinese, its header word in English."""
    if lang == "zh":
        return kind
    words = vocab.OUTCOME_TYPE_EN.get(kind, kind).replace("_", " ").capitalize()
    return words.replace("Qc ", "QC ")  # QC成果: the acronym stays in capitals


def vocab_label(value, lang: str = "zh") -> str:
    """A programme, category or project status as the UI shows it: the word itself in Chinese, its English name
    from the translation table in English; anything else (a missing value, a word outside the vocabulary) as is."""
    if lang == "zh" or is_missing(value) or f"vocab.{value}" not in TABLE:
        return value
    return t(f"vocab.{value}", lang)


def level_label(level, lang: str = "zh") -> str:
    """An award level, or the words for a level not stated."""
    if is_missing(level):
        return t("level.unstated", lang)
    return t(f"level.{level}", lang) if level in vocab.AWARD_LEVELS else level


# issue 16: people
def pool_label(pool, lang: str = "zh") -> str:
    """A talent pool (后备人才, 雏鹰, 雄鹰, 金鹰) as the UI shows it."""
    return t(f"pool.{pool}", lang) if pool in vocab.TALENT_POOLS else str(pool)


def honour_level_label(level, lang: str = "zh") -> str:
    """An honour level, or the words for a level not stated."""
    if is_missing(level):
        return t("level.unstated", lang)
    return t(f"honour_level.{level}", lang) if level in vocab.HONOUR_LEVELS else level


def training_type_label(kind, lang: str = "zh") -> str:
    """A training type as written (free text), or the words for one not stated."""
    return t("training.type_unstated", lang) if is_missing(kind) else str(kind)


def point_rule_label(rule: str, lang: str = "zh") -> str:
    """A points rule as the rule table shows it: 获奖:国家级 → 获奖（国家级）; an outcome type by its name; the rest
    by the translation table or its own text (a rule an admin added)."""
    if rule.startswith(vocab.AWARD_RULE_PREFIX):
        level = rule[len(vocab.AWARD_RULE_PREFIX) :]
        return t("points.rule.award", lang, level=level_label(level, lang))
    key = f"points.rule.{rule}"
    if key in TABLE:
        return t(key, lang)
    return outcome_label(rule, lang) if rule in vocab.OUTCOME_TYPES else rule
