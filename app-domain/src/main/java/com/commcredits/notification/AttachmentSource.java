package com.commcredits.notification;

import java.util.Optional;

/**
 * Renders the document a notification names (e.g. "receipt:42") when its email is sent, so the
 * outbox keeps a reference, not the file. Implemented where documents are rendered (the web
 * module).
 */
public interface AttachmentSource {
  /** The file, or empty when the organisation has no such document. */
  Optional<MailTransport.Attachment> render(long organisationId, String reference);
}
