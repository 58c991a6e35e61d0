"""The cadrage ethics & legal check: answers → result, by the rules table journeys/content/cadrage_ethique_regles.yaml.

The table (loaded into `content["rules"]` by journeys.content.loader.ethics_content) holds the facts (personal data,
AI Act level, AIPD status…), the rules that show a text or raise an alert, and the questions that may stay
unanswered; its header describes the condition language this module evaluates. The texts are the content's
`guidance`, the AI Act level labels its `ai_act_levels`. Nothing here knows a legal rule: change the table.
"""

from collections.abc import Iterable

YES_NO = ({"key": "oui", "label": "Oui"}, {"key": "non", "label": "Non"})
NONE_KEYS = frozenset({"aucun", "aucune"})
NO_AI_LABEL = "Pas de système d’intelligence artificielle"
UNDETERMINED = ("Non déterminé", "Répondez aux questions sur l’IA pour connaître le niveau de risque.")
NOTE_SECTIONS = ("alerts", "personal_data", "aipd", "ai_act", "transparency", "human_oversight", "environment")
CRITERIA_COUNT = "criteria_count"


class RulesError(ValueError):
    """The rules table names a fact or a text that does not exist, or has a condition of unknown shape."""


def offered_choices(question: dict) -> list[dict]:
    """The choices ({key, label}) a question offers: its own, or oui/non for a yes/no question that lists none."""
    choices = question.get("choices") or []
    if choices or question.get("kind", "yes_no") != "yes_no":
        return list(choices)
    return list(YES_NO)


def _choices(question: dict) -> tuple[str, ...]:
    return tuple(choice["key"] for choice in offered_choices(question))


def none_with_another(values: list[str]) -> bool:
    """« Aucun » (or « aucune ») ticked together with another answer: a contradiction, refused."""
    return len(values) > 1 and bool(NONE_KEYS.intersection(values))


def _labels(content: dict) -> dict[str, str]:
    return {question["key"]: question.get("text", question["key"]) for question in content["questions"]}


def clean_answers(content: dict, raw: dict) -> tuple[dict, list[str]]:
    """Keep only well-formed answers (known choice keys). Returns (answers, French error messages)."""
    answers: dict = {}
    errors = []
    labels = _labels(content)
    for question in content["questions"]:
        key = question["key"]
        value = raw.get(key)
        if value in (None, "", []):
            continue
        choices = _choices(question)
        label = labels[key]
        if question.get("kind") == "multiple_choice":
            values = [value] if isinstance(value, str) else [item for item in value if item]
            if any(item not in choices for item in values):
                errors.append(f"Réponse non prévue à la question « {label} ».")
            elif none_with_another(values):
                errors.append(f"« Aucun » ne peut pas être coché avec une autre réponse à la question « {label} ».")
            else:
                answers[key] = values
        elif isinstance(value, str) and value in choices:
            answers[key] = value
        else:
            errors.append(f"Réponse non prévue à la question « {label} ».")
    return answers, errors


class _Evaluation:
    """The facts of one set of answers, each computed once, on first use."""

    def __init__(self, table: dict, answers: dict, criteria: Iterable[str]) -> None:
        self.table = table
        self.answers = answers
        self.criteria = tuple(criteria)
        self.facts: dict = {}

    def values(self, question: str) -> list[str]:
        value = self.answers.get(question)
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)

    def fact(self, name: str):
        if name not in self.facts:
            if name == CRITERIA_COUNT:
                self.facts[name] = len(self.aipd_criteria())
            elif name in self.table["facts"]:
                self.facts[name] = self._define(self.table["facts"][name])
            else:
                raise RulesError(f"fait inconnu : {name}")
        return self.facts[name]

    def _define(self, definition: dict):
        if "first" not in definition:
            return self.holds(definition)
        for case in definition["first"]:
            if self.holds(case["when"]):
                return case["value"]
        return definition["otherwise"]

    def aipd_criteria(self) -> list[str]:
        """Known criteria ticked, then those the answers imply, each once (a criterion is never counted twice)."""
        found = [key for key in self.values("aipd_criteres") if key in self.criteria]
        for implied in self.table["aipd_implied_criteria"]:
            if implied["criterion"] in self.criteria and self.holds(implied["when"]):
                found.append(implied["criterion"])
        return list(dict.fromkeys(found))

    def holds(self, condition: dict) -> bool:
        if "all" in condition:
            return all(self.holds(item) for item in condition["all"])
        if "any" in condition:
            return any(self.holds(item) for item in condition["any"])
        if "not" in condition:
            return not self.holds(condition["not"])
        if "answer" in condition:
            return self._answer_holds(condition)
        if "fact" in condition:
            return self._fact_holds(condition)
        raise RulesError(f"condition inconnue : {condition!r}")

    def _answer_holds(self, condition: dict) -> bool:
        values = self.values(condition["answer"])
        if "is" in condition:
            return values == [condition["is"]]
        if "in" in condition:
            return len(values) == 1 and values[0] in condition["in"]
        if "has_any" in condition:
            return bool(set(condition["has_any"]).intersection(values))
        if "selected" in condition:
            return bool(set(values) - NONE_KEYS)
        if "answered" in condition:
            return bool(values)
        raise RulesError(f"condition inconnue : {condition!r}")

    def _fact_holds(self, condition: dict) -> bool:
        value = self.fact(condition["fact"])
        if "is" in condition:
            return value == condition["is"]
        if "in" in condition:
            return value in condition["in"]
        if "at_least" in condition:
            return value >= condition["at_least"]
        return bool(value)


def evaluate(content: dict, answers: dict) -> dict:
    """Turn the ethics check answers into the result the page and the report show (pure function).

    Public shape (stored in EthicsCheck.result, read by the project page and the PDF report): personal_data,
    personal_data_notes, aipd {needed, status, criteria, on_cnil_list, text, notes}, ai_act {level, label,
    guidance, notes}, transparency [{article, text}], human_oversight {sufficient, notes}, environment {notes},
    alerts; plus rules (keys of the rules shown) and sources (the legal references of those rules)."""
    table = content["rules"]
    guidance = content["guidance"]
    criteria_labels = {item["key"]: item["label"] for item in content["aipd_criteria"]}
    evaluation = _Evaluation(table, answers, criteria_labels)

    shown: dict[str, list] = {section: [] for section in NOTE_SECTIONS}
    fired = []
    for rule in table["rules"]:
        if rule["text"] not in guidance:
            raise RulesError(f"texte inconnu : {rule['text']}")
        if not evaluation.holds(rule["when"]):
            continue
        text = guidance[rule["text"]]
        fired.append(rule)
        if rule["section"] == "transparency":
            shown["transparency"].append({"article": rule.get("article", ""), "text": text})
        else:
            shown[rule["section"]].append(text)

    level = evaluation.fact("level")
    if level in content["ai_act_levels"]:
        label, level_guidance = content["ai_act_levels"][level]["label"], content["ai_act_levels"][level]["guidance"]
    else:
        label, level_guidance = (NO_AI_LABEL, "") if level else UNDETERMINED
    status = evaluation.fact("aipd_status")
    return {
        "personal_data": evaluation.fact("personal_data"),
        "personal_data_notes": shown["personal_data"],
        "aipd": {
            "needed": evaluation.fact("aipd_needed"),
            "status": status,
            "criteria": [criteria_labels[key] for key in evaluation.aipd_criteria()],
            "on_cnil_list": evaluation.fact("on_cnil_list"),
            "text": guidance[f"aipd_{status}"],
            "notes": shown["aipd"],
        },
        "ai_act": {
            "level": level,
            "label": label,
            "guidance": level_guidance,
            "notes": shown["ai_act"],
        },
        "transparency": shown["transparency"],
        "human_oversight": {"sufficient": evaluation.fact("oversight_sufficient"), "notes": shown["human_oversight"]},
        "environment": {"notes": shown["environment"]},
        "alerts": shown["alerts"],
        "rules": [rule["key"] for rule in fired],
        "sources": list(dict.fromkeys(rule["source"] for rule in fired)),
    }


def is_complete(content: dict, answers: dict) -> bool:
    """Every question is answered, except the conditional ones the other answers make irrelevant (rules table)."""
    table = content["rules"]
    conditional = table["conditional_questions"]
    evaluation = _Evaluation(table, answers, ())
    for question in content["questions"]:
        key = question["key"]
        if evaluation.values(key):
            continue
        if key in conditional and not evaluation.holds(conditional[key]):
            continue
        return False
    return True
