"""The portal's authentication backends: Django's and allauth's, the logged-in user read by a precompiled query.

Every logged-in request loads its user (django.contrib.auth.get_user calls the session's backend's get_user):
building and compiling `User.objects.get(pk=…)` cost 0.4 ms of CPU, three times what running it costs. The row and
the checks are Django's: the same columns, None for an unknown or inactive user, and the session's password hash
still checked by django.contrib.auth.get_user afterwards.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db.models import QuerySet

from accounts.models import User
from common.precompiled import Markers, precompiled_objects


def _user_query(markers: Markers) -> QuerySet:
    return User._default_manager.filter(pk=markers.integer("pk"))


class _PrecompiledUser:
    def get_user(self, user_id):
        if type(user_id) is not int:
            return super().get_user(user_id)
        found = precompiled_objects("accounts.backends.user", _user_query, pk=user_id)
        if not found:
            return None
        user = found[0]
        return user if self.user_can_authenticate(user) else None


class ModelBackend(_PrecompiledUser, DjangoModelBackend):
    """Django's ModelBackend (password login by email, permissions)."""


class AuthenticationBackend(_PrecompiledUser, AllauthBackend):
    """allauth's backend (the login form's)."""
