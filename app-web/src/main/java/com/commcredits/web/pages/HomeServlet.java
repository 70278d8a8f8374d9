package com.commcredits.web.pages;

import com.commcredits.guard.SpendGuard;
import com.commcredits.money.Money;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Permission;
import com.commcredits.subscription.SubscriptionService;
import com.commcredits.wallet.FundingLot;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletQueries;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Home: the organisation at a glance and what needs the admin's attention. */
@WebServlet("")
public class HomeServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject OrganisationService organisations;
  @Inject SubscriptionService subscriptions;
  @Inject WalletQueries wallets;
  @Inject SpendGuard guard;
  @Inject Clock clock;

  /** One thing that needs attention: what it is, and the page where it is dealt with. */
  public record Attention(String text, String link, String linkText) {}

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
    if (caller.can(Permission.MANAGE_BILLING)) {
      model.put("subscriptions", subscriptions.list(caller));
      creditsAttention(caller, attention);
      guard.tripAlert(caller).ifPresent(a -> model.put("brake", a)); // R-GUARD-3
    }
    model.put("attention", attention);
    render(request, response, "home", model);
  }

  /**
   * Communications Credits: none yet, a balance at or below zero, funds about to expire (R-FUND-4,
   * R-FUND-5).
   */
  private void creditsAttention(Caller caller, List<Attention> attention) {
    var v = views();
    Optional<Wallet> found = wallets.find(caller);
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
