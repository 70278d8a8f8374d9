package com.commcredits.reconciliation;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;

/**
 * Starts and restarts the reconciliation job through the Jakarta Batch job operator, outside any
 * transaction (the job runs on its own threads and reads the run row this server just committed).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobControl {
  /** The job's XML name: META-INF/batch-jobs/reconciliation.xml. */
  public static final String JOB = "reconciliation";

  static final String RUN_ID = "runId";
  static final String MODE = "mode";

  /**
   * Test hook (fault injection): the wallet check fails on this wallet id, so a test can prove that
   * a failed partition restarts from its checkpoint. A restart never passes it on.
   */
  static final String FAIL_AT_WALLET = "failAtWallet";

  /** Starts a run's job; returns its execution id. */
  public long start(long runId, RunMode mode, Long failAtWallet) {
    Properties parameters = parameters(runId, mode);
    if (failAtWallet != null) {
      parameters.setProperty(FAIL_AT_WALLET, failAtWallet.toString());
    }
    return operator().start(JOB, parameters);
  }

  /** Restarts a run's failed or stopped job from its checkpoints; returns the new execution id. */
  public long restart(long runId, RunMode mode, long executionId) {
    return operator().restart(executionId, parameters(runId, mode));
  }

  /** The batch status of an execution (the first call after a crash marks this server's FAILED). */
  public BatchStatus status(long executionId) {
    JobExecution execution = operator().getJobExecution(executionId);
    return execution.getBatchStatus();
  }

  /** The newest execution of the job instance an execution belongs to. */
  public long latestExecution(long executionId) {
    JobOperator operator = operator();
    var instance = operator.getJobInstance(executionId);
    return operator.getJobExecutions(instance).stream()
        .mapToLong(JobExecution::getExecutionId)
        .max()
        .orElse(executionId);
  }

  private static Properties parameters(long runId, RunMode mode) {
    Properties parameters = new Properties();
    parameters.setProperty(RUN_ID, Long.toString(runId));
    parameters.setProperty(MODE, mode.name());
    return parameters;
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
