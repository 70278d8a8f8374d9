package com.commcredits.licensing;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.Product;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.directory.DirectoryUserRepository;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.subscription.SubscriptionRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Users > Active users > Product licences (R-LIC-1, R-LIC-2): assign and remove licences for one
 * user or many at once. The organisation's subscriptions of the SKU are locked while counting, so
 * concurrent assignments never exceed what was purchased. Every change is audited.
 */
@Stateless
public class LicensingService {
  @Inject LicenceRepository licences;
  @Inject SubscriptionRepository subscriptions;
  @Inject DirectoryUserRepository users;
  @Inject CatalogRepository catalog;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Records every licence of the caller's organisation as assigned at {@code assignedAt}, so the
   * pools of past months count them: for the demo data's history, which only the system writes; it
   * is not audited, as no admin did it.
   */
  public void backdateAssignments(Caller caller, Instant assignedAt) {
    if (caller.actorType() != Caller.ActorType.SYSTEM) {
      throw new AccessDeniedException("Only the system back-dates licence assignments.");
    }
    licences.backdateAssignments(caller.organisationId(), assignedAt);
  }

  /** The SKUs a user holds. */
  public Set<String> licencesOf(Caller caller, String upn) {
    caller.require(Permission.MANAGE_USERS);
    DirectoryUser user = user(caller, upn);
    return licences
        .activeSkus(caller.organisationId(), List.of(user.id()))
        .getOrDefault(user.id(), Set.of());
  }

  /** Active SKUs of many users at once, for the users list. */
  public Map<Long, Set<String>> licencesOf(Caller caller, List<Long> userIds) {
    caller.require(Permission.MANAGE_USERS);
    return licences.activeSkus(caller.organisationId(), userIds);
  }

  /** Per SKU: purchased, assigned, available. */
  public Map<String, Usage> usage(long organisationId) {
    Map<String, Long> assigned = licences.assignedCounts(organisationId);
    Map<String, Long> purchased = subscriptions.purchasedCounts(organisationId);
    Map<String, Usage> usage = new LinkedHashMap<>();
    for (String sku : new TreeSet<>(purchased.keySet())) {
      long p = purchased.get(sku);
      long a = assigned.getOrDefault(sku, 0L);
      usage.put(sku, new Usage(p, a, Math.max(0, p - a)));
    }
    assigned.forEach((sku, a) -> usage.putIfAbsent(sku, new Usage(0, a, 0)));
    return usage;
  }

  /** Licences purchased, assigned and still free for one product. */
  public record Usage(long purchased, long assigned, long available) {}

  public void assign(Caller caller, String upn, String sku) {
    change(caller, List.of(upn), Map.of(sku, true));
  }

  public void unassign(Caller caller, String upn, String sku) {
    change(caller, List.of(upn), Map.of(sku, false));
  }

  /**
   * Sets licences for one or many users: true assigns, false removes, a missing SKU is left as it
   * is. All or nothing: the first refusal rolls every change back and says which user and why.
   */
  public void change(Caller caller, List<String> upns, Map<String, Boolean> toggles) {
    caller.require(Permission.MANAGE_USERS);
    if (upns.isEmpty()) {
      throw ValidationException.of("users", "Select at least one user.");
    }
    Map<String, Product> products =
        catalog.products().stream().collect(Collectors.toMap(Product::sku, Function.identity()));
    for (String sku : toggles.keySet()) {
      if (!products.containsKey(sku)) {
        throw ValidationException.of("sku", "Unknown product: " + sku + ".");
      }
    }
    Map<String, String> names =
        products.values().stream().collect(Collectors.toMap(Product::sku, Product::name));
    Map<String, Set<String>> inclusions =
        products.values().stream().collect(Collectors.toMap(Product::sku, Product::includes));
    List<DirectoryUser> targets = new ArrayList<>();
    for (String upn : upns) {
      targets.add(user(caller, upn));
    }
    Map<Long, Set<String>> held =
        licences.activeSkus(
            caller.organisationId(), targets.stream().map(DirectoryUser::id).toList());
    // removals before additions, so a swap in one request needs no free licence
    List<Map.Entry<String, Boolean>> ordered =
        toggles.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
    for (DirectoryUser user : targets) {
      Set<String> skus = new HashSet<>(held.getOrDefault(user.id(), Set.of()));
      for (Map.Entry<String, Boolean> toggle : ordered) {
        String sku = toggle.getKey();
        if (toggle.getValue() && !skus.contains(sku)) {
          Optional<String> missing =
              Capabilities.missingFor(sku, withPending(skus, toggles), inclusions, names);
          if (missing.isPresent()) {
            throw ValidationException.of(sku, user.upn() + ": " + missing.get());
          }
          long purchased = subscriptions.lockPurchased(caller.organisationId(), sku);
          long assigned = licences.assignedCount(caller.organisationId(), sku);
          if (purchased == 0) {
            throw ValidationException.of(
                sku,
                "Your organisation has no "
                    + names.get(sku)
                    + " licences: buy them in Billing > Subscriptions.");
          }
          if (assigned >= purchased) {
            throw ValidationException.of(
                sku,
                user.upn()
                    + ": all "
                    + purchased
                    + " "
                    + names.get(sku)
                    + " licences are assigned (0 free). Buy more or remove one from another user.");
          }
          licences.add(
              new LicenceAssignment(caller.organisationId(), user.id(), sku, clock.instant()));
          audit.record(
              caller,
              AuditAction.LICENCE_ASSIGNED,
              "user",
              user.upn(),
              "Assigned " + names.get(sku) + " to " + user.upn(),
              String.join(",", new TreeSet<>(skus)),
              String.join(",", new TreeSet<>(plus(skus, sku))));
          skus.add(sku);
        } else if (!toggle.getValue() && skus.contains(sku)) {
          Optional<String> dependent = Capabilities.dependentOn(sku, skus, inclusions, names);
          if (dependent.isPresent() && !removedToo(dependent, toggles, names)) {
            throw ValidationException.of(sku, user.upn() + ": " + dependent.get());
          }
          licences.active(user.id(), sku).orElseThrow().remove(clock.instant());
          Set<String> after = new TreeSet<>(skus);
          after.remove(sku);
          audit.record(
              caller,
              AuditAction.LICENCE_REMOVED,
              "user",
              user.upn(),
              "Removed " + names.get(sku) + " from " + user.upn(),
              String.join(",", new TreeSet<>(skus)),
              String.join(",", after));
          skus.remove(sku);
        }
      }
    }
  }

  /** A dependant that the same request removes is no reason to refuse. */
  private static boolean removedToo(
      Optional<String> message, Map<String, Boolean> toggles, Map<String, String> names) {
    return toggles.entrySet().stream()
        .anyMatch(
            t -> !t.getValue() && message.get().startsWith(names.get(t.getKey()) + " depends on"));
  }

  /**
   * What the user will hold once this request's additions are in, for dependency checks of add-ons.
   */
  private static Set<String> withPending(Set<String> skus, Map<String, Boolean> toggles) {
    Set<String> all = new HashSet<>(skus);
    toggles.forEach(
        (sku, on) -> {
          if (on
              && !Capabilities.CALLING_PLANS.contains(sku)
              && !Capabilities.COMMUNICATIONS_CREDITS.equals(sku)) {
            all.add(sku);
          }
        });
    return all;
  }

  private static Set<String> plus(Set<String> skus, String sku) {
    Set<String> all = new HashSet<>(skus);
    all.add(sku);
    return all;
  }

  private DirectoryUser user(Caller caller, String upn) {
    return users
        .findByUpn(caller.organisationId(), upn == null ? "" : DirectoryUser.normaliseUpn(upn))
        .orElseThrow(() -> new NotFoundException("The user " + upn));
  }
}
