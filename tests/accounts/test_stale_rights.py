"""Rights do not outlive the decision that ended them: no membership is granted in a refused collectivité."""

import pytest

from accounts import services
from accounts.models import Membership
from tests.accounts.factories import JoinRequestFactory, MembershipFactory, OrganisationFactory, StaffUserFactory


def test_a_request_left_pending_for_a_refused_organisation_cannot_be_approved():
    # reject_organisation refuses the pending requests, but an approval racing with the refusal (or a request
    # recorded before that rule) must not bring a member into the refused collectivité.
    organisation = OrganisationFactory(rejected=True, name="Marseille")
    join_request = JoinRequestFactory(organisation=organisation)
    staff = StaffUserFactory(scope_departements=[organisation.departement])
    with pytest.raises(services.JoinRequestError, match="L’ANCT a refusé l’inscription de « Marseille »"):
        services.approve_join_request(join_request=join_request, decided_by=staff)
    assert not Membership.objects.filter(organisation=organisation).exists()
    join_request.refresh_from_db()
    assert join_request.status == "pending"


def test_a_request_to_a_confirmed_or_pending_organisation_is_still_approved():
    for organisation in (OrganisationFactory(), OrganisationFactory(pending=True)):
        referent = MembershipFactory(organisation=organisation, role="referent").user
        join_request = JoinRequestFactory(organisation=organisation)
        services.approve_join_request(join_request=join_request, decided_by=referent)
        assert Membership.objects.filter(organisation=organisation, user=join_request.user).exists()
