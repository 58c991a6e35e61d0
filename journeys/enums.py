from django.db import models


class TemplateStatus(models.TextChoices):
    DRAFT = "draft", "brouillon"
    PUBLISHED = "published", "publiée"


class StepKind(models.TextChoices):
    TEXT = "text", "réponse libre"
    SINGLE_CHOICE = "single_choice", "choix unique"
    MULTIPLE_CHOICE = "multiple_choice", "choix multiples"
    CHECKLIST = "checklist", "point à vérifier"
    DELIVERABLE = "deliverable", "livrable (fichier)"
    LINK = "link", "lien vers une ressource"
    DIAGNOSTIC = "diagnostic", "diagnostic de maturité"
    ETHICS_CHECK = "ethics_check", "cadrage éthique et juridique"


class TransitionKind(models.TextChoices):
    START = "start", "démarrage"
    FORWARD = "forward", "passage à l’étape suivante"
    BACK = "back", "retour à une étape précédente"


class EventKind(models.TextChoices):
    CREATED = "created", "création du projet"
    UPDATED = "updated", "présentation modifiée"
    STEP_SAVED = "step_saved", "action renseignée"
    STAGE_FORWARD = "stage_forward", "étape suivante"
    STAGE_BACK = "stage_back", "retour en arrière"
    STAGE_VALIDATED = "stage_validated", "étape validée par l’ANCT"
    STAGE_VALIDATION_VOIDED = "validation_voided", "validation ANCT annulée par une modification"
    COMMENT = "comment", "commentaire"
    DIAGNOSTIC = "diagnostic", "diagnostic"
    ETHICS = "ethics", "cadrage éthique"
    SHORTLIST = "shortlist", "présélection de solution"
