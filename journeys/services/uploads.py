"""Deliverable uploads: a file is accepted for what its content is (magic bytes), never for its name or the type the
browser announces; office archives are checked without being inflated. Also used by assistance for attachments."""

import struct
import zipfile

from django.conf import settings
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from journeys.services.errors import UploadRefusedError

MAX_UPLOAD_BYTES = settings.UPLOAD_MAX_BYTES

# Allowed deliverables: detected from the content (magic bytes), never from the name or the browser's type.
ALLOWED_EXTENSIONS = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "txt": "text/plain",
}
UPLOAD_REFUSED = (
    "Ce type de fichier n’est pas accepté. Formats acceptés : PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX, CSV ou TXT."
)


# Office documents are zip archives. Their check reads the central directory and a bounded prefix of one entry,
# never a whole entry: a 300 KB "document" may inflate to gigabytes (zip bomb). What the archive declares is capped;
# zipfile never inflates an entry past its declared size.
MAX_ARCHIVE_ENTRIES = 2_000
MAX_ARCHIVE_INFLATED_BYTES = 100 * 1024 * 1024
MAX_CENTRAL_DIRECTORY_BYTES = 1024 * 1024
ARCHIVE_REFUSED = (
    "Ce fichier est une archive anormale : elle se décompresse en plus de 100\u00a0Mo ou contient plus de 2\u00a0000 "
    "fichiers. "
    "Enregistrez le document à nouveau depuis votre logiciel de bureautique, ou déposez-le en PDF."
)
_END_OF_CENTRAL_DIRECTORY = struct.Struct("<4s4H2LH")
_OFFICE_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def _central_directory_fits(upload: UploadedFile) -> bool:
    """The archive's own end record announces a directory small enough to parse (before zipfile parses it)."""
    upload.seek(0, 2)
    size = upload.tell()
    tail_size = min(size, _END_OF_CENTRAL_DIRECTORY.size + 65_535)  # the record and its longest comment
    upload.seek(size - tail_size)
    tail = upload.read(tail_size)
    position = tail.rfind(b"PK\x05\x06")
    if position < 0 or len(tail) - position < _END_OF_CENTRAL_DIRECTORY.size:
        return True  # not a readable archive: zipfile says so
    fields = _END_OF_CENTRAL_DIRECTORY.unpack_from(tail, position)
    entries, directory_bytes = fields[4], fields[5]
    return entries <= MAX_ARCHIVE_ENTRIES and directory_bytes <= MAX_CENTRAL_DIRECTORY_BYTES


def _sniff_zip(upload: UploadedFile) -> str | None:
    """The office format of a zip archive, or None. Raises UploadRefusedError for a zip bomb."""
    if not _central_directory_fits(upload):
        raise UploadRefusedError(ARCHIVE_REFUSED)
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES or sum(e.file_size for e in entries) > MAX_ARCHIVE_INFLATED_BYTES:
                raise UploadRefusedError(ARCHIVE_REFUSED)
            names = {entry.filename for entry in entries}
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    mimetype = entry.read(100)  # a bounded read: at most 100 bytes are inflated
                return _OFFICE_MIMETYPES.get(mimetype.decode("ascii", "replace").strip())
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return "docx"
                if any(name.startswith("xl/") for name in names):
                    return "xlsx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError, KeyError):
        return None  # corrupt, encrypted or of an unknown compression: not an accepted document
    return None


def detect_file_type(upload: UploadedFile) -> str | None:
    """The extension matching the file's content (magic bytes), or None when it is not an allowed type."""
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    if b"\x00" in head:
        return None
    try:
        upload.seek(0)
        sample = upload.read(64 * 1024)
        upload.seek(0)
        sample.decode("utf-8")
    except UnicodeDecodeError:
        try:
            sample.decode("cp1252")
        except UnicodeDecodeError:
            return None
    return "text"


def check_upload(upload: UploadedFile) -> tuple[str, str]:
    """(extension, content type) of an acceptable upload. Raises UploadRefusedError with a French message."""
    if upload.size is None or upload.size == 0:
        raise UploadRefusedError("Le fichier est vide.")
    if upload.size > MAX_UPLOAD_BYTES:
        raise UploadRefusedError("Le fichier dépasse la taille maximale de 10 Mo.")
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise UploadRefusedError(UPLOAD_REFUSED)
    detected = detect_file_type(upload)
    compatible = detected == extension or (detected == "jpg" and extension == "jpeg")
    if detected == "text":
        compatible = extension in {"csv", "txt"}
    if not compatible:
        raise UploadRefusedError(
            "Le contenu du fichier ne correspond pas à son extension ou à un format accepté "
            "(PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX, CSV ou TXT)."
        )
    return extension, ALLOWED_EXTENSIONS[extension]


def delete_file_on_commit(storage: Storage, name: str) -> None:
    """Delete `name` from `storage` (the storage API, so the same on disk or on object storage) after commit."""
    transaction.on_commit(lambda: storage.delete(name))
