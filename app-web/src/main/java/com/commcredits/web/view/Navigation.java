package com.commcredits.web.view;

import com.commcredits.shared.Caller;
import com.commcredits.shared.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin center's left navigation. Each item names the permission it needs, the same one its
 * page checks, so an item a role may not use is both hidden and refused.
 */
public final class Navigation {

  /**
   * One link: its message key, path and required permission, and the exact paths of the pages
   * reached from it, on which it stays highlighted (Products & services on the Communications
   * Credits page, Subscriptions on its Buy now checkout).
   */
  public record Item(String labelKey, String path, Permission permission, List<String> alsoFor) {
    public Item(String labelKey, String path, Permission permission) {
      this(labelKey, path, permission, List.of());
    }

    public Item {
      alsoFor = List.copyOf(alsoFor);
    }

    public boolean activeFor(String currentPath) {
      if ("/".equals(path)) {
        return "/".equals(currentPath);
      }
      return currentPath.equals(path)
          || currentPath.startsWith(path + "/")
          || alsoFor.contains(currentPath);
    }
  }

  /** A heading with its items; a heading with one item is drawn as a plain link. */
  public record Section(String labelKey, List<Item> items) {}

  private static final List<Section> ALL =
      List.of(
          new Section("nav.home", List.of(new Item("nav.home", "/", Permission.VIEW_HOME))),
          new Section(
              "nav.users",
              List.of(new Item("nav.users.active", "/users", Permission.MANAGE_USERS))),
          new Section(
              "nav.billing",
              List.of(
                  new Item(
                      "nav.billing.products",
                      "/billing/products",
                      Permission.MANAGE_BILLING,
                      List.of("/billing/credits")),
                  new Item(
                      "nav.billing.subscriptions",
                      "/billing/subscriptions",
                      Permission.MANAGE_BILLING,
                      List.of("/billing/credits/buy")),
                  new Item(
                      "nav.billing.paymentMethods",
                      "/billing/payment-methods",
                      Permission.MANAGE_BILLING),
                  // those who set caps; User admins, who only read them, reach the page from
                  // Active users (the page itself lets in every reader of caps)
                  new Item(
                      "nav.billing.spendCaps", "/billing/spend-caps", Permission.MANAGE_BILLING),
                  new Item(
                      "nav.billing.statements", "/billing/statements", Permission.MANAGE_BILLING))),
          new Section(
              "nav.reports", List.of(new Item("nav.reports", "/reports", Permission.VIEW_REPORTS))),
          new Section(
              "nav.messages",
              List.of(new Item("nav.messages", "/messages", Permission.MANAGE_BILLING))),
          new Section(
              "nav.settings",
              List.of(
                  new Item(
                      "nav.settings.apiKeys", "/settings/api-keys", Permission.MANAGE_SETTINGS),
                  new Item("nav.settings.audit", "/settings/audit", Permission.MANAGE_SETTINGS),
                  new Item("nav.settings.admins", "/settings/admins", Permission.MANAGE_SETTINGS),
                  new Item(
                      "nav.settings.notifications",
                      "/settings/notifications",
                      Permission.MANAGE_SETTINGS),
                  new Item("nav.settings.rates", "/settings/rates", Permission.MANAGE_SETTINGS),
                  new Item(
                      "nav.settings.operator", "/settings/operator", Permission.OPERATE_TENANTS),
                  new Item(
                      "nav.settings.disputes", "/settings/disputes", Permission.OPERATE_TENANTS),
                  new Item(
                      "nav.settings.reconciliation",
                      "/settings/reconciliation",
                      Permission.OPERATE_TENANTS))));

  private Navigation() {}

  /** The sections and items this caller may use. */
  public static List<Section> forCaller(Caller caller) {
    List<Section> visible = new ArrayList<>();
    for (Section section : ALL) {
      List<Item> items = section.items().stream().filter(i -> caller.can(i.permission())).toList();
      if (!items.isEmpty()) {
        visible.add(new Section(section.labelKey(), items));
      }
    }
    return visible;
  }

  public static List<Section> all() {
    return ALL;
  }
}
