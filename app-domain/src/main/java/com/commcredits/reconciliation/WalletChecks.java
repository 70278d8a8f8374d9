package com.commcredits.reconciliation;

import com.commcredits.reconciliation.WalletCheckRepository.LedgerDelta;
import com.commcredits.reconciliation.WalletCheckRepository.LotFacts;
import com.commcredits.reconciliation.WalletCheckRepository.WalletFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-wallet checks of R-FUND-6 on the sums a run read: balance = sum of ledger = sum of lot
 * remainders − negative amount; each lot's remaining = amount − its allocations. Pure: it decides,
 * the run stores.
 */
public final class WalletChecks {
  private WalletChecks() {}

  /**
   * What one wallet's check found, and its new checkpoint; {@code unchanged} when an incremental
   * run skipped it (its checkpoint stays, only marked as checked by this run).
   */
  public record Outcome(
      List<Finding> findings, WalletCheck checkpoint, long entriesChecked, boolean unchanged) {

    static Outcome skipped(long runId, WalletCheck last, Instant now) {
      WalletCheck again =
          new WalletCheck(
              last.walletId(),
              runId,
              last.lastEntryId(),
              last.ledgerSum(),
              last.balance(),
              last.lotRemainders(),
              last.entries(),
              true,
              now);
      return new Outcome(List.of(), again, 0, true);
    }
  }

  /**
   * Checks the wallets of one range: in a full run each against its whole ledger; in an incremental
   * run a wallet whose checkpoint still holds is skipped, the others continue their checkpoint with
   * the entries after it. {@code ledger} holds, per wallet, the entries the check adds (all of them
   * in a full run, those after the checkpoint in an incremental one); wallets absent have none.
   */
  public static List<Outcome> checkRange(
      long runId,
      RunMode mode,
      Map<Long, WalletFacts> facts,
      Map<Long, WalletCheck> checkpoints,
      Map<Long, LedgerDelta> ledger,
      Map<Long, List<LotFacts>> lots,
      Instant now) {
    List<Outcome> out = new ArrayList<>(facts.size());
    for (WalletFacts wallet : facts.values()) {
      WalletCheck last = checkpoints.get(wallet.walletId());
      if (mode == RunMode.INCREMENTAL && unchanged(wallet, last)) {
        out.add(Outcome.skipped(runId, last, now));
        continue;
      }
      WalletCheck base = mode == RunMode.INCREMENTAL ? last : null;
      out.add(
          check(
              runId,
              wallet,
              base,
              ledger.getOrDefault(wallet.walletId(), LedgerDelta.NONE),
              lots.getOrDefault(wallet.walletId(), List.of()),
              now));
    }
    return out;
  }

  /** The wallets of a range an incremental run must read again (its checkpoint does not hold). */
  public static Map<Long, Long> changed(
      Map<Long, WalletFacts> facts, Map<Long, WalletCheck> checkpoints) {
    Map<Long, Long> after = new LinkedHashMap<>();
    for (WalletFacts wallet : facts.values()) {
      WalletCheck last = checkpoints.get(wallet.walletId());
      if (!unchanged(wallet, last)) {
        after.put(wallet.walletId(), last == null ? 0L : last.lastEntryId());
      }
    }
    return after;
  }

  /**
   * Whether an incremental run may skip the wallet: its last check matched and nothing it summed
   * has moved since (no new entry, same balance, same lot remainders).
   */
  public static boolean unchanged(WalletFacts facts, WalletCheck last) {
    return last != null
        && last.matched()
        && last.lastEntryId() == facts.lastEntryId()
        && last.balance().compareTo(facts.balance()) == 0
        && last.lotRemainders().compareTo(facts.lotRemainders()) == 0;
  }

  /**
   * Checks a wallet. {@code base} is the checkpoint the ledger delta continues (null for a full
   * check, when {@code delta} covers the whole ledger).
   */
  public static Outcome check(
      long runId,
      WalletFacts facts,
      WalletCheck base,
      LedgerDelta delta,
      List<LotFacts> lots,
      Instant now) {
    List<Finding> found = new ArrayList<>();
    long org = facts.organisationId();
    long wallet = facts.walletId();
    BigDecimal ledgerSum = base == null ? delta.sum() : base.ledgerSum().add(delta.sum());
    long entries = base == null ? delta.entries() : base.entries() + delta.entries();
    if (facts.balance().compareTo(ledgerSum) != 0) {
      found.add(
          Finding.of(
              runId,
              FindingKind.BALANCE_MISMATCH,
              org,
              wallet,
              "wallet:" + wallet,
              ledgerSum,
              facts.balance(),
              "The balance is not the sum of the ledger (" + entries + " entries)."));
    }
    BigDecimal negative = facts.balance().signum() < 0 ? facts.balance().negate() : BigDecimal.ZERO;
    BigDecimal expectedRemainders = facts.balance().add(negative);
    if (facts.lotRemainders().compareTo(expectedRemainders) != 0) {
      found.add(
          Finding.of(
              runId,
              FindingKind.LOT_REMAINDERS_MISMATCH,
              org,
              wallet,
              "wallet:" + wallet,
              expectedRemainders,
              facts.lotRemainders(),
              "The lot remainders minus the negative amount are not the balance."));
    }
    for (LotFacts lot : lots) {
      BigDecimal expected = lot.amount().subtract(lot.allocated());
      if (expected.compareTo(lot.remaining()) != 0) {
        found.add(
            Finding.of(
                runId,
                FindingKind.LOT_MISMATCH,
                org,
                wallet,
                "lot:" + lot.lotId(),
                expected,
                lot.remaining(),
                "Lot "
                    + lot.lotId()
                    + ": amount "
                    + lot.amount()
                    + " minus allocations "
                    + lot.allocated()
                    + " is not its remaining."));
      }
    }
    long lastEntry = Math.max(delta.lastEntryId(), base == null ? 0 : base.lastEntryId());
    WalletCheck checkpoint =
        new WalletCheck(
            wallet,
            runId,
            lastEntry,
            ledgerSum,
            facts.balance(),
            facts.lotRemainders(),
            entries,
            found.isEmpty(),
            now);
    return new Outcome(found, checkpoint, delta.entries(), false);
  }
}
