from django.db import migrations

# Shipped licences corrected after a check against each project's repository (docs/content-verification.md):
# BigBlueButton's source files are « LGPL version 3.0 or (at your option) any later version ».
# Only a row that still carries the shipped value changes; a value an editor set is left alone.
CORRECTIONS = {
    "bigbluebutton": ("LGPL-3.0-only", "LGPL-3.0-or-later"),
}


def correct_licences(apps, schema_editor):
    Service = apps.get_model("catalogue", "Service")
    for slug, (shipped, corrected) in CORRECTIONS.items():
        Service.objects.filter(slug=slug, licence=shipped).update(licence=corrected)


def restore_licences(apps, schema_editor):
    Service = apps.get_model("catalogue", "Service")
    for slug, (shipped, corrected) in CORRECTIONS.items():
        Service.objects.filter(slug=slug, licence=corrected).update(licence=shipped)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0007_service_licence_expressions")]

    operations = [migrations.RunPython(correct_licences, restore_licences)]
