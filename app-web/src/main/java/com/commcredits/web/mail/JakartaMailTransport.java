package com.commcredits.web.mail;

import com.commcredits.config.AppSettings;
import com.commcredits.notification.MailTransport;
import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends notifications through the server's mail session (SMTP host, port, user, password and TLS
 * are set in server.xml from SMTP_* variables). Without SMTP_HOST the product runs outbox-only.
 */
@ApplicationScoped
public class JakartaMailTransport implements MailTransport {
  @Resource(lookup = "mail/commcredits")
  Session session;

  @Inject AppSettings settings;

  @Override
  public boolean isConfigured() {
    return settings.smtpConfigured();
  }

  @Override
  public void send(List<String> to, String subject, String text, String html) throws Exception {
    send(to, subject, text, html, List.of());
  }

  /** The text and HTML as alternatives, inside a "mixed" multipart when files go with them. */
  @Override
  public void send(
      List<String> to, String subject, String text, String html, List<Attachment> files)
      throws Exception {
    MimeMessage message = new MimeMessage(session);
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", to)));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, StandardCharsets.UTF_8.name());
    MimeBodyPart rich = new MimeBodyPart();
    rich.setContent(html, "text/html; charset=UTF-8");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(rich);
    if (files.isEmpty()) {
      message.setContent(alternative);
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);
      mixed.addBodyPart(body);
      for (Attachment file : files) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(
            new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
        part.setFileName(file.fileName());
        mixed.addBodyPart(part);
      }
      message.setContent(mixed);
    }
    Transport.send(message);
  }
}
