package com.commcredits.rating;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/** A published rate card: one per currency, its name, when it was last published, and its lines. */
public record RateCard(
    long id, String currency, String name, Instant publishedAt, List<RateLine> lines) {
  /** A digest of a card's content, independent of line order: equal digests, equal cards. */
  public static String digest(Collection<RateLine> lines) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      lines.stream()
          .map(RateLine::canonical)
          .sorted()
          .forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String digest() {
    return digest(lines);
  }
}
