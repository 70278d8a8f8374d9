package com.commcredits.web.pages;

import com.commcredits.money.Money;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Keyset;
import com.commcredits.shared.NotFoundException;
import com.commcredits.wallet.LedgerEntry;
import com.commcredits.wallet.WalletQueries;
import com.commcredits.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The wallet's transactions as CSV (R-REP-3): the Credits page's export, with the running balance,
 * streamed a thousand entries at a time so a year of them needs no more memory than a page.
 */
final class TransactionsCsv {
  private TransactionsCsv() {}

  /** Every matching entry, newest first, a thousand at a time, straight to the response. */
  static void write(
      WalletQueries wallets,
      Caller caller,
      Views v,
      HttpServletResponse response,
      LocalDate from,
      LocalDate to)
      throws IOException {
    try (Csv csv = Csv.download(response, "communications-credits-transactions.csv")) {
      csv.row(
          List.of(
              v.message("credits.col.date"),
              v.message("credits.col.type"),
              v.message("credits.col.description"),
              v.message("credits.col.reference"),
              v.message("credits.col.amount"),
              v.message("credits.col.balance"),
              v.message("credits.col.currency"),
              v.message("credits.col.id")));
      // keyset chunks: each read costs the same however far into the ledger it is
      Long before = null;
      Keyset<LedgerEntry> chunk;
      do {
        chunk = wallets.transactions(caller, from, to, before, null, 1000);
        before = chunk.older();
        for (LedgerEntry e : chunk.items()) {
          csv.row(
              List.of(
                  e.occurredAt(),
                  e.type(),
                  e.description(),
                  e.reference() == null ? "" : e.reference(),
                  Money.of(e.amount(), e.currency()).amount(),
                  Money.of(e.balanceAfter(), e.currency()).amount(),
                  e.currency(),
                  e.id()));
        }
      } while (before != null);
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
