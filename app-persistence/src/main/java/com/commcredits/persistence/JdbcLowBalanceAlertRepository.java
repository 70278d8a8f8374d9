package com.commcredits.persistence;

import com.commcredits.wallet.LowBalanceAlertRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Low-balance thresholds as plain SQL, on the transaction's connection. */
@ApplicationScoped
class JdbcLowBalanceAlertRepository implements LowBalanceAlertRepository {
  @Inject JdbcBatches jdbc;

  @Override
  public List<BigDecimal> thresholds(long walletId) {
    List<BigDecimal> out = new ArrayList<>(3);
    jdbc.each(
        "SELECT threshold FROM low_balance_alert WHERE wallet_id = ? ORDER BY threshold DESC",
        ps -> ps.setLong(1, walletId),
        rs -> out.add(rs.getBigDecimal(1)));
    return out;
  }

  @Override
  public void replace(long walletId, List<BigDecimal> thresholds, Instant at) {
    jdbc.update("DELETE FROM low_balance_alert WHERE wallet_id = ?", ps -> ps.setLong(1, walletId));
    jdbc.insert(
        "INSERT INTO low_balance_alert (wallet_id, threshold, created_at) VALUES (?, ?, ?)",
        thresholds,
        (ps, t) -> {
          ps.setLong(1, walletId);
          ps.setBigDecimal(2, t);
          ps.setTimestamp(3, UtcTimestamps.of(at));
        });
  }
}
