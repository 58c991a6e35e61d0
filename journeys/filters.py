import django_filters
from dsfr.forms import DsfrBaseForm

from catalogue.models import Theme
from journeys.models import Project

STAGE_CHOICES = [
    ("agenda", "Mise à l’agenda"),
    ("diagnostic", "Diagnostic"),
    ("cadrage", "Cadrage"),
    ("solution", "Choix de la solution"),
    ("financement", "Financement"),
    ("realisation", "Réalisation"),
]


class ProjectFilterForm(DsfrBaseForm):
    pass


class ProjectFilter(django_filters.FilterSet):
    etape = django_filters.ChoiceFilter(
        label="Étape", field_name="current_stage__key", choices=STAGE_CHOICES, empty_label="Toutes les étapes"
    )
    thematique = django_filters.ModelChoiceFilter(
        label="Thématique",
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label="Toutes les thématiques",
    )

    class Meta:
        model = Project
        fields: list[str] = []
        form = ProjectFilterForm
