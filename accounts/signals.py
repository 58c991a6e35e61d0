"""Signals of the accounts app, for the apps above it (accounts may not import them).

`organisation_status_changed` is sent inside the transaction that confirms or refuses a collectivité
(kwargs: `organisation`), so that what the other apps derive from the status (the catalogue's public
adopters and counts) changes in the same transaction.
"""

from django.dispatch import Signal

organisation_status_changed = Signal()
