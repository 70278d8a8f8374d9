package com.commcredits.reconciliation;

import com.commcredits.config.AppSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly run (R-RECON-1): a persistent calendar timer at RECON_SCHEDULE in RECON_ZONE, kept in
 * the shared timer tables, so it fires on one server; should two fire for the same night, the
 * business date's unique key makes one run. At start, a one-off timer restarts runs a crashed
 * server left behind (set RECON_RECOVERY=false on all servers but one to keep that to one server).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationTimers {
  private static final Logger LOG = Logger.getLogger(ReconciliationTimers.class.getName());
  private static final String NIGHTLY = "reconciliation nightly ";
  private static final String RECOVER = "reconciliation recovery";

  @Resource TimerService timers;
  @Inject AppSettings settings;
  @Inject ReconciliationService reconciliation;
  @Inject Clock clock;

  @PostConstruct
  void schedule() {
    String wanted = NIGHTLY + settings.reconSchedule() + " " + settings.reconZone().getId();
    boolean present = false;
    for (Timer timer : timers.getTimers()) {
      Object info = timer.getInfo();
      if (info instanceof String s && s.startsWith(NIGHTLY)) {
        if (s.equals(wanted) && !present) {
          present = true;
        } else {
          timer.cancel();
        }
      }
    }
    if (!present) {
      ScheduleExpression at =
          new ScheduleExpression()
              .hour(settings.reconSchedule().getHour())
              .minute(settings.reconSchedule().getMinute())
              .second(0)
              .timezone(settings.reconZone().getId());
      timers.createCalendarTimer(at, new TimerConfig(wanted, true));
    }
    if (settings.reconRecovery()) {
      timers.createSingleActionTimer(10_000, new TimerConfig(RECOVER, false));
    }
  }

  @Timeout
  public void fire(Timer timer) {
    Object info = timer.getInfo();
    try {
      if (RECOVER.equals(info)) {
        int restarted = reconciliation.recoverAbandoned();
        if (restarted > 0) {
          LOG.info(() -> restarted + " interrupted reconciliation run(s) restarted");
        }
      } else {
        nightly(LocalDate.now(clock.withZone(settings.reconZone())));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Reconciliation timer " + info + " failed", e);
    }
  }

  /** The night's run for a business date; a second call for the same date starts nothing. */
  public boolean nightly(LocalDate businessDate) {
    RunMode mode =
        businessDate.getDayOfWeek() == settings.reconFullDay() ? RunMode.FULL : RunMode.INCREMENTAL;
    boolean started = reconciliation.startNightly(businessDate, mode).isPresent();
    if (!started) {
      LOG.info(() -> "Reconciliation for " + businessDate + " already run or running: skipped");
    }
    return started;
  }
}
