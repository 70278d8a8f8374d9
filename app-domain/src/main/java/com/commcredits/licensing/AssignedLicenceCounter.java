package com.commcredits.licensing;

import com.commcredits.directory.HeldLicences;
import com.commcredits.subscription.AssignedLicences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells subscriptions how many licences are assigned, so a quantity never drops below them
 * (R-LIC-1), and the directory whether a user still holds any, so such a user is not deleted.
 */
@ApplicationScoped
public class AssignedLicenceCounter implements AssignedLicences, HeldLicences {
  @Inject LicenceRepository licences;

  @Override
  public long applyAsLong(long organisationId, String sku) {
    return licences.assignedCount(organisationId, sku);
  }

  @Override
  public boolean holdsAny(long userId) {
    return licences.hasAnyActive(userId);
  }
}
