package com.commcredits.shared;

import java.util.regex.Pattern;

/** What the product accepts as an email address: something@domain.tld, no spaces, one @. */
public final class EmailAddress {
  private static final Pattern PATTERN = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

  private EmailAddress() {}

  public static boolean isValid(String text) {
    return text != null && PATTERN.matcher(text.strip()).matches();
  }
}
