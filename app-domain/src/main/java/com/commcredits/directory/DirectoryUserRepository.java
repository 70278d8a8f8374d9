package com.commcredits.directory;

import com.commcredits.shared.Page;
import java.util.Optional;

/** Directory users of one organisation. */
public interface DirectoryUserRepository {
  Page<DirectoryUser> search(long organisationId, String query, UserSort sort, int page, int size);

  Optional<DirectoryUser> findByUpn(long organisationId, String upn);

  DirectoryUser add(DirectoryUser user);

  void remove(DirectoryUser user);
}
