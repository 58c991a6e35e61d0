"""The static files storage of production: whitenoise's compressed manifest storage, each URL worked out once.

The manifest is read when the process starts and does not change while it runs, yet Django works a file's URL out
anew at each `{% static %}` (manifest lookup, URL quoting and joining: ~20 µs), and an admin page asks for a dozen.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

_MAX_URLS = 4096  # names come from templates; the bound only guards against a template fed with arbitrary names


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._urls: dict[tuple, str] = {}

    def url(self, name, force=False) -> str:
        # base_url follows STATIC_URL; DEBUG serves unhashed names.
        key = (name, force, settings.DEBUG, self.base_url)
        url = self._urls.get(key)
        if url is None:
            url = super().url(name, force)
            if len(self._urls) < _MAX_URLS:
                self._urls[key] = url
        return url
