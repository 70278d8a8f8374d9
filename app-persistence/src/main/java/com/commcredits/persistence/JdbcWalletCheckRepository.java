package com.commcredits.persistence;

import static com.commcredits.persistence.ReconciliationSql.instant;
import static com.commcredits.persistence.ReconciliationSql.prepare;

import com.commcredits.reconciliation.WalletCheck;
import com.commcredits.reconciliation.WalletCheckRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The per-wallet check's reads and checkpoints in plain JDBC: a few statements per wallet, the
 * wallet read under a shared lock so no money moves while its sums are read.
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

  @Override
  public WalletFacts lockedFacts(long walletId) {
    return sql.with(
        c -> {
          long org;
          BigDecimal balance;
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT organisation_id, balance FROM wallet WHERE id = ? LOCK IN SHARE MODE",
                      walletId);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            org = rs.getLong(1);
            balance = rs.getBigDecimal(2);
          }
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT (SELECT COALESCE(SUM(remaining), 0) FROM funding_lot WHERE wallet_id = ?), "
                          + "(SELECT COALESCE(MAX(id), 0) FROM ledger_entry WHERE wallet_id = ?)",
                      walletId,
                      walletId);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new WalletFacts(walletId, org, balance, rs.getBigDecimal(1), rs.getLong(2));
          }
        });
  }

  @Override
  public LedgerDelta ledgerAfter(long walletId, long afterEntryId, long upToEntryId) {
    return sql.first(
            "SELECT COALESCE(SUM(amount), 0), COUNT(*), COALESCE(MAX(id), 0) FROM ledger_entry "
                + "WHERE wallet_id = ? AND id > ? AND id <= ?",
            rs -> new LedgerDelta(rs.getBigDecimal(1), rs.getLong(2), rs.getLong(3)),
            walletId,
            afterEntryId,
            upToEntryId)
        .orElseThrow();
  }

  @Override
  public List<LotFacts> lots(long walletId) {
    return sql.list(
        "SELECT l.id, l.amount, l.remaining, "
            + "(SELECT COALESCE(SUM(a.amount), 0) FROM lot_allocation a WHERE a.lot_id = l.id) "
            + "FROM funding_lot l WHERE l.wallet_id = ? ORDER BY l.id",
        rs ->
            new LotFacts(
                rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
        walletId);
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
  public Optional<WalletCheck> checkpoint(long walletId) {
    return sql.first(
        "SELECT * FROM reconciliation_checkpoint WHERE wallet_id = ?",
        JdbcWalletCheckRepository::check,
        walletId);
  }

  @Override
  public void saveCheckpoint(WalletCheck k) {
    sql.update(
        "INSERT INTO reconciliation_checkpoint (wallet_id, run_id, last_entry_id, ledger_sum, balance, "
            + "lot_remainders, entries, matched, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE run_id = VALUES(run_id), last_entry_id = VALUES(last_entry_id), "
            + "ledger_sum = VALUES(ledger_sum), balance = VALUES(balance), "
            + "lot_remainders = VALUES(lot_remainders), entries = VALUES(entries), "
            + "matched = VALUES(matched), checked_at = VALUES(checked_at)",
        k.walletId(),
        k.runId(),
        k.lastEntryId(),
        k.ledgerSum(),
        k.balance(),
        k.lotRemainders(),
        k.entries(),
        k.matched(),
        k.checkedAt());
  }

  @Override
  public Optional<WalletCheck> lastCheckOfOrganisation(long organisationId) {
    return sql.first(
        "SELECT k.* FROM reconciliation_checkpoint k JOIN wallet w ON w.id = k.wallet_id "
            + "WHERE w.organisation_id = ?",
        JdbcWalletCheckRepository::check,
        organisationId);
  }
}
