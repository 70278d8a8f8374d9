package com.commcredits.reconciliation;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.Batchlet;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.api.chunk.ItemWriter;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The artifacts of the reconciliation job ({@code META-INF/batch-jobs/reconciliation.xml}); they
 * read the job's parameters and hand the work to {@link RunSteps}.
 */
public final class ReconciliationJob {
  /**
   * Wallets per item of a full run's wallet step: one range, its rows locked while a few set-based
   * statements read its sums.
   */
  static final int WALLETS_PER_READ = 1000;

  /**
   * Wallets per item of an incremental run: it reads them without locks and reads again (locked)
   * only those that moved, so a larger range costs no waiting for money transactions and saves
   * round trips and chunk commits.
   */
  static final int WALLETS_PER_INCREMENTAL_READ = 5000;

  /** At most this many partitions; 2 cores gain little from more. */
  static final int MAX_PARTITIONS = 4;

  private ReconciliationJob() {}

  /** The job's properties, which the job XML takes from the job parameters. */
  static String property(JobContext job, String name) {
    String value = job.getProperties().getProperty(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  static long runId(JobContext job) {
    return Long.parseLong(property(job, JobControl.RUN_ID));
  }

  /** What every artifact needs: the job's context and the steps' bean. */
  abstract static class Artifact {
    @Inject JobContext job;
    @Inject RunSteps steps;

    long runId() {
      return ReconciliationJob.runId(job);
    }
  }

  /** Step 1: expire due lots and write the expiry warnings. */
  @Named("reconExpire")
  @Dependent
  public static class Expire extends ShortStep {
    @Override
    public String process() {
      return "expired " + steps.expireLots(runId());
    }
  }

  /** Step 2: settle payments whose outcome is unknown. */
  @Named("reconSettle")
  @Dependent
  public static class Settle extends ShortStep {
    @Override
    public String process() {
      return "settled " + steps.settlePayments(runId());
    }
  }

  /** A batchlet that ends by itself in moments: asking it to stop has nothing to interrupt. */
  abstract static class ShortStep extends Artifact implements Batchlet {
    @Override
    public void stop() {
      // it ends by itself
    }
  }

  /** Step 3: splits the wallets into id ranges, one partition each. */
  @Named("reconWalletMapper")
  @Dependent
  public static class WalletMapper extends Artifact implements PartitionMapper {
    @Override
    public PartitionPlan mapPartitions() {
      long[] range = steps.walletIdRange();
      long span = range[1] - range[0] + 1;
      int count = (int) Math.max(1, Math.min(MAX_PARTITIONS, span / 1000 + 1));
      long size = Math.max(1, (span + count - 1) / count);
      Properties[] plans = new Properties[count];
      for (int i = 0; i < count; i++) {
        Properties p = new Properties();
        long from = range[0] + i * size;
        long to = i == count - 1 ? Long.MAX_VALUE : from + size - 1;
        p.setProperty("from", Long.toString(i == 0 ? 0 : from));
        p.setProperty("to", Long.toString(to));
        plans[i] = p;
      }
      steps.partitions(runId(), count);
      PartitionPlanImpl plan = new PartitionPlanImpl();
      plan.setPartitions(count);
      plan.setThreads(Math.min(count, 2));
      plan.setPartitionProperties(plans);
      return plan;
    }
  }

  /** Step 3: counts partitions done for the progress bar. */
  @Named("reconWalletAnalyzer")
  @Dependent
  public static class WalletAnalyzer extends AbstractPartitionAnalyzer {
    @Inject JobContext job;
    @Inject RunSteps steps;

    @Override
    public void analyzeStatus(BatchStatus status, String exitStatus) {
      if (status == BatchStatus.COMPLETED) {
        steps.partitionDone(runId(job));
      }
    }
  }

  /**
   * Step 3: one partition's wallets as ranges of up to {@link #WALLETS_PER_READ} (incremental:
   * {@link #WALLETS_PER_INCREMENTAL_READ}) existing ids, one item each; its checkpoint is the last
   * id read.
   */
  @Named("reconWalletReader")
  @Dependent
  public static class WalletReader extends AbstractItemReader {
    @Inject JobContext job;
    @Inject RunSteps steps;

    @Inject
    @BatchProperty(name = "from")
    String from;

    @Inject
    @BatchProperty(name = "to")
    String to;

    private long last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
      last = checkpoint == null ? Long.parseLong(from) - 1 : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
      if (exhausted) {
        return null;
      }
      int limit =
          RunMode.valueOf(property(job, JobControl.MODE)) == RunMode.INCREMENTAL
              ? WALLETS_PER_INCREMENTAL_READ
              : WALLETS_PER_READ;
      List<Long> ids = steps.walletIds(Long.parseLong(from), Long.parseLong(to), last, limit);
      exhausted = ids.size() < limit;
      if (ids.isEmpty()) {
        return null;
      }
      long[] range = {ids.get(0), ids.get(ids.size() - 1)};
      last = range[1];
      return range;
    }

    @Override
    public Serializable checkpointInfo() {
      return last;
    }
  }

  /** Step 3: checks one range of wallets (its own short transaction under shared locks). */
  @Named("reconWalletProcessor")
  @Dependent
  public static class WalletProcessor extends Artifact implements ItemProcessor {
    @Override
    public Object processItem(Object item) {
      long[] range = (long[]) item;
      String failAt = property(job, JobControl.FAIL_AT_WALLET);
      if (failAt != null
          && Long.parseLong(failAt) >= range[0]
          && Long.parseLong(failAt) <= range[1]) {
        throw new IllegalStateException("Injected failure at wallet " + failAt + " (test hook)");
      }
      return steps.checkWallets(
          runId(), RunMode.valueOf(property(job, JobControl.MODE)), range[0], range[1]);
    }
  }

  /** Step 3: stores a chunk's findings, checkpoints and counts in the chunk's transaction. */
  @Named("reconWalletWriter")
  @Dependent
  public static class WalletWriter extends Artifact implements ItemWriter {
    @Override
    public void open(Serializable checkpoint) {
      // nothing to reopen: the reader's checkpoint says where to go on
    }

    @Override
    public void close() {
      // nothing held
    }

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) {
      List<WalletChecks.Outcome> outcomes = new ArrayList<>();
      for (Object item : items) {
        outcomes.addAll((List<WalletChecks.Outcome>) item);
      }
      steps.record(runId(), outcomes);
    }

    @Override
    public Serializable checkpointInfo() {
      return null;
    }
  }

  /** Step 4: the cross-checks. */
  @Named("reconCrossCheck")
  @Dependent
  public static class CrossCheck extends Artifact implements Batchlet {
    @Override
    public String process() {
      return "findings " + steps.crossCheck(runId());
    }

    @Override
    public void stop() {
      // one query after another: it ends by itself
    }
  }

  /** Step 5: the report. */
  @Named("reconReport")
  @Dependent
  public static class Report extends Artifact implements Batchlet {
    @Override
    public String process() {
      steps.report(runId());
      return "reported";
    }

    @Override
    public void stop() {
      // short step
    }
  }

  /** A job that ends without its report (failed, stopped) leaves a FAILED, restartable run. */
  @Named("reconJobListener")
  @Dependent
  public static class Listener extends AbstractJobListener {
    @Inject JobContext job;
    @Inject RunSteps steps;

    @Override
    public void afterJob() {
      if (job.getBatchStatus() != BatchStatus.COMPLETED) {
        steps.failed(
            runId(job), "The job ended " + job.getBatchStatus() + ": " + job.getExitStatus());
      }
    }
  }
}
