package com.commcredits.web.security;

import com.commcredits.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * What the session remembers about the signed-in admin; the caller itself is read afresh each
 * request.
 */
public record SignedInAdmin(long adminId, String email, String organisationName, String timeZone)
    implements Serializable {
  public static final String SESSION_ATTRIBUTE = SignedInAdmin.class.getName();
  public static final String CALLER_ATTRIBUTE = Caller.class.getName();

  /**
   * The caller of the current page request, set by the page base class once it has checked the
   * session.
   */
  public static Caller caller(HttpServletRequest request) {
    return (Caller) request.getAttribute(CALLER_ATTRIBUTE);
  }

  public static SignedInAdmin of(HttpServletRequest request) {
    var session = request.getSession(false);
    return session == null ? null : (SignedInAdmin) session.getAttribute(SESSION_ATTRIBUTE);
  }
}
