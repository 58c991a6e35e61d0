"""allauth adapter: French messages of our own and where people land after logging in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

from accounts import selectors

THROTTLE_MESSAGE = (
    "Trop de tentatives de connexion échouées pour ce compte. Par sécurité, la connexion est bloquée "
    "pendant 5 minutes. Réessayez plus tard, ou réinitialisez votre mot de passe."
)


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": THROTTLE_MESSAGE,
        "email_password_mismatch": "L’adresse électronique ou le mot de passe est incorrect.",
    }

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """A person who belongs to no collectivité yet (and waits for no answer) is taken to « Rejoindre »."""
        if selectors.needs_onboarding(request.user):
            return reverse("accounts:onboarding")
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        """Right after sign-up (and its email verification), the next step is to pick one's collectivité."""
        return reverse("accounts:onboarding")
