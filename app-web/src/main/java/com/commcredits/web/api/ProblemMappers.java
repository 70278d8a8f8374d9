package com.commcredits.web.api;

import com.commcredits.reconciliation.RunAlreadyGoing;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.AlreadyDoneException;
import com.commcredits.shared.BusyException;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.DomainException;
import com.commcredits.shared.FieldError;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.TransientFailures;
import com.commcredits.shared.ValidationException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure of an API call into a problem document; a 500 never carries a stack trace,
 * and a database that stayed busy through the retries answers 503 with Retry-After (R-FUND-8).
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    Problem problem = problemFor(failure);
    Response response = problem.toResponse();
    if (problem.status() == 503) {
      return Response.fromResponse(response)
          .header("Retry-After", BusyException.RETRY_AFTER_SECONDS)
          .build();
    }
    return response;
  }

  static Problem problemFor(Throwable failure) {
    Throwable e =
        failure instanceof EJBException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (TransientFailures.isBusy(failure) || TransientFailures.isTransient(failure)) {
      return new Problem(
          "/problems/busy",
          "Service busy",
          503,
          "Other work on this wallet kept the database busy; nothing was changed. Send the same"
              + " request again in a moment.",
          null,
          List.of());
    }
    if (databaseUnreachable(failure)) {
      return new Problem(
          "/problems/unavailable",
          "Service unavailable",
          503,
          "The database did not answer. Send the same request again in a moment, with the same"
              + " idempotency key or call ids: it is applied once.",
          null,
          List.of());
    }
    if (e instanceof ValidationException v) {
      return Problem.validation(v.getMessage(), v.errors());
    }
    if (e instanceof NotFoundException) {
      return Problem.of(Response.Status.NOT_FOUND, e.getMessage());
    }
    if (e instanceof AccessDeniedException) {
      return Problem.of(
          Response.Status.FORBIDDEN, "This API key's roles do not allow this request.");
    }
    if (e instanceof RunAlreadyGoing) {
      return Problem.of(Response.Status.CONFLICT, e.getMessage());
    }
    if (e instanceof AlreadyDoneException) {
      return new Problem(
          "/problems/already-done", "Conflict", 409, e.getMessage(), null, List.of());
    }
    if (e instanceof ConflictException) {
      return new Problem(
          "/problems/idempotency-conflict",
          "Unprocessable Content",
          422,
          e.getMessage(),
          null,
          List.of());
    }
    if (e instanceof DomainException) {
      return Problem.of(Response.Status.BAD_REQUEST, e.getMessage());
    }
    if (e instanceof JsonException || e instanceof JsonbException) {
      return Problem.validation(
          "The request body is not valid JSON.",
          List.of(new FieldError("body", "The request body is not valid JSON.")));
    }
    if (e instanceof WebApplicationException w) {
      Response.StatusType status = w.getResponse().getStatusInfo();
      Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
      if (known != null && status.getStatusCode() < 500) {
        return Problem.of(
            known,
            switch (status.getStatusCode()) {
              case 404 -> "There is no such resource.";
              case 405 -> "This method is not allowed on this resource.";
              case 406 -> "This resource answers application/json.";
              case 415 -> "Send the request body as application/json.";
              default -> status.getReasonPhrase();
            });
      }
    }
    LOG.log(Level.SEVERE, "Unhandled API error", e);
    return Problem.of(
        Response.Status.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side; it has been logged.");
  }

  /**
   * A lost or refused database connection anywhere in the chain (SQLState class 08, the driver's
   * communications failure, the pool's time-out waiting for a connection): the database is away,
   * not the request wrong, so the answer is 503 like a busy database (issue 14).
   */
  static boolean databaseUnreachable(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && (sql instanceof SQLTransientConnectionException
              || sql instanceof SQLNonTransientConnectionException
              || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")))) {
        return true;
      }
      // the pool purged a stale connection under a running request (its statement closed by
      // the server, not by our code, which closes with try-with-resources): found by the fault
      // campaign right after the database came back
      if (t instanceof SQLException sql
          && sql.getMessage() != null
          && sql.getMessage().startsWith("No operations allowed after")) {
        return true;
      }
      String type = t.getClass().getSimpleName();
      if (type.equals("CommunicationsException")
          || type.equals("ConnectionWaitTimeoutException")
          || type.equals("CJCommunicationsException")) {
        return true;
      }
    }
    return false;
  }
}
