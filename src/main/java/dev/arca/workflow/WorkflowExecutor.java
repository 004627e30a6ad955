package dev.arca.workflow;

import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.core.VersionWriteOutcome;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.RetentionAction;
import dev.arca.gateway.GatewayException;
import dev.arca.gateway.PackageVersionWrites;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes version changes (a {@link dev.arca.core.retention.RetentionPlan}'s, or any list) against a repository:
 * batched per package, action and planned status, at most {@link ExecutionOptions#versionsPerBatch()} versions a
 * request; a few batches at once; each operation paced to its quota and slowed, for everyone, by a throttled
 * request's {@code Retry-After}; the planned status sent as {@code expectedStatus} and the planned revision in
 * {@code versionRevisions} (DeletePackageVersions takes only the status), so a version changed since planning comes
 * back MISMATCHED_STATUS or MISMATCHED_REVISION and is reported, never overridden. The service answers batches all
 * or nothing: versions it only SKIPPED because another failed are sent again in a batch of their own.
 *
 * <p><b>Journal.</b> Every run writes a journal (see {@link RunJournal}; format in docs/workflows.md): the plan
 * first, then a {@code start} line before each request and an {@code outcome} line after its answer, each forced to
 * the device before going on. {@link #resume} continues a run stopped by a crash, a kill or a cancel, and neither
 * repeats nor skips a version:
 * <ul>
 *   <li>a version with a recorded outcome is not sent again: done ones are reported SKIPPED, failed ones FAILED
 *       with their recorded code;</li>
 *   <li>a version never sent, or released by an outcome (skipped by the service, or waiting out throttling when
 *       cancelled), is sent as in a new run;</li>
 *   <li>a version whose batch was <b>started but has no outcome</b> — the request may or may not have reached the
 *       service — is first looked at with DescribePackageVersion (for a copy, in the destination): if it already
 *       has the action's result (the target status; Disposed; gone after a delete; present in the destination)
 *       it is DONE; if it still has the planned status and revision it is sent again; otherwise someone else
 *       changed it and it is FAILED with MISMATCHED_STATUS, MISMATCHED_REVISION or NOT_FOUND, as the service
 *       itself would have answered. The decision is journalled as that batch's outcome before anything is sent.</li>
 * </ul>
 *
 * <p><b>Cancel.</b> {@link Cancellation#cancel()} stops the run: requests in flight finish and are journalled, no
 * new one is sent, and unsent versions are reported NOT_RUN.
 */
public final class WorkflowExecutor {

    static final String COPY = "CopyPackageVersions";
    static final String UPDATE_STATUS = "UpdatePackageVersionsStatus";
    static final String DISPOSE = "DisposePackageVersions";
    static final String DELETE = "DeletePackageVersions";

    /** Throttled attempts of one batch before it is reported failed. */
    private static final int THROTTLED_ATTEMPTS = 20;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(8);

    private final PackageVersionWrites writes;
    private final ExecutionOptions options;

    public WorkflowExecutor(PackageVersionWrites writes, ExecutionOptions options) {
        this.writes = Objects.requireNonNull(writes, "writes");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Runs {@code changes} on {@code repository} of {@code domain}, journalled in {@code journal} (a new file).
     *
     * @throws JournalException     the journal exists already or cannot be written; nothing was sent then, or (when
     *                              writing failed midway) the run stopped and can be resumed once the disk is fixed
     * @throws IllegalArgumentException a package version appears twice in {@code changes}
     */
    public ExecutionReport execute(String domain, String repository, List<VersionChange> changes, Path journal,
                                   ExecutionProgress.Listener listener, Cancellation cancellation)
            throws IOException {
        RunJournal.requireDistinct(changes);
        try (RunJournal run = RunJournal.create(journal, domain, repository, changes)) {
            return new Run(run, listener, cancellation).execute();
        }
    }

    /**
     * Continues the run journalled in {@code journal}, with the plan it recorded, by the rule in the class comment.
     *
     * @throws JournalException there is no journal, it is damaged (one sentence naming the line), or it cannot be
     *                          written; nothing is sent then
     * @throws GatewayException a version of an interrupted batch could not be looked at; nothing was sent
     */
    public ExecutionReport resume(Path journal, ExecutionProgress.Listener listener, Cancellation cancellation)
            throws IOException {
        try (RunJournal run = RunJournal.open(journal)) {
            return new Run(run, listener, cancellation).execute();
        }
    }

    /**
     * What a journal records, without sending or looking anything up: for the history of runs. Versions of a
     * batch started without an outcome, and versions never sent, are NOT_RUN ({@link #resume} settles them).
     *
     * @throws JournalException there is no journal or it is damaged
     */
    public static ExecutionReport recorded(Path journal) throws IOException {
        return recorded(RunJournal.read(journal));
    }

    /** What {@code run}, a journal read only, records; see {@link #recorded(Path)}. */
    static ExecutionReport recorded(RunJournal run) {
        List<VersionResult> results = new ArrayList<>();
        for (int i = 0; i < run.changes().size(); i++) {
            VersionChange change = run.changes().get(i);
            RunJournal.Entry entry = run.entry(i);
            results.add(switch (entry.state()) {
                case DONE -> VersionResult.done(change, "");
                case FAILED -> VersionResult.failed(change, entry.code(), entry.message());
                case IN_FLIGHT -> new VersionResult(change, VersionResult.Kind.NOT_RUN, Optional.empty(),
                        "interrupted while sent: resume the run to check it");
                case PENDING -> new VersionResult(change, VersionResult.Kind.NOT_RUN, Optional.empty(),
                        "not sent yet");
            });
        }
        boolean stopped = results.stream().anyMatch(r -> r.kind() == VersionResult.Kind.NOT_RUN);
        return new ExecutionReport(results, stopped, Duration.ZERO, 0, run.file());
    }

    /** The service operation an action is sent as, whose quota paces it. */
    static String operation(RetentionAction action) {
        return switch (action) {
            case RetentionAction.Copy copy -> COPY;
            case RetentionAction.SetStatus set -> UPDATE_STATUS;
            case RetentionAction.Dispose dispose -> DISPOSE;
            case RetentionAction.Delete delete -> DELETE;
        };
    }

    /** One run over a journal. */
    private final class Run {

        private final RunJournal journal;
        private final ExecutionProgress.Listener listener;
        private final Cancellation userCancellation;
        private final Cancellation stop;
        private final List<VersionChange> changes;
        private final VersionResult[] results;
        private final Map<String, RatePacer> pacers = new ConcurrentHashMap<>();
        private final AtomicInteger settled = new AtomicInteger();
        private final AtomicInteger settledHere = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger throttled = new AtomicInteger();
        private final AtomicReference<IOException> journalFailure = new AtomicReference<>();
        private final long started = System.nanoTime();

        Run(RunJournal journal, ExecutionProgress.Listener listener, Cancellation cancellation) {
            this.journal = journal;
            this.listener = Objects.requireNonNull(listener, "listener");
            this.userCancellation = Objects.requireNonNull(cancellation, "cancellation");
            this.stop = cancellation.child();
            this.changes = journal.changes();
            this.results = new VersionResult[changes.size()];
        }

        ExecutionReport execute() throws IOException {
            List<Integer> pending = new ArrayList<>();
            Map<Long, List<Integer>> interrupted = new TreeMap<>();
            for (int i = 0; i < changes.size(); i++) {
                RunJournal.Entry entry = journal.entry(i);
                switch (entry.state()) {
                    case DONE -> settle(i, new VersionResult(changes.get(i), VersionResult.Kind.SKIPPED,
                            Optional.empty(), "done by an earlier run of this journal"), false);
                    case FAILED -> settle(i, VersionResult.failed(changes.get(i), entry.code(), entry.message()),
                            false);
                    case IN_FLIGHT -> interrupted.computeIfAbsent(entry.batch(), b -> new ArrayList<>()).add(i);
                    case PENDING -> pending.add(i);
                }
            }
            for (Map.Entry<Long, List<Integer>> batch : interrupted.entrySet()) {
                pending.addAll(recheck(batch.getKey(), batch.getValue()));
            }
            pending.sort(null);
            report();
            Queue<List<Integer>> batches = new ConcurrentLinkedQueue<>(batches(pending));
            int workers = Math.min(options.concurrency(), batches.size());
            boolean interruptedWait = false;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    futures.add(pool.submit(() -> {
                        try {
                            List<Integer> batch;
                            while (!stop.isCancelled() && (batch = batches.poll()) != null) {
                                send(batch);
                            }
                        } catch (IOException e) {
                            // The journal cannot be written: nothing more may be sent without a record of it.
                            journalFailure.compareAndSet(null, e);
                            stop.cancel();
                        } catch (InterruptedException e) {
                            stop.cancel();
                        } catch (RuntimeException e) {
                            stop.cancel();
                            throw e;
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    while (true) {
                        try {
                            future.get();
                            break;
                        } catch (InterruptedException e) {
                            // The caller's thread was interrupted: stop as for a cancel, finish what is in flight.
                            interruptedWait = true;
                            stop.cancel();
                        } catch (ExecutionException e) {
                            throw e.getCause() instanceof RuntimeException runtime ? runtime
                                    : new IllegalStateException(e.getCause());
                        }
                    }
                }
            }
            if (interruptedWait) {
                Thread.currentThread().interrupt();
            }
            if (journalFailure.get() != null) {
                throw new JournalException("The journal " + journal.file() + " could not be written ("
                        + journalFailure.get().getMessage() + "); the run stopped and can be resumed from it.",
                        journalFailure.get());
            }
            List<VersionResult> out = new ArrayList<>(results.length);
            for (int i = 0; i < results.length; i++) {
                out.add(results[i] != null ? results[i] : new VersionResult(changes.get(i),
                        VersionResult.Kind.NOT_RUN, Optional.empty(), "not sent: the run was cancelled"));
            }
            return new ExecutionReport(out, stop.isCancelled() && out.stream()
                    .anyMatch(r -> r.kind() == VersionResult.Kind.NOT_RUN) || userCancellation.isCancelled(),
                    Duration.ofNanos(System.nanoTime() - started), throttled.get(), journal.file());
        }

        /** Pending changes grouped per package, action and planned status, in plan order, cut to batch size. */
        private List<List<Integer>> batches(List<Integer> pending) {
            Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
            for (int i : pending) {
                VersionChange change = changes.get(i);
                groups.computeIfAbsent(List.of(change.pkg(), change.action(), change.plannedStatus()),
                        k -> new ArrayList<>()).add(i);
            }
            List<List<Integer>> out = new ArrayList<>();
            for (List<Integer> group : groups.values()) {
                for (int from = 0; from < group.size(); from += options.versionsPerBatch()) {
                    out.add(List.copyOf(group.subList(from, Math.min(group.size(), from + options.versionsPerBatch()))));
                }
            }
            return out;
        }

        /** Sends one batch, then again those versions the service only skipped. */
        private void send(List<Integer> batch) throws IOException, InterruptedException {
            List<Integer> indexes = batch;
            while (!indexes.isEmpty()) {
                indexes = sendOnce(indexes);
            }
        }

        /** @return the versions to send again (skipped by the service for another's failure) */
        private List<Integer> sendOnce(List<Integer> indexes) throws IOException, InterruptedException {
            VersionChange first = changes.get(indexes.getFirst());
            RatePacer pacer = pacers.computeIfAbsent(operation(first.action()),
                    op -> new RatePacer(Optional.ofNullable(options.ratesPerSecond().get(op))));
            if (!pacer.acquire(stop)) {
                return List.of();
            }
            long batch = journal.nextBatch();
            journal.started(batch, indexes);
            Duration backoff = FIRST_BACKOFF;
            List<VersionWriteOutcome> outcomes;
            for (int attempt = 1; ; attempt++) {
                try {
                    outcomes = call(indexes);
                    pacer.succeeded();
                    break;
                } catch (GatewayException e) {
                    if (e.errorCode().filter(PackageVersionWrites.THROTTLED::equals).isPresent()
                            && attempt < THROTTLED_ATTEMPTS) {
                        throttled.incrementAndGet();
                        Duration wait = PackageVersionWrites.retryAfter(e).orElse(backoff);
                        backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF
                                : backoff.multipliedBy(2);
                        pacer.throttled(wait);
                        if (!pacer.acquire(stop)) {
                            // Refused, so not applied: released for a resume to send.
                            journal.settled(batch, indexes.stream().map(i -> new RunJournal.Outcome(i,
                                    RunJournal.State.PENDING, "", "")).toList());
                            return List.of();
                        }
                    } else if (e.errorCode().isPresent()) {
                        // The service refused the whole request (access denied, package gone, throttled for good).
                        List<RunJournal.Outcome> refused = indexes.stream().map(i -> new RunJournal.Outcome(i,
                                RunJournal.State.FAILED, e.errorCode().get(), e.getMessage())).toList();
                        journal.settled(batch, refused);
                        refused.forEach(o -> settle(o.change(),
                                VersionResult.failed(changes.get(o.change()), o.code(), o.message()), true));
                        report();
                        return List.of();
                    } else {
                        // No answer: the request may have been applied. No outcome is journalled, so a resume
                        // looks at these versions before deciding.
                        indexes.forEach(i -> settle(i, VersionResult.failed(changes.get(i),
                                VersionResult.OUTCOME_UNKNOWN, e.getMessage()
                                        + " Whether it was applied is unknown; resume the run to check."), true));
                        report();
                        return List.of();
                    }
                }
            }
            Map<String, Integer> byVersion = new LinkedHashMap<>();
            indexes.forEach(i -> byVersion.put(changes.get(i).version(), i));
            boolean realFailure = outcomes.stream().anyMatch(o -> o instanceof VersionWriteOutcome.Failed f
                    && !f.skipped());
            List<RunJournal.Outcome> journalled = new ArrayList<>();
            List<Integer> again = new ArrayList<>();
            for (VersionWriteOutcome outcome : outcomes) {
                int index = byVersion.get(outcome.version());
                switch (outcome) {
                    case VersionWriteOutcome.Succeeded ok ->
                            journalled.add(new RunJournal.Outcome(index, RunJournal.State.DONE, "", ""));
                    case VersionWriteOutcome.Failed f when f.skipped() && realFailure -> {
                        journalled.add(new RunJournal.Outcome(index, RunJournal.State.PENDING, "", ""));
                        again.add(index);
                    }
                    case VersionWriteOutcome.Failed f -> journalled.add(failure(index, f));
                }
            }
            journal.settled(batch, journalled);
            for (RunJournal.Outcome o : journalled) {
                VersionChange change = changes.get(o.change());
                switch (o.state()) {
                    case DONE -> settle(o.change(), VersionResult.done(change, ""), true);
                    case FAILED -> settle(o.change(), VersionResult.failed(change, o.code(), o.message()), true);
                    default -> { }
                }
            }
            report();
            return stop.isCancelled() ? List.of() : again;
        }

        /**
         * A failed version's outcome. The service checks the revision before the status, so a version whose status
         * changed since planning comes back MISMATCHED_REVISION; it is looked at and reported MISMATCHED_STATUS
         * then, which tells the admin what happened.
         */
        private RunJournal.Outcome failure(int index, VersionWriteOutcome.Failed failed) {
            VersionChange change = changes.get(index);
            if (failed.errorCode().equals(VersionWriteOutcome.MISMATCHED_REVISION)) {
                try {
                    Optional<VersionInfo> now = writes.current(journal.domain(), journal.repository(), change.pkg(),
                            change.version());
                    String planned = change.plannedStatus().wireName();
                    if (now.isPresent() && !now.get().status().equals(planned)) {
                        return new RunJournal.Outcome(index, RunJournal.State.FAILED,
                                VersionWriteOutcome.MISMATCHED_STATUS, "current status: " + now.get().status()
                                + ", expected status: " + planned);
                    }
                } catch (GatewayException e) {
                    // The service's own answer stands.
                }
            }
            return new RunJournal.Outcome(index, RunJournal.State.FAILED, failed.errorCode(), failed.message());
        }

        private List<VersionWriteOutcome> call(List<Integer> indexes) {
            VersionChange first = changes.get(indexes.getFirst());
            String domain = journal.domain();
            String repository = journal.repository();
            PackageRef pkg = first.pkg();
            List<String> versions = indexes.stream().map(i -> changes.get(i).version()).toList();
            Map<String, String> revisions = new LinkedHashMap<>();
            for (int i : indexes) {
                revisions.put(changes.get(i).version(), changes.get(i).plannedRevision());
            }
            if (revisions.containsValue("")) {
                revisions.clear(); // a version listed without a revision: the status alone guards the batch
            }
            Optional<VersionStatus> expected = Optional.of(first.plannedStatus());
            return switch (first.action()) {
                case RetentionAction.Copy copy -> writes.copy(domain, repository, copy.repository(), pkg, versions,
                        revisions, copy.allowOverwrite(), copy.includeFromUpstream());
                case RetentionAction.SetStatus set -> writes.updateStatus(domain, repository, pkg, versions,
                        revisions, expected, set.target());
                case RetentionAction.Dispose dispose -> writes.dispose(domain, repository, pkg, versions, revisions,
                        expected);
                case RetentionAction.Delete delete -> writes.delete(domain, repository, pkg, versions, expected);
            };
        }

        /**
         * Decides the versions of a batch started but never settled, by what the service holds now (the rule in the
         * class comment), journals the decision as the batch's outcome and returns those to send again.
         */
        private List<Integer> recheck(long batch, List<Integer> indexes) throws IOException {
            InterruptedBatchCheck check = new InterruptedBatchCheck(writes, journal.domain(), journal.repository());
            List<RunJournal.Outcome> outcomes = new ArrayList<>();
            for (int i : indexes) {
                outcomes.add(check.decide(i, changes.get(i)));
            }
            journal.settled(batch, outcomes);
            List<Integer> again = new ArrayList<>();
            for (RunJournal.Outcome o : outcomes) {
                VersionChange change = changes.get(o.change());
                switch (o.state()) {
                    case DONE -> settle(o.change(), VersionResult.done(change,
                            "the interrupted request had gone through (checked on resume)"), true);
                    case FAILED -> settle(o.change(), VersionResult.failed(change, o.code(), o.message()), true);
                    default -> again.add(o.change());
                }
            }
            return again;
        }

        private void settle(int index, VersionResult result, boolean here) {
            synchronized (results) {
                results[index] = result;
            }
            settled.incrementAndGet();
            if (here) {
                settledHere.incrementAndGet();
            }
            if (result.kind() == VersionResult.Kind.FAILED) {
                failed.incrementAndGet();
            }
        }

        private void report() {
            double seconds = (System.nanoTime() - started) / 1e9;
            listener.progress(new ExecutionProgress(settled.get(), changes.size(), failed.get(),
                    seconds <= 0 ? 0 : settledHere.get() / seconds, throttled.get()));
        }
    }
}
