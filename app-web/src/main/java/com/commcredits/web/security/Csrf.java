package com.commcredits.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-session synchroniser token that every state-changing form carries as {@value #PARAMETER}.
 */
public final class Csrf {
  public static final String PARAMETER = "_csrf";
  private static final String ATTRIBUTE = Csrf.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  /** The session's token, created (with the session) on first use. */
  public static String token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    String token = (String) session.getAttribute(ATTRIBUTE);
    if (token == null) {
      token = renew(session);
    }
    return token;
  }

  /** A fresh token, e.g. after sign-in, so a token seen before sign-in is worthless after it. */
  public static String renew(HttpSession session) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(ATTRIBUTE, token);
    return token;
  }

  public static boolean isValid(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
    String presented = request.getParameter(PARAMETER);
    if (presented == null) {
      presented = request.getHeader("X-CSRF-Token");
    }
    return expected != null
        && presented != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII));
  }
}
