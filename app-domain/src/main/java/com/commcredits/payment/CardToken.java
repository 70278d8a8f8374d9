package com.commcredits.payment;

/**
 * What the gateway returns for a card: a token to charge later, and what may be shown of the card.
 */
public record CardToken(
    String token, String brand, String last4, int expiryMonth, int expiryYear) {}
