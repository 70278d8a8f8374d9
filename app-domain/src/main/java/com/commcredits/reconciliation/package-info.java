/**
 * The nightly reconciliation (R-RECON-1..3): a restartable Jakarta Batch job ({@code
 * META-INF/batch-jobs/reconciliation.xml} in the WAR) that expires due lots, settles payments whose
 * outcome was unknown, checks every wallet (partitioned over wallet id ranges), cross-checks calls,
 * payments, EA billing lines and pools, and writes a report. Drift is reported as {@link Finding}s,
 * never corrected. One run at a time in the whole cluster: a unique key on the running run (and on
 * the business date of a timer run) refuses a second one.
 */
package com.commcredits.reconciliation;
