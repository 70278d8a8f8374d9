package com.commcredits.wallet;

import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.ZoneId;

/** The organisation's time zone, for calendar days on pages, emails and lot expiry. */
@Dependent
class Zones {
  @Inject OrganisationRepository organisations;

  ZoneId of(long organisationId) {
    return organisations.find(organisationId).map(Organisation::timeZone).orElse(ZoneId.of("UTC"));
  }
}
