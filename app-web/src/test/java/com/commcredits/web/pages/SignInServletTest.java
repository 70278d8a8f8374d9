package com.commcredits.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where sign-in sends the admin afterwards: only a path of this site, never another site (R-SEC-1).
 */
class SignInServletTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/billing/products",
        "/users?q=adele&page=2",
        "/users/detail?upn=a@contoso.example",
        "/settings/audit#top"
      })
  void R_SEC_1_a_local_path_is_kept(String next) {
    assertEquals(next, SignInServlet.safeNext(next));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "//evil.com",
        "//evil.com/sign-in",
        "http://evil",
        "https://evil.example/",
        "javascript:alert(1)",
        "evil.com",
        "/\\evil",
        "/\\/evil.com",
        "/users\\..\\x",
        "/sign-in",
        "/sign-in?next=/users",
        "/sign-in..."
      })
  void R_SEC_1_anything_else_goes_to_the_home_page(String next) {
    assertEquals("/", SignInServlet.safeNext(next));
  }

  @Test
  void R_SEC_2_a_next_path_with_control_characters_is_refused() {
    Assertions.assertEquals("/", SignInServlet.safeNext("/\t/evil.example"));
    Assertions.assertEquals("/", SignInServlet.safeNext("/users\r\nSet-Cookie: x"));
    Assertions.assertEquals("/", SignInServlet.safeNext("/\u007f"));
  }
}
