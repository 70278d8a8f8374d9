package com.commcredits.web.documents;

import com.commcredits.money.Money;
import com.commcredits.notification.AttachmentSource;
import com.commcredits.notification.MailTransport;
import com.commcredits.wallet.BillingDocument;
import com.commcredits.wallet.DocumentKind;
import com.commcredits.wallet.Receipts;
import com.commcredits.web.view.Views;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders a receipt or credit note to PDF: the template {@code documents/billing-document.html}
 * (its text from messages.properties, like every page) made into XHTML by Thymeleaf, then laid out
 * by openhtmltopdf on PDFBox. Also the attachment source of emails ("receipt:&lt;funding id&gt;",
 * "credit-note:&lt;document id&gt;").
 */
@ApplicationScoped
public class PdfDocuments implements AttachmentSource {
  public static final String CONTENT_TYPE = "application/pdf";
  private static final String TEMPLATE = "documents/billing-document";
  private static final String CSS = "/WEB-INF/templates/documents/document.css";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Views.LOCALE);

  @Inject ServletContext servletContext;
  @Inject Receipts receipts;

  private TemplateEngine engine;
  private String css;

  /** The document as a PDF file. */
  public byte[] pdf(Receipts.Printable printable) {
    BillingDocument d = printable.document();
    Money amount = d.amount();
    Money tax = d.tax();
    Map<String, Object> model = new HashMap<>();
    model.put("doc", d);
    model.put("kind", d.kind().name());
    model.put("number", d.displayNumber());
    model.put("issuedOn", DATE.format(d.issuedAt().atZone(printable.zone())));
    model.put("sellerName", printable.sellerName());
    model.put("sellerAddress", printable.sellerAddress());
    model.put("amount", amount.toDisplayString() + " " + amount.currency());
    model.put("net", amount.minus(tax).toDisplayString() + " " + amount.currency());
    model.put("tax", tax.toDisplayString() + " " + amount.currency());
    model.put("rate", d.taxRate().stripTrailingZeros().toPlainString());
    model.put("currency", amount.currency().name());
    model.put(
        "expiresOn",
        d.fundsExpireAt() == null ? null : DATE.format(d.fundsExpireAt().atZone(printable.zone())));
    model.put("css", css());
    String xhtml = engine().process(TEMPLATE, new Context(Views.LOCALE, model));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The file name a download or an attachment gets, e.g. receipt-R-000042.pdf. */
  public static String fileName(BillingDocument d) {
    return (d.kind() == DocumentKind.RECEIPT ? "receipt-" : "credit-note-")
        + d.displayNumber()
        + ".pdf";
  }

  @Override
  public Optional<MailTransport.Attachment> render(long organisationId, String reference) {
    Optional<Receipts.Printable> printable = Optional.empty();
    try {
      if (reference.startsWith("receipt:")) {
        printable = receipts.receiptFor(organisationId, Long.parseLong(reference.substring(8)));
      } else if (reference.startsWith("credit-note:")) {
        printable = receipts.documentFor(organisationId, Long.parseLong(reference.substring(12)));
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return printable.map(
        p -> new MailTransport.Attachment(fileName(p.document()), CONTENT_TYPE, pdf(p)));
  }

  private synchronized TemplateEngine engine() {
    if (engine == null) {
      WebApplicationTemplateResolver resolver =
          new WebApplicationTemplateResolver(
              JakartaServletWebApplication.buildApplication(servletContext));
      resolver.setPrefix("/WEB-INF/templates/");
      resolver.setSuffix(".html");
      resolver.setTemplateMode(TemplateMode.HTML);
      resolver.setCharacterEncoding("UTF-8");
      resolver.setCacheable(true);
      StandardMessageResolver messages = new StandardMessageResolver();
      messages.setDefaultMessages(Views.loadMessages());
      TemplateEngine created = new TemplateEngine();
      created.setTemplateResolver(resolver);
      created.setMessageResolver(messages);
      engine = created;
    }
    return engine;
  }

  private synchronized String css() {
    if (css == null) {
      try (InputStream in = servletContext.getResourceAsStream(CSS)) {
        css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return css;
  }
}
