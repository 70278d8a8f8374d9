package com.commcredits.rating;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Settings > Rates (R-RATE-1): every Global admin reads the published cards; the Global admins of
 * the operator's organisation replace a card by import, after a preview of what changes. A
 * replacement is idempotent by content (the same lines again change nothing and write no audit
 * entry) and audited once.
 */
@Stateless
public class RateCardService {
  @Inject RateRepository rates;
  @Inject OrganisationRepository organisations;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** What a replacement did: whether anything changed, and what. */
  public record Replaced(boolean applied, RateCardChange change, RateCard card) {}

  public RateCard card(Caller caller, String currency) {
    caller.require(Permission.MANAGE_SETTINGS);
    return rates.card(currency(currency)).orElseThrow(() -> new NotFoundException("The rate card"));
  }

  /**
   * Whether this caller may replace cards: a Global admin of an organisation that publishes rates.
   */
  public boolean canPublish(Caller caller) {
    return caller.can(Permission.MANAGE_SETTINGS)
        && organisations
            .find(caller.organisationId())
            .map(Organisation::publishesRates)
            .orElse(false);
  }

  /** What replacing the card by these lines would change; nothing is written. */
  public RateCardChange preview(Caller caller, String currency, List<RateLine> lines) {
    requirePublisher(caller);
    check(lines);
    return RateCardChange.between(card(caller, currency).lines(), lines);
  }

  /**
   * Replaces the card's lines in one transaction, under the card's lock. When the card already
   * holds exactly these lines (a confirmation sent twice, say) nothing is written.
   */
  public Replaced replace(Caller caller, String currency, List<RateLine> lines) {
    requirePublisher(caller);
    check(lines);
    RateCard current = card(caller, currency);
    rates.lockCard(current.id());
    current = card(caller, currency);
    RateCardChange change = RateCardChange.between(current.lines(), lines);
    if (current.digest().equals(RateCard.digest(lines))) {
      return new Replaced(false, change, current);
    }
    rates.replace(current.id(), lines, clock.instant());
    audit.record(
        caller,
        AuditAction.RATE_CARD_REPLACED,
        "rate_card",
        current.id(),
        "Rate card " + current.currency() + " replaced by import: " + change.summary(),
        current.lines().size() + " rates, digest " + current.digest().substring(0, 12),
        lines.size() + " rates, digest " + RateCard.digest(lines).substring(0, 12));
    return new Replaced(true, change, card(caller, currency));
  }

  private void requirePublisher(Caller caller) {
    caller.require(Permission.MANAGE_SETTINGS);
    if (!canPublish(caller)) {
      throw new AccessDeniedException("Only the operator's Global admins publish rate cards.");
    }
  }

  private static void check(List<RateLine> lines) {
    Validator v =
        new Validator().check(!lines.isEmpty(), "file", "A rate card needs at least one rate.");
    for (int[] clash : RateLine.overlaps(lines)) {
      RateLine line = lines.get(clash[0]);
      v.check(
          false,
          "file",
          line.kind()
              + " "
              + line.prefix()
              + " from "
              + line.effectiveFrom()
              + " overlaps another period of the same prefix.");
    }
    v.throwIfInvalid();
  }

  private static String currency(String code) {
    return Arrays.stream(SupportedCurrency.values())
        .map(Enum::name)
        .filter(c -> c.equals(code))
        .findFirst()
        .orElseThrow(
            () -> ValidationException.of("currency", "Choose one of USD, CAD, GBP or EUR."));
  }
}
