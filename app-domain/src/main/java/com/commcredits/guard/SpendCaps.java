package com.commcredits.guard;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.directory.DirectoryUserRepository;
import com.commcredits.directory.UserSort;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-user monthly caps (R-GUARD-1): Billing and Global admins set them, one user or many at once,
 * User admins read them; each is shown beside what the user spent this month. Audited.
 */
@Stateless
public class SpendCaps {
  /** The most users one bulk change of caps takes (Active users' page holds at most 500). */
  public static final int MAX_BULK = 500;

  @Inject SpendGuardRepository guard;
  @Inject OrganisationRepository organisations;
  @Inject DirectoryUserRepository users;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Who may read caps: Global, Billing and User admins. */
  public static boolean mayRead(Caller caller) {
    return SpendGuard.mayRead(caller);
  }

  /** Who may set caps: Global and Billing admins. */
  public static boolean maySet(Caller caller) {
    return SpendGuard.maySet(caller);
  }

  /** A user's caps beside what the user spent this month. */
  public record UserGuard(
      DirectoryUser user, UserSpendLimit limit, UserMonthSpend thisMonth, String currency) {}

  public UserGuard userGuard(Caller caller, String upn) {
    requireRead(caller);
    DirectoryUser user = user(caller, upn);
    Organisation org = organisation(caller);
    return new UserGuard(
        user, guard.limit(user.id()), guard.spend(user.id(), thisMonth(org)), currency(org));
  }

  /**
   * One page of the organisation's users by name (a search on name or UPN), each with caps and this
   * month's spend (Billing > Spend caps, R-GUARD-1): a bounded page of at most {@link #MAX_BULK},
   * read in a fixed number of queries whatever its size.
   */
  public Page<UserGuard> list(Caller caller, String query, int page, int size) {
    requireRead(caller);
    Page.validate(page, size, MAX_BULK);
    Page<DirectoryUser> found =
        users.search(
            caller.organisationId(), query == null ? "" : query.strip(), UserSort.NAME, page, size);
    Map<Long, UserGuard> guards = userGuards(caller, found.items());
    return new Page<>(
        found.items().stream().map(u -> guards.get(u.id())).toList(), page, size, found.total());
  }

  /** Caps and this month's spend of many users at once (Active users). */
  public Map<Long, UserGuard> userGuards(Caller caller, Collection<DirectoryUser> list) {
    requireRead(caller);
    Organisation org = organisation(caller);
    List<Long> ids =
        list.stream()
            .filter(u -> u.organisationId() == caller.organisationId())
            .map(DirectoryUser::id)
            .toList();
    Map<Long, UserSpendLimit> limits = guard.limits(org.id(), ids);
    Map<Long, UserMonthSpend> spends = guard.spends(org.id(), ids, thisMonth(org));
    Map<Long, UserGuard> out = new LinkedHashMap<>();
    for (DirectoryUser u : list) {
      if (u.organisationId() == caller.organisationId()) {
        out.put(
            u.id(),
            new UserGuard(
                u,
                limits.getOrDefault(u.id(), UserSpendLimit.NONE),
                spends.getOrDefault(u.id(), UserMonthSpend.NONE),
                currency(org)));
      }
    }
    return out;
  }

  /**
   * Sets one user's caps (R-GUARD-1); a blank amount is no cap. Amounts are in the organisation's
   * currency, 0 or more. Audited.
   */
  public UserGuard setLimit(Caller caller, String upn, LimitInput input) {
    requireSet(caller);
    Organisation org = organisation(caller);
    UserSpendLimit limit = read(input, org.currency());
    DirectoryUser user = user(caller, upn);
    change(caller, user, limit);
    return new UserGuard(user, limit, guard.spend(user.id(), thisMonth(org)), currency(org));
  }

  /** Sets the same caps for many users at once (Active users); all or none. */
  public int setLimits(Caller caller, List<String> upns, LimitInput input) {
    requireSet(caller);
    Organisation org = organisation(caller);
    UserSpendLimit limit = read(input, org.currency());
    new Validator()
        .check(!upns.isEmpty(), "users", "Select at least one user.")
        .check(upns.size() <= MAX_BULK, "users", "Select at most " + MAX_BULK + " users.")
        .throwIfInvalid();
    Map<String, DirectoryUser> found =
        users.findByUpns(
            caller.organisationId(), upns.stream().map(DirectoryUser::normaliseUpn).toList());
    if (found.size() != upns.stream().map(DirectoryUser::normaliseUpn).distinct().count()) {
      throw new NotFoundException("A selected user");
    }
    found.values().forEach(u -> change(caller, u, limit));
    return found.size();
  }

  private void change(Caller caller, DirectoryUser user, UserSpendLimit limit) {
    UserSpendLimit before = guard.limit(user.id());
    guard.saveLimit(caller.organisationId(), user.id(), limit, clock.instant());
    audit.record(
        caller,
        AuditAction.SPEND_LIMIT_CHANGED,
        "user",
        user.upn(),
        "Spend caps of " + user.upn() + ": " + describe(limit),
        describe(before),
        describe(limit));
  }

  /** The caps as the form or the API sends them: amount and currency (null: the wallet's). */
  public record LimitInput(
      String monthly, String monthlyCurrency, String international, String internationalCurrency) {}

  private static UserSpendLimit read(LimitInput input, SupportedCurrency currency) {
    Validator v = new Validator();
    BigDecimal monthly = amount(v, "monthly", input.monthly(), input.monthlyCurrency(), currency);
    BigDecimal international =
        amount(
            v,
            "internationalMonthly",
            input.international(),
            input.internationalCurrency(),
            currency);
    v.throwIfInvalid();
    return new UserSpendLimit(monthly, international);
  }

  private static String currency(Organisation org) {
    return org.currency().name();
  }

  private Organisation organisation(Caller caller) {
    return organisations
        .find(caller.organisationId())
        .orElseThrow(() -> new NotFoundException("The organisation"));
  }

  private static void requireRead(Caller caller) {
    SpendGuard.requireRead(caller);
  }

  private static void requireSet(Caller caller) {
    SpendGuard.requireSet(caller);
  }

  private static BigDecimal amount(
      Validator v, String field, String text, String currencyCode, SupportedCurrency currency) {
    return SpendGuard.amount(v, field, text, currencyCode, currency);
  }

  private YearMonth thisMonth(Organisation org) {
    return YearMonth.from(clock.instant().atZone(org.timeZone()));
  }

  private DirectoryUser user(Caller caller, String upn) {
    return users
        .findByUpn(caller.organisationId(), upn == null ? "" : DirectoryUser.normaliseUpn(upn))
        .orElseThrow(() -> new NotFoundException("The user"));
  }

  private static String describe(UserSpendLimit limit) {
    return "monthly "
        + (limit.monthly() == null ? "none" : limit.monthly().stripTrailingZeros().toPlainString())
        + ", international "
        + (limit.internationalMonthly() == null
            ? "none"
            : limit.internationalMonthly().stripTrailingZeros().toPlainString());
  }
}
