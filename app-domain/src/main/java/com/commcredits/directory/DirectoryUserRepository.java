package com.commcredits.directory;

import com.commcredits.shared.Page;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Directory users of one organisation. */
public interface DirectoryUserRepository {
  Page<DirectoryUser> search(long organisationId, String query, UserSort sort, int page, int size);

  Optional<DirectoryUser> findByUpn(long organisationId, String upn);

  /** The users of these (normalised) UPNs, by UPN, in one query. */
  Map<String, DirectoryUser> findByUpns(long organisationId, Collection<String> upns);

  DirectoryUser add(DirectoryUser user);

  void remove(DirectoryUser user);
}
