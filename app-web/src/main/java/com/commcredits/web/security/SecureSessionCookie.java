package com.commcredits.web.security;

import com.commcredits.config.AppSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the session cookie Secure at start-up when PUBLIC_URL is https, so the browser never sends
 * it over plain HTTP (the redirect to HTTPS would otherwise carry it in clear).
 */
@WebListener
public class SecureSessionCookie implements ServletContextListener {
  @Inject AppSettings settings;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    apply(HttpsPolicy.of(settings.publicUrl()), event.getServletContext());
  }

  static void apply(HttpsPolicy policy, ServletContext context) {
    if (policy.required()) {
      context.getSessionCookieConfig().setSecure(true);
    }
  }
}
