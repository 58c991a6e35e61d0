"""Reads of the assistance app, scoped by permission, with what their page shows already joined."""

from django.db.models import QuerySet

from accounts.permissions import organisations_of, organisations_visible_to
from assistance.espace_selectors import unanswered_project_waits
from assistance.models import (
    AssistanceRequest,
    Mobilisation,
    ProjectWait,
    RequestAttachment,
    RequestEvent,
    RequestMessage,
)
from common.precompiled import precompiled_objects
from journeys.models import Project

_LIST_RELATED = ("project", "organisation", "assigned_to")


def requests_of_member(user) -> QuerySet[AssistanceRequest]:
    """« Mes demandes »: the requests of the user's collectivités, newest first."""
    return (
        AssistanceRequest.objects.filter(organisation__in=organisations_of(user).values("pk"))
        .select_related(*_LIST_RELATED)
        .order_by("-created_at", "-pk")
    )


def request_for_page(user, public_id) -> AssistanceRequest:
    """The request, if the user may see it (members, staff in scope); raises AssistanceRequest.DoesNotExist."""
    return (
        AssistanceRequest.objects.filter(organisation__in=organisations_visible_to(user).values("pk"))
        .select_related("project", "organisation", "assigned_to", "submitted_by", "satisfaction")
        .prefetch_related("themes")
        .get(public_id=public_id)
    )


# A request's page reads its thread, files, history and experts with queries compiled once per process
# (common.precompiled): building them cost more than running them.


def _of_request(name: str, build, request: AssistanceRequest) -> list:
    return precompiled_objects(
        ("assistance.request_part", name), lambda markers: build(markers.integer("request")), request=request.pk
    )


def thread_and_attachments(request: AssistanceRequest) -> tuple[list[RequestMessage], list[RequestAttachment]]:
    """The messages, oldest first, with their author and attachments, and the files joined to the request itself
    (not to a message): two queries whatever the thread holds (every file of the request is read at once)."""
    messages = _of_request(
        "thread", lambda pk: RequestMessage.objects.filter(request_id=pk).select_related("author"), request
    )
    files = _of_request("files", lambda pk: RequestAttachment.objects.filter(request_id=pk).order_by("pk"), request)
    by_message: dict[int, list[RequestAttachment]] = {message.pk: [] for message in messages}
    own = []
    for file in files:
        if file.message_id is None:
            own.append(file)
        elif file.message_id in by_message:
            by_message[file.message_id].append(file)
    cache_name = RequestAttachment._meta.get_field("message").remote_field.cache_name
    for message in messages:
        # What prefetch_related("attachments") would leave: message.attachments.all() asks nothing more.
        found = message.attachments.all()
        found._result_cache, found._prefetch_done = by_message[message.pk], True
        message._prefetched_objects_cache = {cache_name: found}
    return messages, own


def history_of(request: AssistanceRequest) -> list[RequestEvent]:
    return _of_request(
        "history",
        lambda pk: RequestEvent.objects.filter(request_id=pk).select_related("actor").order_by("at", "pk"),
        request,
    )


def mobilisations_of(request: AssistanceRequest) -> list[Mobilisation]:
    return _of_request(
        "mobilisations",
        lambda pk: (
            Mobilisation.objects.filter(request_id=pk)
            .select_related("expert", "mobilised_by")
            .order_by("mobilised_at", "pk")
        ),
        request,
    )


def requests_of_project(project: Project) -> list[AssistanceRequest]:
    """A project's requests for its page (the project is already visible to the reader)."""
    return list(project.assistance_requests.order_by("-created_at", "-pk"))


def open_project_wait(project: Project) -> ProjectWait | None:
    """What ANCT still waits for from the collectivité on the project (None: nothing, or a member acted since)."""
    return unanswered_project_waits().filter(project=project).select_related("asked_by").first()
