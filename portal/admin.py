"""Back-office of the site configuration (django-dsfr's header, footer and notice): superusers only."""

from django.contrib import admin
from django.db import models
from dsfr.admin import DsfrConfigAdmin as DsfrDsfrConfigAdmin
from dsfr.admin import DsfrSocialMediaInline as DsfrDsfrSocialMediaInline
from dsfr.models import DsfrConfig

# Django 6's default, without the deprecation warning django-dsfr's forms raise on Django 5.2.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class DsfrSocialMediaInline(DsfrDsfrSocialMediaInline):
    formfield_overrides = HTTPS_URLS


admin.site.unregister(DsfrConfig)


@admin.register(DsfrConfig)
class DsfrConfigAdmin(DsfrDsfrConfigAdmin):
    formfield_overrides = HTTPS_URLS
    inlines = [DsfrSocialMediaInline]
