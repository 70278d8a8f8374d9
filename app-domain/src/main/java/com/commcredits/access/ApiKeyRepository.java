package com.commcredits.access;

import java.util.List;
import java.util.Optional;

/** API keys, found by id within an organisation or by the hash of the presented key. */
public interface ApiKeyRepository {
  Optional<ApiKey> find(long organisationId, long id);

  Optional<ApiKey> findByHash(String keyHash);

  List<ApiKey> list(long organisationId);

  ApiKey add(ApiKey key);
}
