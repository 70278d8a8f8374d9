package com.commcredits.organisation;

import com.commcredits.money.SupportedCurrency;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reads the caller's own organisation; provisions new organisations (an operator's or the demo
 * data's act).
 */
@Stateless
public class OrganisationService {
  @Inject OrganisationRepository organisations;
  @Inject Clock clock;

  public Organisation current(Caller caller) {
    return organisations
        .find(caller.organisationId())
        .orElseThrow(() -> new NotFoundException("The organisation"));
  }

  public Optional<Organisation> findByName(String name) {
    return organisations.findByName(name);
  }

  public Organisation provision(
      String name, String billingCountry, SupportedCurrency currency, ZoneId timeZone) {
    return organisations.add(
        new Organisation(name, billingCountry, currency, timeZone, clock.instant()));
  }
}
