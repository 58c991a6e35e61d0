"""Every content data file parses through the one loader and matches its JSON Schema, when it has one."""

import json

import jsonschema
import pytest
from django.conf import settings

from common import datafiles

FILES = datafiles.content_files(settings.BASE_DIR)
WITH_SCHEMA = [path for path in FILES if datafiles.schema_for(path)]


def test_content_files_are_found():
    assert len(FILES) >= 5
    assert len(WITH_SCHEMA) >= 4


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_content_file_parses(path):
    assert datafiles.load(path) is not None


@pytest.mark.parametrize("path", WITH_SCHEMA, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_content_file_matches_its_schema(path):
    schema = json.loads(datafiles.schema_for(path).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(datafiles.load(path), schema)


def test_markdown_front_matter_is_read(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Titre\nslug: titre\n---\n\n# Corps\n", encoding="utf-8")
    assert datafiles.load(page) == {"title": "Titre", "slug": "titre", "body": "# Corps\n"}


def test_a_broken_file_names_itself(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("key: [unclosed\n", encoding="utf-8")
    with pytest.raises(datafiles.ContentFileError, match=r"broken\.yaml"):
        datafiles.load(broken)


def test_a_folder_of_files_of_one_kind_shares_the_schema_beside_the_folder(tmp_path):
    folder = tmp_path / "ressources"
    folder.mkdir()
    page = folder / "page.md"
    page.write_text("---\ntitle: Titre\n---\n", encoding="utf-8")
    assert datafiles.schema_for(page) is None
    (tmp_path / "ressources.schema.json").write_text("{}", encoding="utf-8")
    assert datafiles.schema_for(page) == tmp_path / "ressources.schema.json"
    (folder / "page.schema.json").write_text("{}", encoding="utf-8")
    assert datafiles.schema_for(page) == folder / "page.schema.json"
