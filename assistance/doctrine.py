"""ANCT's doctrine for ingénierie sur mesure, as the intake form applies it.

- Entry point: the préfet de département is ANCT's délégué territorial; he instructs the requests for ingénierie
  (code général des collectivités territoriales, art. R. 1232-12, created by décret n° 2024-97 du 8 février 2024).
  Here the chargés de mission covering the collectivité's département receive the request first.
- Local ingénierie first: ANCT steps in when the local offer (intercommunalité, agence technique départementale,
  CAUE, syndicats) is not enough, hence the questions about it in the form.
- Cost: ANCT's board (conseil d'administration, 10 mars 2021) decided that its ingénierie is fully paid by ANCT
  for communes under 3 500 inhabitants and EPCI under 15 000 inhabitants; other collectivités co-finance it
  « selon leur degré de fragilité », with flexibility for exceptional situations. Sources: communiqué relayed by
  the préfecture des Alpes-de-Haute-Provence (« Accord du conseil d'administration de l'ANCT de l'accès gratuit
  des prestations d'ingénierie », 18 mars 2021) and Maire-info (16 mars 2021); ANCT's own page could not be
  read when this was written, so the page words it as an indication the chargé de mission confirms.
"""

from accounts.models import Organisation
from assistance.enums import CostRule
from territories.models import TerritoryKind

FREE_COMMUNE_POPULATION_BELOW = 3_500
FREE_EPCI_POPULATION_BELOW = 15_000

COST_RULE_TEXT = {
    CostRule.FREE: (
        "D’après la règle publiée par l’ANCT (décision de son conseil d’administration du 10 mars 2021), "
        "l’ingénierie qu’elle apporte est entièrement prise en charge pour les communes de moins de 3 500 habitants "
        "et les EPCI de moins de 15 000 habitants : votre collectivité est dans ce cas. Le chargé de mission vous "
        "le confirmera."
    ),
    CostRule.COFUNDED: (
        "D’après la règle publiée par l’ANCT (décision de son conseil d’administration du 10 mars 2021), la prise "
        "en charge intégrale vaut pour les communes de moins de 3 500 habitants et les EPCI de moins de 15 000 "
        "habitants. Pour les autres collectivités, l’ANCT prend en charge une part du coût selon leur situation "
        "(fragilité du territoire, circonstances exceptionnelles) : le chargé de mission vous dira ce qui reste "
        "à votre charge."
    ),
    CostRule.UNKNOWN: (
        "La population de votre collectivité n’est pas connue du portail : le chargé de mission vous dira si "
        "l’appui peut être entièrement pris en charge par l’ANCT (c’est le cas pour les communes de moins de "
        "3 500 habitants et les EPCI de moins de 15 000 habitants)."
    ),
}


def organisation_population(organisation: Organisation) -> int | None:
    """The population of the organisation's territory, from the official referential (None when unknown)."""
    territory = {
        TerritoryKind.COMMUNE: organisation.commune,
        TerritoryKind.EPCI: organisation.epci,
        TerritoryKind.DEPARTEMENT: organisation.departement_territory,
        TerritoryKind.REGION: organisation.region_territory,
    }.get(organisation.kind)
    return getattr(territory, "population", None)


def cost_rule_for(kind: str, population: int | None) -> str:
    """Whether ANCT's ingénierie can be free for this collectivité (see the module docstring for the source)."""
    if kind in (TerritoryKind.DEPARTEMENT, TerritoryKind.REGION):
        return CostRule.COFUNDED
    if population is None:
        return CostRule.UNKNOWN
    threshold = FREE_COMMUNE_POPULATION_BELOW if kind == TerritoryKind.COMMUNE else FREE_EPCI_POPULATION_BELOW
    return CostRule.FREE if population < threshold else CostRule.COFUNDED


def cost_rule_text(rule: str) -> str:
    """The French explanation shown to the collectivité for a cost rule."""
    return COST_RULE_TEXT[CostRule(rule)]
