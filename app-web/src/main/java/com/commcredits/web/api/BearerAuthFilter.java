package com.commcredits.web.api;

import com.commcredits.access.ApiKeyService;
import com.commcredits.access.RecentApiKeys;
import com.commcredits.shared.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Authenticates every API request by its bearer API key; a missing, unknown or revoked key answers
 * 401.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {
  private static final String PREFIX = "Bearer ";

  @Inject ApiKeyService keys;
  @Inject RecentApiKeys recent;
  @Inject ApiCaller apiCaller;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      request.abortWith(unauthorized("Send an API key: Authorization: Bearer <key>."));
      return;
    }
    String key = header.substring(PREFIX.length()).strip();
    Optional<Caller> caller = recent.recall(key).or(() -> keys.authenticate(key));
    if (caller.isEmpty()) {
      request.abortWith(unauthorized("The API key is unknown or has been revoked."));
      return;
    }
    apiCaller.set(caller.get());
  }

  private static Response unauthorized(String detail) {
    return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"commcredits\"")
        .build();
  }
}
