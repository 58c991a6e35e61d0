import io
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from journeys.models import StepAnswer
from tests.journeys.factories import PDF_BYTES, ProjectFactory, move_to, sample_template, step


def _setup(world):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    deliverable = step(project, "note-cadrage")
    url = reverse("journeys:step_save", kwargs={"public_id": project.public_id, "step_id": deliverable.pk})
    download = reverse(
        "journeys:deliverable_download", kwargs={"public_id": project.public_id, "step_id": deliverable.pk}
    )
    return project, url, download


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_member_uploads_a_pdf_stored_privately_and_downloads_it_as_attachment(client_as, world):
    _project, url, download = _setup(world)
    client = client_as(world["member"])
    upload = SimpleUploadedFile("Note de cadrage.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(url, {"version": "0", "file": upload, "note": "Version du 3 mars"})
    assert response.status_code == 302
    answer = StepAnswer.objects.get()
    assert answer.done
    assert answer.file_name == "Note de cadrage.pdf"
    assert Path(answer.file.path).is_relative_to(Path(settings.PRIVATE_STORAGE_ROOT))
    served = client.get(download)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served.content == PDF_BYTES
    assert client_as(world["outsider"]).get(download).status_code == 404


def test_member_uploads_a_docx_recognised_by_its_content(client_as, world):
    _project, url, _download = _setup(world)
    upload = SimpleUploadedFile("budget.docx", _docx())
    assert client_as(world["member"]).post(url, {"version": "0", "file": upload}).status_code == 302
    assert StepAnswer.objects.get().file_type.endswith("wordprocessingml.document")


def test_disguised_executable_is_refused_and_nothing_is_saved(client_as, world):
    _project, url, _download = _setup(world)
    upload = SimpleUploadedFile("note.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100)
    response = client_as(world["member"]).post(url, {"version": "0", "file": upload})
    assert response.status_code == 400
    assert "ne correspond pas à son extension" in response.content.decode()
    assert not StepAnswer.objects.exists()


def test_disallowed_extension_is_refused(client_as, world):
    _project, url, _download = _setup(world)
    upload = SimpleUploadedFile("page.html", b"<script>alert(1)</script>")
    response = client_as(world["member"]).post(url, {"version": "0", "file": upload})
    assert response.status_code == 400
    assert "type de fichier n’est pas accepté" in response.content.decode()
    assert not StepAnswer.objects.exists()


def test_oversized_upload_is_refused(client_as, world):
    _project, url, _download = _setup(world)
    upload = SimpleUploadedFile("gros.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024))
    response = client_as(world["member"]).post(url, {"version": "0", "file": upload})
    assert response.status_code == 400
    assert "taille maximale de 10 Mo" in response.content.decode()
    assert not StepAnswer.objects.exists()
