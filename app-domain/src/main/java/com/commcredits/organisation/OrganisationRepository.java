package com.commcredits.organisation;

import java.util.List;
import java.util.Optional;

/** Organisations, looked up by id or name. */
public interface OrganisationRepository {
  Optional<Organisation> find(long id);

  /** Reads the organisation with a row lock, to serialise things done once per organisation. */
  Optional<Organisation> lock(long id);

  Optional<Organisation> findByName(String name);

  List<Organisation> findAll();

  /** Organisations whose name contains the text (any case), by name, at most {@code limit}. */
  List<Organisation> search(String nameContains, int limit);

  Organisation add(Organisation organisation);
}
