"""A licence corrected in the shipped data reaches existing rows through a data migration, never over an editor's
value (the LimeSurvey/Publik fix in 0007, BigBlueButton in 0008)."""

import importlib

import pytest
from django.apps import apps

from catalogue.demo import SERVICES
from tests.catalogue.factories import ServiceFactory

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("catalogue.migrations.0008_bigbluebutton_licence")


def test_the_migration_corrects_the_shipped_value_and_leaves_an_edited_one():
    shipped = ServiceFactory(slug="bigbluebutton", licence="LGPL-3.0-only")
    MIGRATION.correct_licences(apps, None)
    shipped.refresh_from_db()
    assert shipped.licence == "LGPL-3.0-or-later"

    shipped.licence = "GPL-3.0-only"  # an editor's choice, right or wrong, is theirs
    shipped.save()
    MIGRATION.correct_licences(apps, None)
    shipped.refresh_from_db()
    assert shipped.licence == "GPL-3.0-only"


def test_the_shipped_data_carries_every_correction():
    licences = {service["slug"]: service["licence"] for service in SERVICES}
    for slug, (_shipped, corrected) in MIGRATION.CORRECTIONS.items():
        assert licences[slug] == corrected
