package com.commcredits.notification;

import java.util.List;

/** The port to the mail server: sends one message or throws with the reason. */
public interface MailTransport {
  /**
   * False in outbox-only mode (no SMTP server configured): notifications stay queued and listed.
   */
  boolean isConfigured();

  void send(List<String> to, String subject, String text, String html) throws Exception;
}
