package dev.arca.app;

import dev.arca.core.retention.InvalidRuleSetException;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.RetentionAction;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.core.retention.RetentionRuleParser;
import dev.arca.core.retention.RetentionRuleSet;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.GatewayException;
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
import java.util.ArrayList;
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
 * {@code arca cleanup}: plans a retention rule set (a rules file or the common rules as flags) over one repository
 * and prints the dry run — every version with its action and reason — optionally saving it as a JSON or CSV report.
 * It reads through the same gateway and planner as the GUI, so it works against AWS and any Arca server alike, and
 * changes nothing: applying a plan comes with the executor.
 */
@Command(name = "cleanup",
        versionProvider = Arca.VersionProvider.class,
        sortOptions = false,
        description = {
            "Plans a retention rule set over a repository and prints the dry run: one line per version (package,"
                    + " version, action, reason) and a summary (versions per action, bytes freed). Nothing is changed.",
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

    @Option(names = "--domain", paramLabel = "DOMAIN", required = true, description = "The domain.")
    private String domain;

    @Option(names = "--domain-owner", paramLabel = "ID",
            description = "The 12-digit account that owns the domain, when it is not the caller's.")
    private String domainOwner;

    @Option(names = "--repository", paramLabel = "REPOSITORY", required = true,
            description = "The repository to clean up.")
    private String repository;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "A rule set document (JSON, docs/retention-rules.md); not with the rule flags below.")
    private Path rules;

    @Option(names = "--dry-run",
            description = "Plan and print what would be done, changing nothing (required: this command only plans).")
    private boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also save the plan as FILE: JSON when it ends in .json, CSV when it ends in .csv.")
    private Path report;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Rule flag: only packages of this format (maven, npm, pypi, generic, …).")
    private String format;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "Rule flag: only packages in this namespace (Maven group ID, npm scope with or without @).")
    private String namespace;

    @Option(names = "--package-prefix", paramLabel = "PREFIX",
            description = "Rule flag: only packages whose name starts with PREFIX (case-sensitive).")
    private String packagePrefix;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Rule flag, repeatable: only versions with this status (Published, Unfinished, Unlisted,"
                    + " Archived, Disposed; case ignored).")
    private List<String> statuses = new ArrayList<>();

    @Option(names = "--version-regex", paramLabel = "REGEX",
            description = "Rule flag: only versions the whole of which this Java regular expression matches.")
    private String versionRegex;

    @Option(names = "--keep-newest", paramLabel = "N",
            description = "Rule flag: keep the newest N matching versions of each package (by publish time).")
    private Integer keepNewest;

    @Option(names = "--older-than-days", paramLabel = "D",
            description = "Rule flag: only versions published more than D days ago.")
    private Integer olderThanDays;

    @Option(names = "--keep-latest",
            description = "Rule flag: never the latest release or the default display version of a package.")
    private boolean keepLatest;

    @Option(names = "--action", paramLabel = "ACTION",
            description = "Rule flag: unlist, archive, publish, dispose, delete or copy (with --to).")
    private String action;

    @Option(names = "--to", paramLabel = "REPOSITORY",
            description = "Rule flag: the repository of the domain that --action copy copies to.")
    private String to;

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
        if (!dryRun) {
            throw usage("--dry-run is required: arca cleanup plans and prints what it would do, and changes nothing");
        }
        Report reportFormat = reportFormat();
        RetentionRuleSet ruleSet = rules == null ? ruleSetFromFlags() : ruleSetFromFile();
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
                    .load(domain, repository, LoadScope.of(ruleSet), progress -> { });
            RetentionPlan plan = new RetentionPlanner(ruleSet).plan(packages, now);
            PlanReport planReport = new PlanReport(domain, repository, now, plan);
            if (report != null) {
                write(planReport, reportFormat);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(planReport.text());
            out.flush();
            return Arca.EXIT_OK;
        } catch (GatewayException e) {
            throw new CommandProblem(e.getMessage(), e.errorCode().filter(SERVICE_FAILURES::contains).isPresent()
                    ? Arca.EXIT_FAILURE : Arca.EXIT_USAGE);
        }
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
        List<String> flags = ruleFlagsGiven();
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
        if (action == null && ruleFlagsGiven().isEmpty()) {
            throw usage("give the rules: --rules FILE, or flags such as --keep-newest 10 --action delete");
        }
        try {
            RetentionRuleFlags flags = new RetentionRuleFlags();
            if (format != null) {
                flags.format(format);
            }
            if (namespace != null) {
                // CodeArtifact names an npm scope without its @, as the AWS CLI does; people often type it with one.
                flags.namespace(namespace.startsWith("@") && (format == null
                        || format.equalsIgnoreCase("npm")) ? namespace.substring(1) : namespace);
            }
            if (packagePrefix != null) {
                flags.packagePrefix(packagePrefix);
            }
            statuses.forEach(flags::status);
            if (versionRegex != null) {
                flags.versionRegex(versionRegex);
            }
            if (keepNewest != null) {
                flags.keepNewest(keepNewest);
            }
            if (olderThanDays != null) {
                flags.olderThanDays(olderThanDays);
            }
            flags.keepLatest(keepLatest);
            if (action != null) {
                flags.action(action);
            }
            if (to != null) {
                flags.to(to);
            }
            return flags.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The rule flags on the command line, by name, in the order of the help. */
    private List<String> ruleFlagsGiven() {
        List<String> given = new ArrayList<>();
        addIf(given, format != null, "--format");
        addIf(given, namespace != null, "--namespace");
        addIf(given, packagePrefix != null, "--package-prefix");
        addIf(given, !statuses.isEmpty(), "--status");
        addIf(given, versionRegex != null, "--version-regex");
        addIf(given, keepNewest != null, "--keep-newest");
        addIf(given, olderThanDays != null, "--older-than-days");
        addIf(given, keepLatest, "--keep-latest");
        addIf(given, action != null, "--action");
        addIf(given, to != null, "--to");
        return given;
    }

    private static void addIf(List<String> list, boolean condition, String flag) {
        if (condition) {
            list.add(flag);
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

    private void write(PlanReport planReport, Report format) throws CommandProblem {
        try {
            Files.writeString(report, format == Report.JSON ? planReport.json() : planReport.csv(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandProblem("Cannot write the report to " + report + " (" + reason(e) + ").",
                    Arca.EXIT_USAGE);
        }
    }

    /** What the file system said, in words rather than an exception's name. */
    private static String reason(IOException e) {
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
