package com.commcredits.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;

/**
 * Replaces the application's clock in the deployments that include it, so in-container tests move
 * time.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestClockProducer {
  @Produces
  Clock clock() {
    return MutableClock.INSTANCE;
  }
}
