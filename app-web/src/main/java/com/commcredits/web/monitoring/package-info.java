/**
 * What an operator watches on each server (Prometheus format at /metrics): rating and authorisation
 * counters and latency, recharges by outcome, the outbox backlog; the connection pools come from
 * Liberty's own vendor metrics.
 */
package com.commcredits.web.monitoring;
