from django.http import HttpRequest

from accounts.second_factor import second_factor_notice


def second_factor(request: HttpRequest) -> dict:
    """The banner telling a staff member that their ANCT powers wait for the second factor (None for everyone else)."""
    return {"second_factor_notice": second_factor_notice(request)}
