package com.commcredits.notification;

import java.util.List;

/** The port to the mail server: sends one message or throws with the reason. */
public interface MailTransport {
  /** A file attached to a message, e.g. a receipt's PDF. */
  record Attachment(String fileName, String contentType, byte[] content) {}

  /**
   * False in outbox-only mode (no SMTP server configured): notifications stay queued and listed.
   */
  boolean isConfigured();

  void send(List<String> to, String subject, String text, String html) throws Exception;

  /** Sends with files attached (none: the same as the message alone). */
  void send(List<String> to, String subject, String text, String html, List<Attachment> files)
      throws Exception;
}
