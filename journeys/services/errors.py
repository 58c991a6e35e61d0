"""The refusals of the journey rules. Each carries a French message shown as is to the user."""


class JourneyError(Exception):
    """A rule of the journey refused the action; the message is French and shown to the user."""


class NoTemplateError(JourneyError):
    pass


class StepNotInProjectError(JourneyError):
    pass


class StageLockedError(JourneyError):
    pass


class InvalidAnswerError(JourneyError):
    pass


class UploadRefusedError(InvalidAnswerError):
    pass


class StageIncompleteError(JourneyError):
    pass


class SkipAheadError(JourneyError):
    pass
