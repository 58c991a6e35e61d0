from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes et collectivités"

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added
        from django.db.models.signals import post_delete, post_save

        from accounts.list_versions import organisation_list_changed
        from accounts.models import Organisation
        from accounts.second_factor import record_totp_activation

        authenticator_added.connect(record_totp_activation, dispatch_uid="accounts.record_totp_activation")
        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(organisation_list_changed, sender=Organisation, dispatch_uid=f"accounts.list.{name}")
