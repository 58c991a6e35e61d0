"""Signals journeys sends for the apps above it (reports), which journeys must not import.

- ``diagnostic_completed(sender=Project, project, user)``: the maturity diagnostic of `project` has just been
  completed by `user`, inside the transaction that saved it (a receiver's writes commit or roll back with it).
"""

from django.dispatch import Signal

diagnostic_completed = Signal()
