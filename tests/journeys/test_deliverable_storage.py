"""A replaced or deleted deliverable leaves the storage once the transaction commits (and only then).

Run against a real file system storage in a temporary folder, through the storage API the code uses.
"""

import os

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from journeys import services
from journeys.models import StepAnswer
from tests.journeys.factories import PDF_BYTES, ProjectFactory, move_to, sample_template, step


@pytest.fixture
def storage(tmp_path, monkeypatch):
    storage = FileSystemStorage(location=tmp_path)
    monkeypatch.setattr(StepAnswer._meta.get_field("file"), "storage", storage)
    return storage


@pytest.fixture
def project(world):
    sample_template()
    return move_to(ProjectFactory(organisation=world["org"]), "cadrage")


def _upload(client, project, capture, name="note.pdf", **extra):
    answer = StepAnswer.objects.filter(project=project, step__key="note-cadrage").first()
    url = reverse(
        "journeys:step_save", kwargs={"public_id": project.public_id, "step_id": step(project, "note-cadrage").pk}
    )
    data = {"version": answer.version if answer else 0, **extra}
    if name:
        data["file"] = SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")
    with capture(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return StepAnswer.objects.get(project=project, step__key="note-cadrage")


def test_replacing_a_deliverable_deletes_the_old_file(
    client, world, project, storage, django_capture_on_commit_callbacks
):
    client.force_login(world["member"])
    first = _upload(client, project, django_capture_on_commit_callbacks).file.name
    assert storage.exists(first)
    second = _upload(client, project, django_capture_on_commit_callbacks, name="note-v2.pdf").file.name
    assert second != first
    assert storage.exists(second)
    assert not storage.exists(first)


def test_deleting_a_deliverable_deletes_its_file_and_undoes_the_step(
    client, world, project, storage, django_capture_on_commit_callbacks
):
    client.force_login(world["member"])
    name = _upload(client, project, django_capture_on_commit_callbacks).file.name
    page = client.get(f"{project.get_absolute_url()}?etape=cadrage").text
    assert "Supprimer le fichier déposé" in page
    answer = _upload(client, project, django_capture_on_commit_callbacks, name=None, remove_file="on")
    assert not answer.file
    assert answer.file_name == ""
    assert not answer.done
    assert not storage.exists(name)


def test_the_old_file_stays_when_the_transaction_rolls_back(
    world, project, storage, django_capture_on_commit_callbacks
):
    answer = services.save_step_answer(
        project=project,
        step_id=step(project, "note-cadrage").pk,
        user=world["member"],
        data={},
        expected_version=0,
        upload=SimpleUploadedFile("note.pdf", PDF_BYTES),
    )
    first = answer.file.name

    def save_then_fail() -> None:
        with transaction.atomic():
            services.save_step_answer(
                project=project,
                step_id=step(project, "note-cadrage").pk,
                user=world["member"],
                data={},
                expected_version=1,
                upload=SimpleUploadedFile("note-v2.pdf", PDF_BYTES),
            )
            raise RuntimeError("the request failed later on")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        save_then_fail()
    assert storage.exists(first)
    assert StepAnswer.objects.get().file.name == first


def test_a_refused_save_leaves_no_new_file_behind(world, project, storage):
    services.save_step_answer(
        project=project,
        step_id=step(project, "note-cadrage").pk,
        user=world["member"],
        data={},
        expected_version=0,
        upload=SimpleUploadedFile("note.pdf", PDF_BYTES),
    )
    with pytest.raises(services.StaleAnswerError):
        services.save_step_answer(
            project=project,
            step_id=step(project, "note-cadrage").pk,
            user=world["member"],
            data={},
            expected_version=0,
            upload=SimpleUploadedFile("note-v2.pdf", PDF_BYTES),
        )
    assert sum(len(files) for _root, _dirs, files in os.walk(storage.location)) == 1


@pytest.mark.parametrize("deleted", ["project", "organisation"])
def test_deleting_a_project_or_its_organisation_deletes_its_files(
    world, project, storage, django_capture_on_commit_callbacks, deleted
):
    answer = services.save_step_answer(
        project=project,
        step_id=step(project, "note-cadrage").pk,
        user=world["member"],
        data={},
        expected_version=0,
        upload=SimpleUploadedFile("note.pdf", PDF_BYTES),
    )
    assert storage.exists(answer.file.name)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        (project if deleted == "project" else project.organisation).delete()
    assert not storage.exists(answer.file.name)
