"""Wording of the shipped content that the issue found wrong: each assertion reads every shipped text."""

from tests.common.shipped_texts import plain, shipped_texts


def test_a_commun_numerique_is_governed_by_its_community_public_or_not():
    """The catalogue's own QGIS and Nextcloud are communs without being made « par et pour des acteurs publics »."""
    texts = [plain(text) for text in shipped_texts() if "commun numérique (" in text]
    assert texts
    for text in texts:
        assert "par et pour des acteurs publics" not in text
        assert "gouvernée par sa communauté" in text
