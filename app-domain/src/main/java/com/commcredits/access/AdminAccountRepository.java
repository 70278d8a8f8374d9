package com.commcredits.access;

import java.util.List;
import java.util.Optional;

/** Admin accounts; lookups that change sign-in state take a row lock. */
public interface AdminAccountRepository {
  Optional<AdminAccount> find(long organisationId, long id);

  Optional<AdminAccount> findById(long id);

  /** Locks the row so that concurrent failed sign-ins are all counted. */
  Optional<AdminAccount> findByEmailForUpdate(String email);

  boolean emailExists(String email);

  List<AdminAccount> list(long organisationId);

  AdminAccount add(AdminAccount account);
}
