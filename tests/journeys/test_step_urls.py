"""Each step block of the project page links to its own save and download URLs (built from one reverse)."""

from django.urls import reverse

from tests.journeys.factories import ProjectFactory, sample_template


def test_every_step_block_posts_and_downloads_at_its_own_url(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    response = client_as(world["member"]).get(project.get_absolute_url())
    items = response.context["items"]
    assert items
    html = response.content.decode()
    for item in items:
        kwargs = {"public_id": project.public_id, "step_id": item["step"].pk}
        assert item["save_url"] == reverse("journeys:step_save", kwargs=kwargs)
        assert item["download_url"] == reverse("journeys:deliverable_download", kwargs=kwargs)
        assert f'id="action-{item["step"].pk}"' in html
        if item["editable"]:
            assert f'action="{item["save_url"]}"' in html
