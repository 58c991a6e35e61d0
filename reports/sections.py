"""Sections other apps add to the PDF report, and who else receives it: providers registered at start-up.

The assistance app (ingénierie requests) registers its section in its `AppConfig.ready`:

    from reports.sections import ReportSection, register_section

    def ingenierie(project):
        requests = ...
        if not requests:
            return None  # nothing to show: the section is left out
        return ReportSection(
            key="ingenierie",
            title="Demandes d’ingénierie",
            columns=["Demande", "Statut", "Depuis le"],
            rows=[[r.title, r.get_status_display(), date_format(r.created_at)] for r in requests],
        )

    register_section(ingenierie)

Providers return plain text only (escaped by the PDF template), so a section cannot inject markup.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    intro: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


SectionProvider = Callable[[object], ReportSection | None]
RecipientProvider = Callable[[object], Iterable[str]]

_SECTIONS: dict[str, SectionProvider] = {}
_RECIPIENTS: dict[str, RecipientProvider] = {}


def register_section(provider: SectionProvider, *, name: str | None = None) -> SectionProvider:
    """Register `provider(project) -> ReportSection | None` (usable as a decorator)."""
    _SECTIONS[name or provider.__name__] = provider
    return provider


def unregister_section(name: str) -> None:
    _SECTIONS.pop(name, None)


def sections_for(project) -> list[ReportSection]:
    """The extra sections of this project's report, in registration order (providers returning None are left out)."""
    return [section for provider in _SECTIONS.values() if (section := provider(project)) is not None]


def register_recipients(provider: RecipientProvider, *, name: str | None = None) -> RecipientProvider:
    """Register `provider(project) -> addresses` of more recipients (e.g. chargés de mission following the project)."""
    _RECIPIENTS[name or provider.__name__] = provider
    return provider


def unregister_recipients(name: str) -> None:
    _RECIPIENTS.pop(name, None)


def extra_recipients(project) -> list[str]:
    return [address for provider in _RECIPIENTS.values() for address in provider(project)]
