"""Assistance test data: requests on projects of the journeys sample, experts, and the role world's request."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from assistance.enums import LocalSupport, RequestKind, RequestStatus, Urgency
from assistance.models import AssistanceRequest, Expert, RequestMessage
from tests.journeys.factories import PDF_BYTES, ProjectFactory


def pdf_upload(name: str = "note.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


class AssistanceRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssistanceRequest

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.LazyAttribute(lambda o: o.project.organisation)
    kind = RequestKind.PROJECT_SUPPORT
    need = "Nous voulons un appui pour rédiger le cahier des charges de notre assistant d’accueil."
    urgency = Urgency.NORMAL
    local_support = LocalSupport.DECLINED
    status = RequestStatus.SUBMITTED

    class Params:
        reviewing = factory.Trait(status=RequestStatus.REVIEWING)
        accepted = factory.Trait(status=RequestStatus.ACCEPTED)
        closed = factory.Trait(status=RequestStatus.CLOSED, outcome="Cahier des charges rédigé avec le Cerema.")


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    name = factory.Sequence(lambda n: f"Experte {n}")
    organisation = "Cerema"
    email = factory.Sequence(lambda n: f"experte{n}@cerema.example.fr")
    is_national = True


class RequestMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequestMessage

    request = factory.SubFactory(AssistanceRequestFactory)
    body = "Bonjour, voici notre note."
    body_html = "<p>Bonjour, voici notre note.</p>"
