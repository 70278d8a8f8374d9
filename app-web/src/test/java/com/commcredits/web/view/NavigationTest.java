package com.commcredits.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which navigation item is highlighted on which page. */
class NavigationTest {
  private static List<String> activeOn(String path) {
    return Navigation.all().stream()
        .flatMap(s -> s.items().stream())
        .filter(i -> i.activeFor(path))
        .map(Navigation.Item::labelKey)
        .toList();
  }

  @Test
  void an_item_is_active_on_its_page_and_below_it() {
    assertEquals(List.of("nav.home"), activeOn("/"));
    assertEquals(List.of("nav.users.active"), activeOn("/users/detail"));
    assertEquals(List.of("nav.billing.paymentMethods"), activeOn("/billing/payment-methods"));
  }

  @Test
  void products_and_services_stays_active_on_the_communications_credits_page() {
    assertEquals(List.of("nav.billing.products"), activeOn("/billing/products"));
    assertEquals(List.of("nav.billing.products"), activeOn("/billing/credits"));
  }

  @Test
  void the_buy_now_checkout_belongs_to_subscriptions() {
    assertEquals(List.of("nav.billing.subscriptions"), activeOn("/billing/credits/buy"));
  }

  @Test
  void spend_caps_stays_active_on_a_users_caps() {
    assertEquals(List.of("nav.billing.spendCaps"), activeOn("/billing/spend-caps"));
    assertEquals(List.of("nav.billing.spendCaps"), activeOn("/billing/spend-caps/user"));
  }

  @Test
  void a_path_that_only_starts_alike_is_not_active() {
    assertEquals(List.of(), activeOn("/billing/productsx"));
    assertEquals(List.of(), activeOn("/billing/credits-old"));
  }
}
