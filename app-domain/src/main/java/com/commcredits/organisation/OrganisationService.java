package com.commcredits.organisation;

import com.commcredits.money.SupportedCurrency;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reads the caller's own organisation; provisions new organisations and names the one that
 * publishes the rate cards (an operator's or the demo data's act).
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

  /**
   * Makes the caller's organisation the operator's, whose Global admins publish the rate cards
   * (R-RATE-1). Only the system does this (the demo data; in production the operator sets the
   * column): no admin or API key can make their own organisation a publisher.
   */
  public void designateRatePublisher(Caller caller) {
    if (caller.actorType() != Caller.ActorType.SYSTEM) {
      throw new AccessDeniedException("Only the operator designates who publishes rates.");
    }
    organisations
        .lock(caller.organisationId())
        .orElseThrow(() -> new NotFoundException("The organisation"))
        .publishRates();
  }
}
