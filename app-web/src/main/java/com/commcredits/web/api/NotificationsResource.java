package com.commcredits.web.api;

import com.commcredits.notification.Notification;
import com.commcredits.notification.Notifier;
import com.commcredits.shared.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The message center (R-NOTIFY-2). */
@Path("/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {
  @Inject ApiCaller caller;
  @Inject Notifier notifier;

  @GET
  @Operation(
      summary =
          "Every notification, newest first: event, recipients, status (QUEUED, SENT, FAILED), times")
  public NotificationsJson list(
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("100") String size) {
    Page<Notification> p =
        notifier.messageCenter(
            caller.get(), QueryParams.integer("page", page), QueryParams.integer("size", size));
    return new NotificationsJson(
        p.items().stream().map(NotificationJson::of).toList(), p.page(), p.size(), p.total());
  }

  /** A page of notifications. */
  public record NotificationsJson(List<NotificationJson> items, int page, int size, long total) {}

  /** One notification. */
  public record NotificationJson(
      long id,
      String event,
      List<String> recipients,
      String subject,
      String text,
      String status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt) {
    static NotificationJson of(Notification n) {
      return new NotificationJson(
          n.id(),
          n.event().name(),
          n.recipients(),
          n.subject(),
          n.textBody(),
          n.status().name(),
          n.attempts(),
          n.lastError(),
          n.createdAt(),
          n.sentAt());
    }
  }
}
