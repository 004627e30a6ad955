package dev.arca.app;

import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.core.retention.RetentionRuleSet;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code arca cleanup}'s rule flags: the common rules without a rules file, making one rule. */
final class RuleFlagOptions {

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

    @Option(names = "--keep-served-downstream",
            description = "Rule flag: never a version another repository of the domain gets from this one through "
                    + "its upstreams.")
    private boolean keepServedDownstream;

    @Option(names = "--action", paramLabel = "ACTION",
            description = "Rule flag: unlist, archive, publish, dispose, delete or copy (with --to).")
    private String action;

    @Option(names = "--to", paramLabel = "REPOSITORY",
            description = "Rule flag: the repository of the domain that --action copy copies to.")
    private String to;

    /** Whether any rule flag was given. */
    boolean anyGiven() {
        return !given().isEmpty();
    }

    /**
     * The one rule the flags make.
     *
     * @throws IllegalArgumentException a flag's value is not valid, in a sentence naming the flag
     */
    RetentionRuleSet build() {
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
        flags.keepServedDownstream(keepServedDownstream);
        if (action != null) {
            flags.action(action);
        }
        if (to != null) {
            flags.to(to);
        }
        return flags.build();
    }

    /** The rule flags on the command line, by name, in the order of the help. */
    List<String> given() {
        List<String> given = new ArrayList<>();
        addIf(given, format != null, "--format");
        addIf(given, namespace != null, "--namespace");
        addIf(given, packagePrefix != null, "--package-prefix");
        addIf(given, !statuses.isEmpty(), "--status");
        addIf(given, versionRegex != null, "--version-regex");
        addIf(given, keepNewest != null, "--keep-newest");
        addIf(given, olderThanDays != null, "--older-than-days");
        addIf(given, keepLatest, "--keep-latest");
        addIf(given, keepServedDownstream, "--keep-served-downstream");
        addIf(given, action != null, "--action");
        addIf(given, to != null, "--to");
        return given;
    }

    private static void addIf(List<String> list, boolean condition, String flag) {
        if (condition) {
            list.add(flag);
        }
    }
}
