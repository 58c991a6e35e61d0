"""The AI Act as the shipped content states it: one calendar and one wording of article 4, from common/ai_act.yaml.

Every text the portal ships (journey, diagnostic, ethics check, resources, catalogue) is walked: a calendar date or
an article 4 sentence written by hand somewhere else would drift from the law as it stands.
"""

import re

import pytest

from common import ai_act
from common.typography import NBSP
from tests.common.shipped_texts import plain as _plain
from tests.common.shipped_texts import shipped_texts as _shipped_texts


def _resource(slug: str) -> dict:
    from resources.content import RESOURCES

    return next(entry for entry in RESOURCES if entry["slug"] == slug)


def test_the_calendar_has_a_source_for_every_date_and_hedges_what_was_not_verified():
    calendar = ai_act.calendar()
    assert [item["date"] for item in calendar] == sorted(item["date"] for item in calendar)
    assert all(item["source"] for item in calendar)
    unverified = [item for item in calendar if not item["verified"]]
    assert {item["annex"] for item in unverified} == {"III", "I"}
    assert "à la date du 27 novembre 2026" in _plain(ai_act.status_note())
    # Article 111(2) of the original regulation: stated firmly, never « sous réserve ».
    markdown = ai_act.calendar_markdown().replace(NBSP, " ")
    line_2030 = next(line for line in markdown.splitlines() if "2 août 2030" in line and line.startswith("- "))
    assert "article 111, paragraphe 2" in line_2030
    assert "sous réserve" not in line_2030


def test_the_resource_the_ethics_check_and_the_diagnostic_read_the_one_calendar():
    from journeys.content.loader import shipped_diagnostic, shipped_ethics_check

    ETHICS_CHECK = shipped_ethics_check()
    DIAGNOSTIC = shipped_diagnostic()

    assert ai_act.calendar_markdown() in _resource("reglement-europeen-ia")["body"]
    assert ETHICS_CHECK["guidance"]["ai_act_calendrier"] == ai_act.calendar_text()
    assert ai_act.high_risk_dates() in ETHICS_CHECK["ai_act_levels"]["high"]["guidance"]
    eth_4 = next(question for question in DIAGNOSTIC["questions"] if question["key"] == "eth-4")
    assert ai_act.years_span() in _plain(eth_4["help"])


def test_no_shipped_text_still_calls_the_omnibus_a_proposal_or_dates_it_by_hand():
    for text in map(_plain, _shipped_texts()):
        assert "COM(2025)" not in text
        assert "reporterait" not in text
        if "omnibus" in text:
            assert "2026/1744" in text or "voir le calendrier" in text or text.startswith("Règlement (UE)"), text[:200]


def test_article_4_reads_as_a_best_effort_duty_everywhere():
    """Article 4 obliges providers and deployers to take measures for a sufficient level of AI literacy: no mandate."""
    mentions = [
        text
        for text in map(_plain, _shipped_texts())
        if re.search(r"\b(article 4|art\. 4)\b", text)
        and "RGPD, article 4" not in text
        # the calendar only names article 4 among the dates; its wording is the resource's own paragraph
        and "article 113" not in text
        and not text.startswith("Règlement (UE)")  # a rule's source citation
    ]
    assert len(mentions) >= 6
    for text in mentions:
        assert "toute la mesure du possible" in text, text[:300]
        assert "obligation de moyens" in text, text[:300]
    assert all("doivent y être formés" not in text for text in map(_plain, _shipped_texts()))


@pytest.mark.parametrize("pattern", [r"50 agents", r"moins de 50\b", r"50 ETP"])
def test_the_50_agent_threshold_always_says_it_counts_full_time_equivalents(pattern):
    for text in map(_plain, _shipped_texts()):
        for match in re.finditer(pattern, text):
            around = text[max(0, match.start() - 120) : match.end() + 120]
            if "comité social" in around:  # the CST threshold counts agents, not FTE
                continue
            assert "ETP" in around or "équivalents temps plein" in around, around
