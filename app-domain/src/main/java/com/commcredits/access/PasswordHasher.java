package com.commcredits.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashing (HMAC-SHA-512, random salt). The stored form names its algorithm and
 * iterations, so the cost can be raised later without breaking existing hashes.
 */
public final class PasswordHasher {
  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final String PREFIX = "pbkdf2-sha512";
  static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] key = derive(password, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + ITERATIONS
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(key);
  }

  public static boolean verify(char[] password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      return false;
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] expected = b64.decode(parts[3]);
      byte[] actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      // a damaged stored value (bad number, bad Base64, empty salt, no iterations) matches no
      // password
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
      try {
        return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    }
  }

  /** Password rules for new admin accounts: long enough, and not only letters. */
  public static String weakness(String password) {
    if (password == null || password.length() < 10) {
      return "The password must be at least 10 characters.";
    }
    if (password.chars().allMatch(Character::isLetter)) {
      return "The password must contain a digit or a symbol.";
    }
    return null;
  }
}
