"""The version token (common.fragments) of the collectivités' admin list kept in the cache (accounts.admin): every
write of a collectivité moves it (accounts.apps connects the receiver; no code updates collectivités through a
queryset's update())."""

from common.fragments import bump_version

ORGANISATION_LIST = "accounts:organisation-list"


def organisation_list_changed(sender, **kwargs) -> None:
    bump_version(ORGANISATION_LIST)
