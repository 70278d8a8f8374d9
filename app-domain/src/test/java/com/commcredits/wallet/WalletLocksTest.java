package com.commcredits.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** R-FUND-8: the first two locks of the documented order, organisation before wallet. */
class WalletLocksTest {
  private final List<String> calls = new ArrayList<>();
  private final Wallet wallet = new Wallet(7, SupportedCurrency.USD, Instant.EPOCH);
  private final Organisation organisation =
      new Organisation("Contoso", "US", SupportedCurrency.USD, ZoneId.of("UTC"), Instant.EPOCH);

  /** A repository that records each call and answers with {@code answer}. */
  private <T> T recording(Class<T> type, String name, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              calls.add(name + "." + method.getName());
              return method.getName().equals("organisationOf")
                  ? Optional.of(7L)
                  : Optional.of(answer);
            }));
  }

  private WalletLocks locks() {
    WalletLocks locks = new WalletLocks();
    locks.organisations = recording(OrganisationRepository.class, "organisation", organisation);
    locks.wallets = recording(WalletRepository.class, "wallet", wallet);
    locks.dueLots =
        new DueLots() {
          @Override
          int expire(Wallet locked) {
            calls.add("lots.expireDue");
            return 0;
          }
        };
    return locks;
  }

  @Test
  void
      R_FUND_8_R_FUND_10_an_organisations_wallet_is_locked_after_the_organisation_then_its_due_lots_expire() {
    locks().forOrganisation(7);
    assertEquals(
        List.of("organisation.lock", "wallet.lockForOrganisation", "lots.expireDue"), calls);
  }

  @Test
  void R_FUND_8_a_wallet_found_by_id_is_read_without_a_lock_then_locked_after_its_organisation() {
    locks().wallet(42);
    assertEquals(
        List.of("wallet.organisationOf", "organisation.lock", "wallet.lock", "lots.expireDue"),
        calls);
  }
}
