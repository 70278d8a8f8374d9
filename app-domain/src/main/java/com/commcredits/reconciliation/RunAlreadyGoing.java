package com.commcredits.reconciliation;

import com.commcredits.shared.ConflictException;

/** Another reconciliation run is going somewhere in the cluster (the API answers 409). */
public class RunAlreadyGoing extends ConflictException {
  private static final long serialVersionUID = 1L;

  public RunAlreadyGoing() {
    super("A reconciliation run is already going.");
  }
}
