"""Office documents are zip archives: their content check reads a bounded prefix of one entry and caps what the
archive declares (entries, inflated size), so a zip bomb is refused without being inflated."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from journeys import services
from journeys.models import StepAnswer
from tests.journeys.factories import ProjectFactory, move_to, sample_template, step

ODT = "application/vnd.oasis.opendocument.text"
MIB = 1024 * 1024


def _odt(*, mimetype_padding: int = 0, entries: int = 1) -> bytes:
    """An ODT-shaped archive; `mimetype_padding` spaces inflate its first entry (a bomb when large)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as entry:
            entry.write(ODT.encode())
            chunk = b" " * MIB
            for _ in range(mimetype_padding // MIB):
                entry.write(chunk)
        for index in range(entries):
            archive.writestr(f"content-{index}.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """The reported bomb: a small .odt whose `mimetype` entry inflates to 300 MiB."""
    return _odt(mimetype_padding=300 * MIB)


def _peak_memory_of(function, *args) -> tuple[object, int]:
    tracemalloc.start()
    try:
        try:
            result = function(*args)
        except services.UploadRefusedError as error:
            result = error
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_reported_bomb_is_small_on_disk(bomb):
    assert len(bomb) < 2 * MIB
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert archive.getinfo("mimetype").file_size > 300 * MIB


def test_a_zip_bomb_is_refused_without_being_inflated(bomb):
    result, peak = _peak_memory_of(services.check_upload, SimpleUploadedFile("bombe.odt", bomb))
    assert isinstance(result, services.UploadRefusedError)
    assert "se décompresse en plus de 100\u00a0Mo" in str(result)
    assert peak < 5 * MIB, f"peak {peak / MIB:.1f} MiB"


def test_an_archive_of_too_many_entries_is_refused():
    with pytest.raises(services.UploadRefusedError, match="plus de 2\u00a0000"):
        services.check_upload(SimpleUploadedFile("liasse.odt", _odt(entries=2_001)))


def test_an_ordinary_odt_is_accepted_by_its_content():
    assert services.check_upload(SimpleUploadedFile("note.odt", _odt(entries=5))) == ("odt", ODT)


def test_a_bomb_posted_as_a_deliverable_gets_a_french_error_and_nothing_is_saved(client_as, world, bomb):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    url = reverse(
        "journeys:step_save", kwargs={"public_id": project.public_id, "step_id": step(project, "note-cadrage").pk}
    )
    response = client_as(world["member"]).post(url, {"version": "0", "file": SimpleUploadedFile("bombe.odt", bomb)})
    assert response.status_code == 400
    assert "se décompresse en plus de 100\u00a0Mo" in response.text
    assert not StepAnswer.objects.exists()
