package com.commcredits.web.api;

import com.commcredits.directory.DirectoryService;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.guard.SpendCaps;
import com.commcredits.licensing.LicensingService;
import com.commcredits.shared.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The directory: list, read and add users (R-ORG-2). */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
  @Inject ApiCaller caller;
  @Inject DirectoryService directory;
  @Inject LicensingService licensing;
  @Inject SpendCaps caps;

  @GET
  @Operation(summary = "Users of the directory, searched by name or UPN, a page at a time")
  public PageJson<UserJson> list(
      @QueryParam("q") String query,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("100") String size) {
    Page<DirectoryUser> users =
        directory.search(
            caller.get(),
            query,
            QueryParams.integer("page", page),
            QueryParams.integer("size", size));
    return PageJson.of(users, UserJson::of);
  }

  @GET
  @Path("/{upn}")
  @Operation(summary = "One user by UPN, with the SKUs of the licences the user holds")
  public UserJson get(@PathParam("upn") String upn) {
    DirectoryUser user = directory.get(caller.get(), upn);
    return UserJson.of(user, licensing.licencesOf(caller.get(), upn));
  }

  @PUT
  @Path("/{upn}/licences/{sku}")
  @Operation(
      summary =
          "Assign a licence (R-LIC-1, R-LIC-2): never beyond what was purchased; dependencies "
              + "are checked. Assigning a licence the user holds changes nothing.")
  public UserJson assign(@PathParam("upn") String upn, @PathParam("sku") String sku) {
    licensing.assign(caller.get(), upn, sku);
    return get(upn);
  }

  @DELETE
  @Path("/{upn}/licences/{sku}")
  @Operation(summary = "Remove a licence; refused while another assigned licence depends on it")
  public UserJson unassign(@PathParam("upn") String upn, @PathParam("sku") String sku) {
    licensing.unassign(caller.get(), upn, sku);
    return get(upn);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a user: displayName, upn, usageLocation (ISO country)")
  public Response add(JsonObject body, @Context UriInfo uri) {
    JsonInput in = JsonInput.of(body, Set.of("displayName", "upn", "usageLocation"));
    var command =
        new DirectoryService.NewUser(
            in.string("displayName"), in.string("upn"), in.string("usageLocation"));
    in.done();
    DirectoryUser user = directory.add(caller.get(), command);
    return Response.created(uri.getAbsolutePathBuilder().path(user.upn()).build())
        .entity(UserJson.of(user))
        .build();
  }

  @GET
  @Path("/{upn}/spend-limit")
  @Operation(
      summary =
          "A user's monthly spend caps (R-GUARD-1) with this month's spend and minutes; Global, "
              + "Billing and User admins")
  public SpendGuardJson.UserLimitJson spendLimit(@PathParam("upn") String upn) {
    return SpendGuardJson.UserLimitJson.of(caps.userGuard(caller.get(), upn));
  }

  @PUT
  @Path("/{upn}/spend-limit")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Set a user's monthly caps (R-GUARD-1): {monthly: Money|null, internationalMonthly: "
              + "Money|null} in the organisation's currency, null is no cap; Global and Billing admins")
  public SpendGuardJson.UserLimitJson setSpendLimit(@PathParam("upn") String upn, JsonObject body) {
    return SpendGuardJson.UserLimitJson.of(
        caps.setLimit(caller.get(), upn, SpendGuardJson.limitInput(body)));
  }

  /** A directory user as the API shows it; licences only when read one by one. */
  public record UserJson(
      String upn, String displayName, String usageLocation, String state, List<String> licences) {
    static UserJson of(DirectoryUser u) {
      return new UserJson(u.upn(), u.displayName(), u.usageLocation(), u.state().name(), null);
    }

    static UserJson of(DirectoryUser u, Set<String> skus) {
      return new UserJson(
          u.upn(),
          u.displayName(),
          u.usageLocation(),
          u.state().name(),
          skus.stream().sorted().toList());
    }
  }

  /** One page of a list. */
  public record PageJson<T>(List<T> items, int page, int size, long total) {
    static <S, T> PageJson<T> of(Page<S> page, Function<S, T> map) {
      return new PageJson<>(
          page.items().stream().map(map).toList(), page.page(), page.size(), page.total());
    }
  }
}
