from django.db import models


class RequestKind(models.TextChoices):
    CADRAGE_OPINION = "avis_cadrage", "avis sur le cadrage"
    GUIDED_DIAGNOSTIC = "diagnostic", "diagnostic accompagné"
    PROJECT_SUPPORT = "amo", "assistance à maîtrise d’ouvrage"
    LEGAL_ETHICS = "juridique_ethique", "expertise juridique ou éthique"
    TRAINING = "formation", "formation des élus et des agents"
    PEER_CONTACT = "mise_en_relation", "mise en relation avec des territoires qui ont fait de même"


class RequestStatus(models.TextChoices):
    SUBMITTED = "deposee", "déposée"
    REVIEWING = "instruction", "en instruction"
    ACCEPTED = "acceptee", "acceptée"
    REDIRECTED = "reorientee", "réorientée"
    REFUSED = "refusee", "refusée"
    EXPERTS_MOBILISED = "experts", "experts mobilisés"
    CLOSED = "cloturee", "clôturée"


# Statuses in which ANCT still has to act (the request is « ouverte »).
OPEN_STATUSES = (
    RequestStatus.SUBMITTED,
    RequestStatus.REVIEWING,
    RequestStatus.ACCEPTED,
    RequestStatus.EXPERTS_MOBILISED,
)

# The workflow: from each status, the statuses a chargé de mission may move a request to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    RequestStatus.SUBMITTED: (RequestStatus.REVIEWING,),
    RequestStatus.REVIEWING: (RequestStatus.ACCEPTED, RequestStatus.REDIRECTED, RequestStatus.REFUSED),
    RequestStatus.ACCEPTED: (RequestStatus.EXPERTS_MOBILISED, RequestStatus.CLOSED),
    RequestStatus.EXPERTS_MOBILISED: (RequestStatus.CLOSED,),
    RequestStatus.REDIRECTED: (),
    RequestStatus.REFUSED: (),
    RequestStatus.CLOSED: (),
}


class Urgency(models.TextChoices):
    LOW = "faible", "pas urgent (dans l’année)"
    NORMAL = "normale", "dans les prochains mois"
    HIGH = "forte", "urgent (moins d’un mois)"


class LocalSupport(models.TextChoices):
    """Whether the local ingénierie was approached first, as ANCT's doctrine asks, and what it answered."""

    NOT_APPROACHED = "non_sollicitee", "non, nous ne l’avons pas encore sollicitée"
    NO_ANSWER = "sans_reponse", "oui, sans réponse à ce jour"
    DECLINED = "refus", "oui, elle ne peut pas nous accompagner sur ce sujet"
    PARTIAL = "partiel", "oui, elle nous accompagne en partie"
    NONE_AVAILABLE = "inexistante", "il n’existe pas d’ingénierie locale sur ce sujet chez nous"


class LocalActor(models.TextChoices):
    EPCI = "epci", "l’intercommunalité"
    DEPARTMENT_AGENCY = "agence_departementale", "l’agence technique départementale"
    CAUE = "caue", "le CAUE"
    SYNDICATE = "syndicat", "un syndicat (numérique, informatique, énergie…)"
    OTHER = "autre", "un autre acteur (centre de gestion, région, réseau…)"


class CostRule(models.TextChoices):
    FREE = "gratuit", "prise en charge intégrale par l’ANCT"
    COFUNDED = "cofinance", "cofinancement par la collectivité selon sa situation"
    UNKNOWN = "inconnu", "à préciser avec le chargé de mission"


class EventKind(models.TextChoices):
    SUBMITTED = "deposee", "dépôt de la demande"
    STATUS = "statut", "changement de statut"
    MESSAGE = "message", "message"
    ASSIGNED = "attribution", "attribution"
    MOBILISED = "mobilisation", "mobilisation d’un expert"
    WAITING = "attente", "attente de la collectivité"
    REMINDER = "relance", "relance"
    ESCALATED = "escalade", "escalade"
    SATISFACTION = "satisfaction", "avis de la collectivité"


class ExpertKind(models.TextChoices):
    PERSON = "personne", "personne"
    BODY = "organisme", "organisme"


class Usefulness(models.TextChoices):
    YES = "oui", "oui, tout à fait"
    PARTLY = "en_partie", "en partie"
    NO = "non", "non"


class Recommendation(models.TextChoices):
    YES = "oui", "oui"
    MAYBE = "peut_etre", "peut-être"
    NO = "non", "non"
