from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes et collectivités"

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added

        from accounts.second_factor import record_totp_activation

        authenticator_added.connect(record_totp_activation, dispatch_uid="accounts.record_totp_activation")
