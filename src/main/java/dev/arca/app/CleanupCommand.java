package dev.arca.app;

import dev.arca.core.retention.DownstreamUse;
import dev.arca.core.retention.InvalidRuleSetException;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.RetentionAction;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.core.retention.RetentionRuleParser;
import dev.arca.core.retention.RetentionRuleSet;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.GatewayException;
import dev.arca.workflow.DownstreamUseFinder;
import dev.arca.workflow.LoadScope;
import dev.arca.workflow.PlanReport;
import dev.arca.workflow.RepositoryVersionsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arca cleanup}: plans a retention rule set (a rules file or the common rules as flags) over one repository;
 * {@code --dry-run} prints the plan — every version with its action and reason — and {@code --apply} then does it
 * through the workflow executor ({@link CleanupRun}), journalled so {@code --resume} finishes an interrupted run.
 * Reads and writes through the same gateway, planner and executor as the GUI, so it works against AWS and any Arca
 * server alike.
 */
@Command(name = "cleanup",
        versionProvider = Arca.VersionProvider.class,
        sortOptions = false,
        description = {
            "Plans a retention rule set over a repository. --dry-run prints the plan: one line per version (package,"
                    + " version, action, reason) and a summary (versions per action, bytes freed), changing nothing."
                    + " --apply then does it and prints what became of each version; --resume JOURNAL finishes a run"
                    + " that was interrupted.",
            "Rules come from --rules FILE (docs/retention-rules.md) or, without one, from the flags --format …"
                    + " --action, which make one rule.",
            "Connects as the AWS CLI does: --endpoint-url, --profile, --region, AWS_* variables, ~/.aws files.",
            "Exit codes: 0 done, 1 the service failed part of the work, 2 bad input (one line on stderr)."
        })
final class CleanupCommand implements Callable<Integer> {

    /** Service answers that say the work failed there, not that the input was wrong. */
    private static final Set<String> SERVICE_FAILURES = Set.of("InternalServerException", "ThrottlingException",
            "ServiceUnavailableException");

    @Spec
    private CommandSpec spec;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "The domain (not with --resume).")
    private String domain;

    @Option(names = "--domain-owner", paramLabel = "ID",
            description = "The 12-digit account that owns the domain, when it is not the caller's.")
    private String domainOwner;

    @Option(names = "--repository", paramLabel = "REPOSITORY",
            description = "The repository to clean up (not with --resume).")
    private String repository;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "A rule set document (JSON, docs/retention-rules.md); not with the rule flags below.")
    private Path rules;

    @Option(names = "--dry-run", description = "Plan and print what would be done, changing nothing.")
    private boolean dryRun;

    @Option(names = "--apply", description = "Plan, then do it: each version changed at most once, journalled.")
    private boolean apply;

    @Option(names = "--confirm", paramLabel = "REPOSITORY",
            description = "With --apply, the repository's name again: required when the rules dispose or delete,"
                    + " which cannot be undone (archive can).")
    private String confirm;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "With --apply, where to journal the run (default: arca-cleanup-DOMAIN-REPOSITORY-TIME"
                    + ".journal in the current folder); a new file.")
    private Path journal;

    @Option(names = "--resume", paramLabel = "JOURNAL",
            description = "Finish the run JOURNAL records (cancelled, killed or crashed): what it did is not done"
                    + " again, what it did not do is done; no rules needed.")
    private Path resume;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also save the plan as FILE: JSON when it ends in .json, CSV when it ends in .csv.")
    private Path report;

    @Mixin
    private RuleFlagOptions ruleFlags;

    @Mixin
    private AwsConnectionOptions connection;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    private final Map<String, String> env;

    CleanupCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() throws CommandProblem, InterruptedException {
        connection.validate();
        Mode mode = mode();
        Report reportFormat = reportFormat();
        if (mode == Mode.RESUME) {
            return resumeRun(reportFormat);
        }
        if (domain == null || repository == null) {
            throw usage("--domain and --repository are required: they say which repository to clean up");
        }
        RetentionRuleSet ruleSet = rules == null ? ruleSetFromFlags() : ruleSetFromFile();
        if (mode == Mode.APPLY) {
            requireConfirmation(ruleSet);
        }
        try (ClientFactory clients = new ClientFactory(AwsSharedConfig.fromEnvironment(env));
             CodeArtifactGateway gateway = connection.open(clients, env)) {
            if (domainOwner != null) {
                gateway.useOwner(domain, domainOwner);
            }
            // The service names what is missing, the domain or the repository, in its own sentence.
            gateway.describeRepository(domain, repository);
            for (String destination : copyDestinations(ruleSet)) {
                requireDestination(gateway, destination);
            }
            Instant now = Instant.now();
            List<PackageVersions> packages = new RepositoryVersionsLoader(gateway)
                    .load(domain, repository, LoadScope.of(ruleSet, now), progress -> { });
            DownstreamUse downstream = ruleSet.guards().servedDownstream()
                    ? new DownstreamUseFinder(gateway).find(domain, repository, packages) : DownstreamUse.none();
            RetentionPlan plan = new RetentionPlanner(ruleSet).plan(packages, now, downstream);
            PlanReport planReport = new PlanReport(domain, repository, now, plan);
            if (mode == Mode.APPLY) {
                Path runJournal = journal != null ? journal : Path.of(CleanupRun.defaultJournalName(domain,
                        repository, now));
                return new CleanupRun(gateway, spec.commandLine()).apply(domain, repository, plan, runJournal,
                        reportFormat == Report.NONE ? null : report, reportFormat == Report.JSON);
            }
            if (report != null) {
                write(report, reportFormat == Report.JSON ? planReport.json() : planReport.csv());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(planReport.text());
            out.flush();
            return Arca.EXIT_OK;
        } catch (GatewayException e) {
            throw serviceProblem(e);
        }
    }

    /** What the command does: exactly one of --dry-run, --apply and --resume. */
    private enum Mode { DRY_RUN, APPLY, RESUME }

    private Mode mode() {
        int given = (dryRun ? 1 : 0) + (apply ? 1 : 0) + (resume != null ? 1 : 0);
        if (given != 1) {
            throw usage((given == 0 ? "say what to do" : "give only one of them") + ": --dry-run (plan and print),"
                    + " --apply (plan and do it) or --resume JOURNAL (finish an interrupted run)");
        }
        if (!apply && (confirm != null || journal != null)) {
            throw usage((confirm != null ? "--confirm" : "--journal") + " goes with --apply");
        }
        if (resume != null && (domain != null || repository != null || rules != null || ruleFlags.anyGiven())) {
            throw usage("--resume takes the repository and the plan from its journal: drop --domain, --repository"
                    + " and the rules");
        }
        return dryRun ? Mode.DRY_RUN : apply ? Mode.APPLY : Mode.RESUME;
    }

    /** Dispose and delete cannot be undone: the repository's name typed again, as the GUI asks for it. */
    private void requireConfirmation(RetentionRuleSet ruleSet) {
        boolean irreversible = ruleSet.rules().stream().anyMatch(rule -> rule.action() instanceof RetentionAction.Dispose
                || rule.action() instanceof RetentionAction.Delete);
        if (irreversible && !repository.equals(confirm)) {
            throw usage("these rules dispose or delete versions, which cannot be undone: add --confirm " + repository
                    + " to go ahead, or archive them instead (--action archive can be reverted)");
        }
    }

    private int resumeRun(Report reportFormat) throws CommandProblem {
        try (ClientFactory clients = new ClientFactory(AwsSharedConfig.fromEnvironment(env));
             CodeArtifactGateway gateway = connection.open(clients, env)) {
            return new CleanupRun(gateway, spec.commandLine()).resume(resume,
                    reportFormat == Report.NONE ? null : report, reportFormat == Report.JSON);
        } catch (GatewayException e) {
            throw serviceProblem(e);
        }
    }

    private static CommandProblem serviceProblem(GatewayException e) {
        return new CommandProblem(e.getMessage(), e.errorCode().filter(SERVICE_FAILURES::contains).isPresent()
                ? Arca.EXIT_FAILURE : Arca.EXIT_USAGE);
    }

    /** What {@code --report} writes, told by its extension; refused before anything is sent. */
    private enum Report { NONE, JSON, CSV }

    private Report reportFormat() {
        if (report == null) {
            return Report.NONE;
        }
        String name = String.valueOf(report.getFileName()).toLowerCase(Locale.ROOT);
        Report format = name.endsWith(".json") ? Report.JSON : name.endsWith(".csv") ? Report.CSV : Report.NONE;
        if (format == Report.NONE) {
            throw usage("--report '" + report + "' must end in .json or .csv, which says what to write");
        }
        Path folder = report.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw usage("--report '" + report + "' is in a folder that does not exist: " + folder);
        }
        return format;
    }

    private RetentionRuleSet ruleSetFromFile() throws CommandProblem {
        List<String> flags = ruleFlags.given();
        if (!flags.isEmpty()) {
            throw usage("--rules and " + String.join(", ", flags) + " cannot be used together; put the rule in the"
                    + " file or drop --rules");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(rules)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new CommandProblem("The rules file " + rules + " does not exist.", Arca.EXIT_USAGE);
        } catch (CharacterCodingException e) {
            throw new CommandProblem("The rules file " + rules + " is not UTF-8 text.", Arca.EXIT_USAGE);
        } catch (IOException e) {
            throw new CommandProblem("The rules file " + rules + " cannot be read (" + reason(e) + ").",
                    Arca.EXIT_USAGE);
        }
        try {
            return RetentionRuleParser.parse(text);
        } catch (InvalidRuleSetException e) {
            throw new CommandProblem(rules + ": " + e.getMessage(), Arca.EXIT_USAGE);
        }
    }

    private RetentionRuleSet ruleSetFromFlags() {
        if (!ruleFlags.anyGiven()) {
            throw usage("give the rules: --rules FILE, or flags such as --keep-newest 10 --action delete");
        }
        try {
            return ruleFlags.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private static Set<String> copyDestinations(RetentionRuleSet ruleSet) {
        Set<String> destinations = new LinkedHashSet<>();
        ruleSet.rules().forEach(rule -> {
            if (rule.action() instanceof RetentionAction.Copy copy) {
                destinations.add(copy.repository());
            }
        });
        return destinations;
    }

    /** A copy destination that does not exist is bad input, said as such before a plan promises copies into it. */
    private void requireDestination(CodeArtifactGateway gateway, String name) throws CommandProblem {
        try {
            gateway.describeRepository(domain, name);
        } catch (GatewayException e) {
            if (e.errorCode().filter("ResourceNotFoundException"::equals).isPresent()) {
                throw new CommandProblem("The copy destination " + name + " does not exist in domain " + domain
                        + ".", Arca.EXIT_USAGE);
            }
            throw e;
        }
    }

    /** Writes a report; a file that cannot be written is one sentence, exit 2. */
    static void write(Path file, String content) throws CommandProblem {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandProblem("Cannot write the report to " + file + " (" + reason(e) + ").",
                    Arca.EXIT_USAGE);
        }
    }

    /** What the file system said, in words rather than an exception's name. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return "an input/output error";
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
