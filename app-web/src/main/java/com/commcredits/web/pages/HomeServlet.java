package com.commcredits.web.pages;

import com.commcredits.dispute.Disputes;
import com.commcredits.guard.SpendGuard;
import com.commcredits.money.Money;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.pools.PoolService;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.SpendByKind;
import com.commcredits.rating.UsageReport;
import com.commcredits.recharge.RechargeAttempt;
import com.commcredits.recharge.RechargeService;
import com.commcredits.recharge.RunwayAlerts;
import com.commcredits.reconciliation.ReconciliationService;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Permission;
import com.commcredits.subscription.SubscriptionService;
import com.commcredits.wallet.FundingLot;
import com.commcredits.wallet.RunwayForecast;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletQueries;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Home answers "am I OK?" for the signed-in role (issue 17): the balance and runway, funds at risk
 * of expiring, this month's spend by call type against last month, the minute pools with a
 * Communications Credits row, failed or suspended recharges and the wallet's last reconciliation,
 * each linking to where it is acted on. Every card is one model entry and one fragment of {@code
 * home-cards.html}, left null when the role may not see it; {@code spendGuard} and {@code disputes}
 * are slots other pages' owners fill.
 */
@WebServlet("")
public class HomeServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  @Inject OrganisationService organisations;
  @Inject SubscriptionService subscriptions;
  @Inject WalletQueries wallets;
  @Inject UsageReport usage;
  @Inject PoolService pools;
  @Inject RechargeService recharge;
  @Inject ReconciliationService reconciliation;
  @Inject Disputes disputes;
  @Inject SpendGuard guard;
  @Inject Clock clock;

  /** One thing that needs attention: what it is, and the page where it is dealt with. */
  public record Attention(String text, String link, String linkText) {}

  /** The Credits card: balance, runway and funds at risk; {@code billing} shows its links. */
  public record Credits(Money balance, String currency, RunwayForecast forecast, boolean billing) {}

  /** One call type's spend this month (so far) and last month. */
  public record SpendRow(CallKind kind, BigDecimal thisMonth, BigDecimal lastMonth) {}

  /** This month's spend by call type against last month's. */
  public record Spend(
      String currency,
      YearMonth month,
      List<SpendRow> rows,
      BigDecimal thisMonth,
      BigDecimal last) {}

  /** Auto-recharge as Home shows it: off, on, suspended, and the last failure of 30 days. */
  public record Recharge(boolean enabled, boolean suspended, RechargeAttempt lastFailure) {}

  @Override
  protected Permission permission() {
    return Permission.VIEW_HOME;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Caller caller = caller(request);
    Map<String, Object> model = model(request);
    model.put("organisation", organisations.current(caller));
    List<Attention> attention = new ArrayList<>();
    Optional<Wallet> wallet = wallets.find(caller);
    // one projection for the page (R-SEE-1, R-SEE-2); VIEW_REPORTS holds every role that sees it
    Optional<RunwayForecast> forecast =
        caller.can(Permission.VIEW_REPORTS)
            ? wallet.map(w -> wallets.forecast(w))
            : Optional.empty();
    if (caller.can(Permission.MANAGE_BILLING)) {
      model.put("subscriptions", subscriptions.list(caller));
      creditsAttention(caller, wallet, forecast, attention);
      if (wallet.isPresent()) {
        model.put("recharge", rechargeCard(caller));
        model.put("reconciliation", reconciliation.lastCheck(caller));
      }
      guard.tripAlert(caller).ifPresent(a -> model.put("brake", a)); // R-GUARD-3
      model.put("spendGuard", guard.brake(caller));
      model.put("disputes", disputes.openCount(caller.organisationId()));
    }
    if (caller.can(Permission.VIEW_REPORTS)) {
      wallet.ifPresent(
          w ->
              model.put(
                  "credits",
                  new Credits(
                      wallets.balance(w),
                      w.currency().name(),
                      forecast.orElseThrow(),
                      caller.can(Permission.MANAGE_BILLING))));
      model.put("spend", spend(caller));
    }
    if (caller.can(Permission.VIEW_REPORTS) || caller.can(Permission.MANAGE_USERS)) {
      YearMonth month = pools.currentMonth(caller);
      model.put("pools", pools.pools(caller, month));
      model.put("poolsMonth", MONTH.format(month));
    }
    model.put("attention", attention);
    model.putIfAbsent("spendGuard", null); // only billing roles see the brake
    model.putIfAbsent("disputes", null); // only billing roles see open disputes
    render(request, response, "home", model);
  }

  /** Last month and this month so far, from one grouped query (R-REP-3), summed per call type. */
  private Spend spend(Caller caller) {
    LocalDate day = clock.instant().atZone(organisations.current(caller).timeZone()).toLocalDate();
    YearMonth month = YearMonth.from(day);
    SpendByKind byDay =
        usage.spendByKind(
            caller, usage.filter(caller, month.minusMonths(1).atDay(1), day, null, null));
    List<SpendRow> rows = new ArrayList<>();
    BigDecimal thisTotal = BigDecimal.ZERO;
    BigDecimal lastTotal = BigDecimal.ZERO;
    for (CallKind kind : CallKind.values()) {
      BigDecimal now = BigDecimal.ZERO;
      BigDecimal before = BigDecimal.ZERO;
      for (SpendByKind.Period p : byDay.periods()) {
        if (YearMonth.from(p.start()).equals(month)) {
          now = now.add(p.amount(kind));
        } else {
          before = before.add(p.amount(kind));
        }
      }
      rows.add(new SpendRow(kind, now, before));
      thisTotal = thisTotal.add(now);
      lastTotal = lastTotal.add(before);
    }
    return new Spend(byDay.currency(), month, rows, thisTotal, lastTotal);
  }

  private Recharge rechargeCard(Caller caller) {
    Instant since = clock.instant().minus(Duration.ofDays(30));
    RechargeAttempt failure =
        recharge.recentAttempts(caller).stream()
            .filter(a -> a.status() == RechargeAttempt.Status.FAILED)
            .filter(a -> a.createdAt().isAfter(since))
            .findFirst()
            .orElse(null);
    return recharge
        .settings(caller)
        .map(s -> new Recharge(s.enabled(), s.isSuspended(), failure))
        .orElse(new Recharge(false, false, failure));
  }

  /**
   * Communications Credits: none yet, a balance at or below zero, funds about to expire (R-FUND-4,
   * R-FUND-5).
   */
  private void creditsAttention(
      Caller caller,
      Optional<Wallet> found,
      Optional<RunwayForecast> runway,
      List<Attention> attention) {
    var v = views();
    if (found.isEmpty()) {
      attention.add(
          new Attention(
              v.message("home.attention.noCredits"),
              "/billing/credits/buy",
              v.message("home.attention.buyNow")));
      return;
    }
    Wallet wallet = found.get();
    String currency = wallet.currency().name();
    Money balance = wallets.balance(wallet); // net of lots past their expiry (R-FUND-10)
    if (!balance.isPositive()) {
      attention.add(
          new Attention(
              v.message("home.attention.negative", balance.toDisplayString(), currency),
              "/billing/credits#add-funds",
              v.message("home.attention.addFunds")));
    }
    RunwayForecast forecast = runway.orElseThrow();
    if (balance.isPositive()
        && forecast.hasRunway()
        && forecast.days() < RunwayAlerts.DEFAULT_DAYS) {
      attention.add(
          new Attention(
              v.message("home.attention.runway", forecast.days()),
              "/billing/credits#add-funds",
              v.message("home.attention.addFunds")));
    }
    Instant now = clock.instant();
    List<FundingLot> expiring =
        wallets.lots(caller).stream().filter(l -> l.expiresWithinDays(now, 30)).toList();
    if (!expiring.isEmpty()) {
      BigDecimal total =
          expiring.stream().map(FundingLot::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
      attention.add(
          new Attention(
              v.message(
                  "home.attention.expiring",
                  Money.of(total, wallet.currency()).toDisplayString(),
                  currency),
              "/billing/credits",
              v.message("home.attention.viewFunds")));
    }
  }
}
