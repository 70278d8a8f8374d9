package com.commcredits.persistence;

import com.commcredits.wallet.EntryType;
import com.commcredits.wallet.LedgerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The charges of each UTC day per wallet (ledger_charge_daily, V39), read by the runway: written
 * with the ledger's entries in their transaction, one upsert per wallet and day of a batch. The
 * caller holds the wallet's lock, so one writer at a time per row.
 */
@ApplicationScoped
class JdbcChargeDays {
  @Inject JdbcBatches batches;

  private record Day(long walletId, LocalDate day) implements Comparable<Day> {
    @Override
    public int compareTo(Day o) {
      int byWallet = Long.compare(walletId, o.walletId);
      return byWallet != 0 ? byWallet : day.compareTo(o.day);
    }
  }

  /** Adds the CHARGE entries among these to their days; other entries change nothing. */
  void add(List<LedgerEntry> entries) {
    Map<Day, Object[]> sums = new TreeMap<>();
    for (LedgerEntry e : entries) {
      if (e.type() == EntryType.CHARGE) {
        Object[] sum =
            sums.computeIfAbsent(
                new Day(e.walletId(), LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC)),
                k -> new Object[] {BigDecimal.ZERO, 0L});
        sum[0] = ((BigDecimal) sum[0]).subtract(e.amount());
        sum[1] = (Long) sum[1] + 1;
      }
    }
    if (sums.isEmpty()) {
      return;
    }
    batches.insert(
        "INSERT INTO ledger_charge_daily (wallet_id, day, charged, entries) VALUES (?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE charged = charged + VALUES(charged), "
            + "entries = entries + VALUES(entries)",
        List.copyOf(sums.entrySet()),
        (ps, s) -> {
          ps.setLong(1, s.getKey().walletId());
          ps.setDate(2, Date.valueOf(s.getKey().day()));
          ps.setBigDecimal(3, (BigDecimal) s.getValue()[0]);
          ps.setLong(4, (Long) s.getValue()[1]);
        });
  }
}
