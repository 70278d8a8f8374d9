package com.commcredits.web.api;

import com.commcredits.shared.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller the current API request authenticated as, set by {@link BearerAuthFilter}. */
@RequestScoped
public class ApiCaller {
  private Caller caller;

  void set(Caller caller) {
    this.caller = caller;
  }

  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("No authenticated API caller");
    }
    return caller;
  }
}
