package com.commcredits.web.pages;

import com.commcredits.access.Caller;
import com.commcredits.access.Permission;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.subscription.SubscriptionService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Home: the organisation at a glance and what needs the admin's attention. */
@WebServlet("")
public class HomeServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject OrganisationService organisations;
  @Inject SubscriptionService subscriptions;
  @Inject com.commcredits.wallet.WalletService wallets;
  @Inject java.time.Clock clock;

  @Override
  protected Permission permission() {
    return Permission.VIEW_HOME;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Caller caller = caller(request);
    Map<String, Object> model = model(request);
    model.put("organisation", organisations.current(caller));
    List<String> attention = new ArrayList<>();
    if (caller.can(Permission.MANAGE_BILLING)) {
      var subs = subscriptions.list(caller);
      model.put("subscriptions", subs);
      var wallet = wallets.find(caller);
      if (wallet.isEmpty()) {
        attention.add("home.attention.noCredits");
      } else {
        if (!wallet.get().canPayForCalls()) {
          attention.add("home.attention.negative");
        }
        if (wallets.lots(caller).stream().anyMatch(l -> l.expiresWithinDays(clock.instant(), 30))) {
          attention.add("home.attention.expiring");
        }
      }
    }
    model.put("attention", attention);
    render(request, response, "home", model);
  }
}
