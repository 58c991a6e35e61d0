"""French typography in the PDF text, whatever editors or users typed; tags and entities left intact."""

import pytest

from reports.rendering import french_spacing


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Score global : 33</p>", "<p>Score global\u00a0: 33</p>"),
        ("<p>Score global: 33</p>", "<p>Score global\u00a0: 33</p>"),
        ("<p>Score global&nbsp;: 33</p>", "<p>Score global\u00a0: 33</p>"),
        ("<p>Vraiment ? Oui ! Ensuite ; fin</p>", "<p>Vraiment\u202f? Oui\u202f! Ensuite\u202f; fin</p>"),
        ("<p>« Projet »</p>", "<p>«\u00a0Projet\u00a0»</p>"),
        ("<p>à 13:00, http://exemple.fr/?a=1</p>", "<p>à 13:00, http://exemple.fr/?a=1</p>"),
        ("<p>gras &amp; &lt;b&gt; ; fin</p>", "<p>gras &amp; &lt;b&gt;\u202f; fin</p>"),
        ('<a href="http://x.fr/?q=1 ;">lien</a>', '<a href="http://x.fr/?q=1 ;">lien</a>'),
    ],
)
def test_french_spacing(source, expected):
    assert french_spacing(source) == expected
