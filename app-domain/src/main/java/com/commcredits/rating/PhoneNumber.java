package com.commcredits.rating;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An E.164 number (+ then 7 to 15 digits, no leading zero) and the country it belongs to: North
 * American numbers are Canadian by area code, others are found by the longest country calling code.
 */
public record PhoneNumber(String e164) {
  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
  private static final Set<String> CANADIAN_AREA_CODES =
      Set.of(
          "204", "226", "236", "249", "250", "263", "289", "306", "343", "354", "365", "367", "368",
          "382", "403", "416", "418", "428", "431", "437", "438", "450", "468", "474", "506", "514",
          "519", "548", "579", "581", "584", "587", "604", "613", "639", "647", "672", "683", "705",
          "709", "742", "753", "778", "780", "782", "807", "819", "825", "867", "873", "879", "902",
          "905");
  private static final Map<String, String> CALLING_CODES =
      Map.ofEntries(
          Map.entry("44", "GB"),
          Map.entry("49", "DE"),
          Map.entry("33", "FR"),
          Map.entry("353", "IE"),
          Map.entry("31", "NL"),
          Map.entry("34", "ES"),
          Map.entry("39", "IT"),
          Map.entry("43", "AT"),
          Map.entry("32", "BE"),
          Map.entry("45", "DK"),
          Map.entry("358", "FI"),
          Map.entry("48", "PL"),
          Map.entry("351", "PT"),
          Map.entry("46", "SE"),
          Map.entry("52", "MX"),
          Map.entry("55", "BR"),
          Map.entry("61", "AU"),
          Map.entry("81", "JP"),
          Map.entry("86", "CN"),
          Map.entry("91", "IN"),
          Map.entry("971", "AE"),
          Map.entry("41", "CH"),
          Map.entry("47", "NO"),
          Map.entry("64", "NZ"),
          Map.entry("65", "SG"),
          Map.entry("27", "ZA"));

  public PhoneNumber {
    if (e164 == null || !E164.matcher(e164).matches()) {
      throw new IllegalArgumentException("Use an E.164 number such as +14255550100.");
    }
  }

  public static boolean isValid(String text) {
    return text != null && E164.matcher(text).matches();
  }

  /** The ISO country of the number, or "ZZ" when no known calling code matches. */
  public String country() {
    String digits = e164.substring(1);
    if (digits.startsWith("1")) {
      return digits.length() >= 4 && CANADIAN_AREA_CODES.contains(digits.substring(1, 4))
          ? "CA"
          : "US";
    }
    for (int length = 3; length >= 1; length--) {
      String country = CALLING_CODES.get(digits.substring(0, Math.min(length, digits.length())));
      if (country != null) {
        return country;
      }
    }
    return "ZZ";
  }
}
