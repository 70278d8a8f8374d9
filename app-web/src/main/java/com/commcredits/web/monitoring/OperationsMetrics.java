package com.commcredits.web.monitoring;

import com.commcredits.notification.NotificationRepository;
import com.commcredits.rating.RatingResult;
import com.commcredits.recharge.RechargeAttempt;
import com.commcredits.recharge.RechargeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application's metrics, in one place: counted where the API answers, measured from the
 * database where the books already hold the number (recharges, the outbox), so every server reports
 * the same totals for those.
 */
@ApplicationScoped
public class OperationsMetrics {
  @Inject MetricRegistry registry;
  @Inject NotificationRepository outbox;
  @Inject RechargeRepository recharges;
  @Inject Clock clock;

  private Timer authorization;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    authorization =
        registry.timer(
            Metadata.builder()
                .withName("call_authorization")
                .withDescription("Time to answer POST /calls/authorize")
                .withUnit(MetricUnits.SECONDS)
                .build());
    registry.gauge(
        Metadata.builder()
            .withName("outbox_backlog")
            .withDescription("Notifications queued in the outbox, not yet delivered")
            .build(),
        this,
        m -> m.outbox.backlog().queued());
    registry.gauge(
        Metadata.builder()
            .withName("outbox_oldest_age")
            .withDescription("Age of the oldest queued notification (0 when none waits)")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        this,
        m ->
            m.outbox
                .backlog()
                .oldestQueuedAt()
                .map(at -> Math.max(0, Duration.between(at, m.clock.instant()).toSeconds()))
                .orElse(0L));
    for (RechargeAttempt.Status status : RechargeAttempt.Status.values()) {
      registry.gauge(
          Metadata.builder()
              .withName("recharge_attempts")
              .withDescription("Auto-recharge attempts by outcome, from the database")
              .build(),
          this,
          m -> m.recharges.countsByStatus().getOrDefault(status, 0L),
          new Tag("outcome", status.name()));
    }
  }

  /** Times one authorisation. */
  public <T> T timeAuthorization(Supplier<T> work) {
    try (Timer.Context timing = authorization.time()) {
      return work.get();
    }
  }

  /** Counts a batch's results: rated, duplicates, and rejections by the field that was wrong. */
  public void rated(List<RatingResult> results) {
    for (RatingResult result : results) {
      switch (result.status()) {
        case RATED -> registry.counter("calls_rated").inc();
        case DUPLICATE -> registry.counter("calls_duplicate").inc();
        case REJECTED ->
            registry.counter("calls_rejected", new Tag("reason", reason(result.error()))).inc();
      }
    }
  }

  /** The field a rejection names ("start: …" → start), a small fixed set of tag values. */
  static String reason(String error) {
    if (error == null) {
      return "unknown";
    }
    int colon = error.indexOf(':');
    String field = colon > 0 ? error.substring(0, colon).strip() : "other";
    return field.matches("[A-Za-z.]{1,30}") ? field : "other";
  }
}
