package com.commcredits.web.api;

import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The organisation the API key belongs to: lets a client check which tenant and currency it talks
 * to.
 */
@Path("/organisation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {
  @Inject ApiCaller caller;
  @Inject OrganisationService organisations;

  @GET
  @Operation(summary = "The API key's organisation and the key's roles")
  public OrganisationJson get() {
    Organisation o = organisations.current(caller.get());
    return new OrganisationJson(
        o.id(),
        o.name(),
        o.billingCountry(),
        o.currency().name(),
        o.timeZone().getId(),
        caller.get().roles().stream().map(Enum::name).sorted().toList());
  }

  /** The organisation as the API shows it. */
  public record OrganisationJson(
      long id,
      String name,
      String billingCountry,
      String currency,
      String timeZone,
      List<String> keyRoles) {}
}
