"""Receivers of the journeys app (connected in JourneysConfig.ready).

A project's answers are also deleted by cascades the journeys services do not run (an organisation or a
project deleted in the back-office): the receiver makes their files leave the storage too.
"""

from journeys.services import delete_file_on_commit


def delete_answer_file(sender, *, instance, **kwargs) -> None:
    """A deleted answer's deliverable leaves the storage once the deletion is committed."""
    if instance.file:
        delete_file_on_commit(instance.file.storage, instance.file.name)
