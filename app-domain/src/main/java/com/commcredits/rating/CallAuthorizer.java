package com.commcredits.rating;

import com.commcredits.access.Caller;
import com.commcredits.access.Permission;
import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.PoolKind;
import com.commcredits.catalog.Product;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.directory.DirectoryUserRepository;
import com.commcredits.directory.UserState;
import com.commcredits.licensing.Capabilities;
import com.commcredits.licensing.LicenceRepository;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.pools.PoolService;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Call authorisation (R-RATE-2, R-RATE-5, R-LIC-3): a call first uses the minute pool it is entitled to
 * (domestic, international or conferencing dial-out, of the user's country); beyond it, the wallet pays
 * when the user holds a Communications Credits licence and the balance is above zero. Toll-free inbound
 * calls are always paid by the wallet.
 */
@Stateless
public class CallAuthorizer {
  @Inject DirectoryUserRepository users;
  @Inject LicenceRepository licences;
  @Inject CatalogRepository catalog;
  @Inject OrganisationRepository organisations;
  @Inject WalletRepository wallets;
  @Inject PoolService pools;
  @Inject RateRepository rates;

  /** The call as the platform describes it before placing it. */
  public record CallRequest(CallKind kind, String userUpn, String tollFreeNumber, PhoneNumber from, PhoneNumber to,
      Instant at) {}

  public Authorization authorize(Caller caller, CallRequest call) {
    caller.require(Permission.USE_TELEPHONY);
    Organisation org = organisations.find(caller.organisationId()).orElseThrow(() -> new NotFoundException("The organisation"));
    Optional<Wallet> wallet = wallets.findForOrganisation(org.id());
    RatePlan plan = rates.plan(org.currency().name());
    LocalDate day = call.at().atZone(org.timeZone()).toLocalDate();

    if (call.kind() == CallKind.TOLL_FREE_INBOUND) {
      if (call.tollFreeNumber() == null || !rates.tollFreeOwner(call.tollFreeNumber()).map(o -> o == org.id()).orElse(false)) {
        throw ValidationException.of("tollFreeNumber", "This toll-free number is not one of your organisation's.");
      }
      Rate rate = plan.rateFor(CallKind.TOLL_FREE_INBOUND, call.from(), day)
          .orElseThrow(() -> ValidationException.of("from", "No rate applies to a call from this number."));
      return walletPays(wallet, rate, 0, call.from().country());
    }

    DirectoryUser user = users.findByUpn(org.id(), call.userUpn() == null ? "" : DirectoryUser.normaliseUpn(call.userUpn()))
        .orElseThrow(() -> ValidationException.of("userUpn", "There is no user " + call.userUpn() + "."));
    if (user.state() == UserState.BLOCKED) {
      return Authorization.refused("The user is blocked.");
    }
    Map<String, Set<String>> inclusions = catalog.products().stream()
        .collect(Collectors.toMap(Product::sku, Product::includes));
    Set<String> held = Capabilities.effective(
        licences.activeSkus(org.id(), List.of(user.id())).getOrDefault(user.id(), Set.of()), inclusions);
    String country = user.usageLocation();
    PoolKind poolKind = Entitlement.poolKind(call.kind(), country, call.to());
    boolean entitled = Entitlement.entitled(poolKind, held);
    long poolSeconds = entitled
        ? pools.available(org.id(), country, poolKind, YearMonth.from(call.at().atZone(org.timeZone()))) * 60 : 0;
    boolean credits = held.contains(Capabilities.COMMUNICATIONS_CREDITS);
    Optional<Rate> rate = plan.rateFor(call.kind(), call.to(), day);
    long walletSeconds = credits && rate.isPresent() && wallet.isPresent() && wallet.get().canPayForCalls()
        ? rate.get().secondsCoveredBy(wallet.get().balance().amount()) : 0;
    if (poolSeconds > 0) {
      return new Authorization(true, Authorization.PayerType.POOL, country, poolKind, poolSeconds + walletSeconds, null);
    }
    if (!credits) {
      return Authorization.refused("The " + poolKind.name().toLowerCase().replace('_', ' ')
          + " minutes are used up or not included, and the user has no Communications Credits licence.");
    }
    if (rate.isEmpty()) {
      return Authorization.refused("No rate applies to this destination.");
    }
    return walletPays(wallet, rate.get(), 0, country);
  }

  private static Authorization walletPays(Optional<Wallet> wallet, Rate rate, long extra, String country) {
    if (wallet.isEmpty() || !wallet.get().canPayForCalls()) {
      return Authorization.refused("The Communications Credits balance is zero or below.");
    }
    BigDecimal balance = wallet.get().balance().amount();
    long seconds = rate.secondsCoveredBy(balance);
    if (seconds == 0) {
      return Authorization.refused("The Communications Credits balance does not cover the first minute.");
    }
    return new Authorization(true, Authorization.PayerType.WALLET, country, null, seconds + extra, null);
  }
}
