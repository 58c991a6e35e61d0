"""Post an admin change form as a browser would: every field with the value the page shows, some changed."""

from django.db.models import Model
from django.test import Client
from django.urls import reverse


def admin_change(client: Client, instance: Model, **changes) -> None:
    """Submit the admin change page of `instance` with `changes` over its current values; asserts it saved."""
    opts = instance._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk])
    form = client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = changes.get(name, form[name].value())
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
