package com.commcredits.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wallet aggregate without a container: every money rule with fixed instants. */
class WalletTest {
  private static final SupportedCurrency USD = SupportedCurrency.USD;
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

  private Wallet wallet;
  private final List<FundingLot> lots = new ArrayList<>();
  private final List<Movement> movements = new ArrayList<>();
  private long nextId = 1;
  private int key;

  @BeforeEach
  void newWallet() {
    wallet = new Wallet(7, USD, T0);
    wallet.assignId(1);
  }

  private Wallet.Stamp at(Instant when) {
    return new Wallet.Stamp(when, when, "k" + (++key), null, "test", "tester");
  }

  private FundingLot fund(String amount, Instant when) {
    Movement m = wallet.fund(Money.of(amount, USD), LotSource.MANUAL, null, "ref", UTC, at(when));
    m.newLot().assignId(nextId++);
    lots.add(m.newLot());
    movements.add(m);
    return m.newLot();
  }

  private Movement charge(String amount, Instant when) {
    Movement m = wallet.charge(Money.of(amount, USD), lots, at(when));
    movements.add(m);
    return m;
  }

  private static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }

  /** The invariant computed from what the aggregate produced, as the database check does. */
  private void assertInvariant() {
    BigDecimal ledger =
        movements.stream().map(m -> m.entry().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal remainders =
        lots.stream().map(FundingLot::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<WalletInvariant.LotCheck> checks =
        lots.stream()
            .map(
                l ->
                    new WalletInvariant.LotCheck(
                        l.id(),
                        l.amount(),
                        l.remaining(),
                        movements.stream()
                            .flatMap(m -> m.parts().stream())
                            .filter(p -> p.lot() == l)
                            .map(Movement.Part::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add)))
            .toList();
    assertEquals(
        List.of(),
        WalletInvariant.violations(
            new WalletInvariant.Sums(1, wallet.balance().amount(), ledger, remainders, checks)));
  }

  @Test
  void R_FUND_3_charges_consume_the_soonest_expiring_lot_first_across_three_lots() {
    FundingLot newest = fund("10.00", T0.plusSeconds(86_400 * 60));
    FundingLot oldest = fund("10.00", T0);
    FundingLot middle = fund("10.00", T0.plusSeconds(86_400 * 30));
    Movement m = charge("25.00", T0.plusSeconds(86_400 * 61));
    assertEquals(
        List.of(oldest, middle, newest), m.parts().stream().map(Movement.Part::lot).toList());
    assertEquals(
        List.of(bd("10.00"), bd("10.00"), bd("5.00")),
        m.parts().stream().map(p -> p.amount().setScale(2)).toList());
    assertEquals(0, bd("5.00").compareTo(newest.remaining()));
    assertEquals(0, bd("5.00").compareTo(wallet.balance().amount()));
    assertInvariant();
  }

  @Test
  void R_FUND_3_a_charge_within_one_lot_leaves_the_rest_of_it() {
    FundingLot lot = fund("50.00", T0);
    Movement m = charge("12.34", T0.plusSeconds(60));
    assertEquals(1, m.parts().size());
    assertEquals(0, bd("37.66").compareTo(lot.remaining()));
    assertEquals(0, bd("-12.34").compareTo(m.entry().amount()));
    assertEquals(0, bd("37.66").compareTo(m.entry().balanceAfter()));
    assertEquals(EntryType.CHARGE, m.entry().type());
    assertInvariant();
  }

  @Test
  void R_FUND_5_a_charge_beyond_the_balance_goes_negative_and_a_new_funding_covers_it_first() {
    fund("10.00", T0);
    Movement over = charge("25.00", T0.plusSeconds(60));
    assertEquals(0, bd("-15.00").compareTo(wallet.balance().amount()));
    assertNull(over.parts().get(1).lot(), "the uncovered part names no lot");
    assertEquals(0, bd("15.00").compareTo(over.parts().get(1).amount()));
    assertFalse(wallet.canPayForCalls());

    FundingLot next = fund("40.00", T0.plusSeconds(120));
    assertEquals(
        0,
        bd("25.00").compareTo(next.remaining()),
        "15.00 of the new lot covered the negative amount");
    assertEquals(0, bd("25.00").compareTo(wallet.balance().amount()));
    assertTrue(wallet.canPayForCalls());
    assertInvariant();
  }

  @Test
  void R_FUND_5_a_zero_balance_refuses_calls() {
    fund("10.00", T0);
    charge("10.00", T0.plusSeconds(1));
    assertEquals(0, BigDecimal.ZERO.compareTo(wallet.balance().amount()));
    assertFalse(wallet.canPayForCalls());
  }

  @Test
  void R_FUND_4_a_lot_expires_exactly_12_months_after_purchase_and_not_a_microsecond_before() {
    Instant bought = Instant.parse("2025-02-28T23:30:00.000001Z");
    FundingLot lot = fund("100.00", bought);
    assertEquals(Instant.parse("2026-02-28T23:30:00.000001Z"), lot.expiresAt());
    charge("40.00", bought.plusSeconds(3600));
    Instant justBefore = lot.expiresAt().minusNanos(1000);
    assertFalse(lot.isDueForExpiry(justBefore));
    assertTrue(lot.isUsableAt(justBefore));
    assertThrows(IllegalArgumentException.class, () -> wallet.expire(lot, at(justBefore)));

    assertTrue(lot.isDueForExpiry(lot.expiresAt()));
    assertFalse(lot.isUsableAt(lot.expiresAt()));
    Movement m = wallet.expire(lot, at(lot.expiresAt()));
    movements.add(m);
    assertEquals(EntryType.EXPIRY, m.entry().type());
    assertEquals(0, bd("-60.00").compareTo(m.entry().amount()));
    assertEquals(0, BigDecimal.ZERO.compareTo(lot.remaining()));
    assertEquals(lot.expiresAt(), lot.expiredAt());
    assertInvariant();
  }

  @Test
  void R_FUND_2_expiry_is_twelve_calendar_months_in_the_organisations_zone() {
    // 02:30 PDT on 10 March 2026; on 10 March 2027 Los Angeles is still on PST (daylight time
    // starts 14 March)
    Instant bought = Instant.parse("2026-03-10T09:30:00Z");
    assertEquals(
        Instant.parse("2027-03-10T10:30:00Z"),
        FundingLot.expiryOf(bought, ZoneId.of("America/Los_Angeles")));
    assertEquals(Instant.parse("2027-03-10T09:30:00Z"), FundingLot.expiryOf(bought, UTC));
  }

  @Test
  void R_FUND_3_an_expired_lot_pays_for_nothing() {
    FundingLot old = fund("10.00", T0);
    Movement m = charge("5.00", old.expiresAt());
    assertNull(m.parts().get(0).lot(), "the expired lot is skipped: the charge goes uncovered");
    assertEquals(0, bd("10.00").compareTo(old.remaining()));
  }

  @Test
  void R_FUND_6_a_reversal_gives_each_lot_back_its_part_and_links_the_charge() {
    FundingLot a = fund("10.00", T0);
    FundingLot b = fund("10.00", T0.plusSeconds(10));
    Movement charge = charge("15.00", T0.plusSeconds(20));
    List<LotAllocation> allocations =
        charge.parts().stream()
            .map(p -> new LotAllocation(1, 99, p.lot() == null ? null : p.lot().id(), p.amount()))
            .toList();
    LedgerEntryIds.assign(charge.entry(), 99);
    Movement reversal =
        wallet.reverse(
            charge.entry(), allocations, Map.of(a.id(), a, b.id(), b), at(T0.plusSeconds(30)));
    movements.add(reversal);
    assertEquals(EntryType.REVERSAL, reversal.entry().type());
    assertEquals(99L, reversal.entry().reversesEntryId());
    assertEquals(0, bd("15.00").compareTo(reversal.entry().amount()));
    assertEquals(0, bd("10.00").compareTo(a.remaining()));
    assertEquals(0, bd("10.00").compareTo(b.remaining()));
    assertEquals(0, bd("20.00").compareTo(wallet.balance().amount()));
    assertInvariant();
  }

  @Test
  void R_FUND_1_a_wallet_refuses_another_currency_and_non_positive_amounts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> wallet.charge(Money.of("1.00", SupportedCurrency.GBP), lots, at(T0)));
    assertThrows(
        IllegalArgumentException.class, () -> wallet.charge(Money.of("0.00", USD), lots, at(T0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> wallet.fund(Money.of("-1.00", USD), LotSource.MANUAL, null, null, UTC, at(T0)));
  }

  @Test
  void R_FUND_6_the_invariant_check_names_every_disagreement() {
    var sums =
        new WalletInvariant.Sums(
            5,
            bd("10.00"),
            bd("9.00"),
            bd("12.00"),
            List.of(new WalletInvariant.LotCheck(3, bd("20.00"), bd("12.00"), bd("7.00"))));
    List<String> violations = WalletInvariant.violations(sums);
    assertEquals(3, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("sum of ledger"));
  }
}
