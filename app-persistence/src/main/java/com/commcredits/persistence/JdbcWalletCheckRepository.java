package com.commcredits.persistence;

import static com.commcredits.persistence.ReconciliationSql.instant;

import com.commcredits.reconciliation.WalletCheck;
import com.commcredits.reconciliation.WalletCheckRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-wallet check's reads and checkpoints in plain JDBC, set-based: a few statements per range
 * of wallet ids, the wallets' rows read under a shared lock so no money moves while their sums are
 * read; the sums are read from covering indexes (V21).
 */
@ApplicationScoped
class JdbcWalletCheckRepository implements WalletCheckRepository {
  @Inject ReconciliationSql sql;

  @Override
  public long[] walletIdRange() {
    return sql.first(
            "SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), -1) FROM wallet",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)})
        .orElse(new long[] {0, -1});
  }

  @Override
  public List<Long> walletIds(long from, long to, long after, int limit) {
    return sql.list(
        "SELECT id FROM wallet WHERE id >= ? AND id <= ? AND id > ? ORDER BY id LIMIT ?",
        rs -> rs.getLong(1),
        from,
        to,
        after,
        limit);
  }

  /** A wallet's row, its lot remainders and its last entry (one index dive), per wallet. */
  private static final String FACTS =
      "SELECT w.id, w.organisation_id, w.balance, "
          + "(SELECT COALESCE(SUM(l.remaining), 0) FROM funding_lot l WHERE l.wallet_id = w.id), "
          + "(SELECT COALESCE(MAX(e.id), 0) FROM ledger_entry e WHERE e.wallet_id = w.id) "
          + "FROM wallet w WHERE ";

  @Override
  public Map<Long, WalletFacts> facts(long from, long to) {
    return facts("w.id BETWEEN ? AND ?", from, to);
  }

  @Override
  public Map<Long, WalletFacts> lockedFacts(long from, long to) {
    sql.list(
        "SELECT id FROM wallet WHERE id BETWEEN ? AND ? ORDER BY id LOCK IN SHARE MODE",
        rs -> null,
        from,
        to);
    return facts(from, to);
  }

  @Override
  public Map<Long, WalletFacts> lockedFacts(Collection<Long> walletIds) {
    String in = marks(walletIds.size());
    sql.list(
        "SELECT id FROM wallet WHERE id IN (" + in + ") ORDER BY id LOCK IN SHARE MODE",
        rs -> null,
        walletIds.toArray());
    return facts("w.id IN (" + in + ")", walletIds.toArray());
  }

  private Map<Long, WalletFacts> facts(String where, Object... args) {
    Map<Long, WalletFacts> out = new LinkedHashMap<>();
    sql.list(
        FACTS + where + " ORDER BY w.id",
        rs ->
            out.put(
                rs.getLong(1),
                new WalletFacts(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getBigDecimal(3),
                    rs.getBigDecimal(4),
                    rs.getLong(5))),
        args);
    return out;
  }

  @Override
  public Map<Long, WalletCheck> checkpoints(long from, long to) {
    Map<Long, WalletCheck> out = new HashMap<>();
    sql.list(
            "SELECT * FROM reconciliation_checkpoint WHERE wallet_id BETWEEN ? AND ?",
            JdbcWalletCheckRepository::check,
            from,
            to)
        .forEach(k -> out.put(k.walletId(), k));
    return out;
  }

  @Override
  public Map<Long, LedgerDelta> ledger(long from, long to) {
    Map<Long, LedgerDelta> out = new HashMap<>();
    sql.list(
        "SELECT wallet_id, COALESCE(SUM(amount), 0), COUNT(*), MAX(id) FROM ledger_entry "
            + "WHERE wallet_id BETWEEN ? AND ? GROUP BY wallet_id",
        rs -> out.put(rs.getLong(1), delta(rs)),
        from,
        to);
    return out;
  }

  @Override
  public Map<Long, LedgerDelta> ledgerAfter(Map<Long, Long> afterEntryByWallet) {
    Map<Long, LedgerDelta> out = new HashMap<>();
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    afterEntryByWallet.forEach(
        (wallet, after) -> {
          where.append(where.length() == 0 ? "" : " OR ").append("(wallet_id = ? AND id > ?)");
          args.add(wallet);
          args.add(after);
        });
    sql.list(
        "SELECT wallet_id, COALESCE(SUM(amount), 0), COUNT(*), MAX(id) FROM ledger_entry WHERE "
            + where
            + " GROUP BY wallet_id",
        rs -> out.put(rs.getLong(1), delta(rs)),
        args.toArray());
    return out;
  }

  private static LedgerDelta delta(ResultSet rs) throws SQLException {
    return new LedgerDelta(rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4));
  }

  @Override
  public Map<Long, List<LotFacts>> lots(Collection<Long> walletIds) {
    Map<Long, List<LotFacts>> out = new HashMap<>();
    sql.list(
        "SELECT l.wallet_id, l.id, l.amount, l.remaining, "
            + "(SELECT COALESCE(SUM(a.amount), 0) FROM lot_allocation a WHERE a.lot_id = l.id) "
            + "FROM funding_lot l WHERE l.wallet_id IN ("
            + marks(walletIds.size())
            + ") ORDER BY l.id",
        rs ->
            out.computeIfAbsent(rs.getLong(1), w -> new ArrayList<>())
                .add(
                    new LotFacts(
                        rs.getLong(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5))),
        walletIds.toArray());
    return out;
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static WalletCheck check(ResultSet rs) throws SQLException {
    return new WalletCheck(
        rs.getLong("wallet_id"),
        rs.getLong("run_id"),
        rs.getLong("last_entry_id"),
        rs.getBigDecimal("ledger_sum"),
        rs.getBigDecimal("balance"),
        rs.getBigDecimal("lot_remainders"),
        rs.getLong("entries"),
        rs.getBoolean("matched"),
        instant(rs, "checked_at"));
  }

  @Override
  public void saveCheckpoints(List<WalletCheck> checks) {
    if (checks.isEmpty()) {
      return;
    }
    sql.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO reconciliation_checkpoint (wallet_id, run_id, last_entry_id, "
                      + "ledger_sum, balance, lot_remainders, entries, matched, checked_at) "
                      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                      + "run_id = VALUES(run_id), last_entry_id = VALUES(last_entry_id), "
                      + "ledger_sum = VALUES(ledger_sum), balance = VALUES(balance), "
                      + "lot_remainders = VALUES(lot_remainders), entries = VALUES(entries), "
                      + "matched = VALUES(matched), checked_at = VALUES(checked_at)")) {
            for (WalletCheck k : checks) {
              ps.setLong(1, k.walletId());
              ps.setLong(2, k.runId());
              ps.setLong(3, k.lastEntryId());
              ps.setBigDecimal(4, k.ledgerSum());
              ps.setBigDecimal(5, k.balance());
              ps.setBigDecimal(6, k.lotRemainders());
              ps.setLong(7, k.entries());
              ps.setBoolean(8, k.matched());
              ps.setTimestamp(9, UtcTimestamps.of(k.checkedAt()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Optional<WalletCheck> lastCheckOfOrganisation(long organisationId) {
    return sql.first(
        "SELECT k.wallet_id, k.run_id, k.last_entry_id, k.ledger_sum, k.balance, k.lot_remainders, "
            + "k.entries, k.matched, GREATEST(k.checked_at, COALESCE((SELECT MAX(r.started_at) "
            + "FROM reconciliation_run r WHERE r.status = 'COMPLETED'), k.checked_at)) AS checked_at "
            + "FROM reconciliation_checkpoint k JOIN wallet w ON w.id = k.wallet_id "
            + "WHERE w.organisation_id = ?",
        JdbcWalletCheckRepository::check,
        organisationId);
  }
}
