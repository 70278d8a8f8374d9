package com.commcredits.wallet;

import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes the first two locks of the documented order (see package-info): the organisation's row,
 * then its wallet's. Every transaction that moves money starts here, so none can hold the wallet
 * while it waits for the organisation (an audit or notification row's foreign key takes a shared
 * lock on it). Right after locking, it expires the wallet's lots whose expiry instant has come
 * ({@link DueLots}), so the balance and lots every money transaction works with never include
 * expired funds (R-FUND-10).
 */
@ApplicationScoped
public class WalletLocks {
  @Inject OrganisationRepository organisations;
  @Inject WalletRepository wallets;
  @Inject DueLots dueLots;

  /** Locks the organisation, then its wallet, and expires its due lots; 404 when it has none. */
  public Wallet forOrganisation(long organisationId) {
    organisations.lock(organisationId).orElseThrow(() -> new NotFoundException("The organisation"));
    Wallet wallet =
        wallets
            .lockForOrganisation(organisationId)
            .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
    dueLots.expire(wallet);
    return wallet;
  }

  /**
   * Finds the wallet's organisation by a plain read, then locks both in order and expires the
   * wallet's due lots.
   */
  public Wallet wallet(long walletId) {
    Wallet wallet = lockWallet(walletId);
    dueLots.expire(wallet);
    return wallet;
  }

  /** Locks the wallet as {@link #wallet} does; returns how many due lots it expired. */
  public int expireDueLots(long walletId) {
    return dueLots.expire(lockWallet(walletId));
  }

  private Wallet lockWallet(long walletId) {
    long organisationId =
        wallets.organisationOf(walletId).orElseThrow(() -> new NotFoundException("The wallet"));
    organisations.lock(organisationId).orElseThrow(() -> new NotFoundException("The organisation"));
    return wallets.lock(walletId).orElseThrow(() -> new NotFoundException("The wallet"));
  }
}
