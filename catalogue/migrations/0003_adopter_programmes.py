from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_french_search"),
        ("territories", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="service",
            name="adopter_programmes",
            field=models.ManyToManyField(
                blank=True,
                editable=False,
                related_name="+",
                to="territories.programme",
                verbose_name="programmes des adopteurs",
            ),
        ),
        migrations.AlterField(
            model_name="adoption",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, db_index=True, verbose_name="modifiée le"),
        ),
        migrations.AlterField(
            model_name="service",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, db_index=True, verbose_name="modifié le"),
        ),
    ]
