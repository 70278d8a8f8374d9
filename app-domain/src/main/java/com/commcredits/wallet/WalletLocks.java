package com.commcredits.wallet;

import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes the first two locks of the documented order (see package-info): the organisation's row,
 * then its wallet's. Every transaction that moves money starts here, so none can hold the wallet
 * while it waits for the organisation (an audit or notification row's foreign key takes a shared
 * lock on it).
 */
@ApplicationScoped
public class WalletLocks {
  @Inject OrganisationRepository organisations;
  @Inject WalletRepository wallets;

  /** Locks the organisation, then its wallet; 404 when it has no wallet. */
  public Wallet forOrganisation(long organisationId) {
    organisations.lock(organisationId).orElseThrow(() -> new NotFoundException("The organisation"));
    return wallets
        .lockForOrganisation(organisationId)
        .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
  }

  /** Finds the wallet's organisation by a plain read, then locks both in order. */
  public Wallet wallet(long walletId) {
    long organisationId =
        wallets.organisationOf(walletId).orElseThrow(() -> new NotFoundException("The wallet"));
    organisations.lock(organisationId).orElseThrow(() -> new NotFoundException("The organisation"));
    return wallets.lock(walletId).orElseThrow(() -> new NotFoundException("The wallet"));
  }
}
