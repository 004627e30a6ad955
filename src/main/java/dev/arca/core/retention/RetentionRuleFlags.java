package dev.arca.core.retention;

import dev.arca.core.PackageFormat;
import dev.arca.core.ResourceNames;
import dev.arca.core.VersionStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The common rules as command-line flags ({@code arca cleanup --keep-newest 10 --action delete …}) without a rules
 * file: one rule, built from values as the user typed them. Every problem is an {@link IllegalArgumentException}
 * whose message names the flag, in one sentence for stderr. Unlike a rules document, the guards are off unless
 * {@link #keepLatest(boolean)} turns them on, as {@code --keep-latest} does.
 */
public final class RetentionRuleFlags {

    private Optional<PackageFormat> format = Optional.empty();
    private Optional<String> namespace = Optional.empty();
    private Optional<String> packagePrefix = Optional.empty();
    private final Set<VersionStatus> statuses = EnumSet.noneOf(VersionStatus.class);
    private Optional<String> versionRegex = Optional.empty();
    private OptionalInt keepNewest = OptionalInt.empty();
    private NewestBy newestBy = NewestBy.PUBLISHED_TIME;
    private OptionalInt olderThanDays = OptionalInt.empty();
    private boolean keepLatest;
    private boolean keepServedDownstream;
    private Optional<ActionKind> action = Optional.empty();
    private Optional<String> to = Optional.empty();
    private boolean allowOverwrite;
    private boolean includeFromUpstream;

    /** {@code --format maven}. */
    public RetentionRuleFlags format(String value) {
        format = Optional.of(PackageFormat.fromWire(value.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalArgumentException("--format '" + value + "' is not a package format; use one of "
                        + PackageFormat.wireNames())));
        return this;
    }

    /** {@code --namespace com.example}. */
    public RetentionRuleFlags namespace(String value) {
        namespace = Optional.of(name("--namespace", value));
        return this;
    }

    /** {@code --package-prefix lib-}. */
    public RetentionRuleFlags packagePrefix(String value) {
        packagePrefix = Optional.of(name("--package-prefix", value));
        return this;
    }

    /** {@code --status Unlisted}, repeatable; case is ignored. */
    public RetentionRuleFlags status(String value) {
        statuses.add(Arrays.stream(VersionStatus.values()).filter(s -> s != VersionStatus.DELETED)
                .filter(s -> s.wireName().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--status '" + value + "' is not a version status; use "
                        + Arrays.stream(VersionStatus.values()).filter(s -> s != VersionStatus.DELETED)
                        .map(VersionStatus::wireName).collect(Collectors.joining(", ")))));
        return this;
    }

    /** {@code --version-regex '.*-SNAPSHOT'}: the whole version must match. */
    public RetentionRuleFlags versionRegex(String value) {
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--version-regex does not compile: " + e.getDescription()
                    + " at character " + (e.getIndex() + 1) + " of '" + value + "'");
        }
        versionRegex = Optional.of(value);
        return this;
    }

    /** {@code --keep-newest 10}: keep the newest N per package (by publish time unless {@link #newestBy}). */
    public RetentionRuleFlags keepNewest(int value) {
        checkRange("--keep-newest", value, VersionSelection.MAX_KEEP_NEWEST);
        keepNewest = OptionalInt.of(value);
        return this;
    }

    /** What newest means for {@link #keepNewest}: {@code publishedTime} (default) or {@code version}. */
    public RetentionRuleFlags newestBy(NewestBy value) {
        newestBy = value;
        return this;
    }

    /** {@code --older-than-days 30}. */
    public RetentionRuleFlags olderThanDays(int value) {
        checkRange("--older-than-days", value, VersionSelection.MAX_DAYS);
        olderThanDays = OptionalInt.of(value);
        return this;
    }

    /** {@code --keep-latest}: never the latest release or the default display version. */
    public RetentionRuleFlags keepLatest(boolean value) {
        keepLatest = value;
        return this;
    }

    /** {@code --keep-served-downstream}: never a version another repository gets from this one through upstreams. */
    public RetentionRuleFlags keepServedDownstream(boolean value) {
        keepServedDownstream = value;
        return this;
    }

    /** {@code --action unlist|archive|publish|dispose|delete|copy}. */
    public RetentionRuleFlags action(String value) {
        action = Optional.of(ActionKind.fromRuleName(value.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalArgumentException("--action '" + value + "' is not an action; use one of "
                        + Arrays.stream(ActionKind.values()).filter(k -> k != ActionKind.KEEP)
                        .map(ActionKind::ruleName).collect(Collectors.joining(", ")))));
        return this;
    }

    /** {@code --to prod}: the repository a copy goes to. */
    public RetentionRuleFlags to(String value) {
        if (!ResourceNames.REPOSITORY.accepts(value)) {
            throw new IllegalArgumentException("--to '" + value + "' is not a repository name");
        }
        to = Optional.of(value);
        return this;
    }

    /** For a copy: replace versions that already exist in the destination. */
    public RetentionRuleFlags allowOverwrite(boolean value) {
        allowOverwrite = value;
        return this;
    }

    /** For a copy: also copy versions the source repository only serves from its upstreams. */
    public RetentionRuleFlags includeFromUpstream(boolean value) {
        includeFromUpstream = value;
        return this;
    }

    /** The one-rule set these flags describe. */
    public RetentionRuleSet build() {
        ActionKind kind = action.orElseThrow(() -> new IllegalArgumentException(
                "--action is required without --rules: one of unlist, archive, publish, dispose, delete, copy"));
        RetentionAction retentionAction;
        if (kind == ActionKind.COPY) {
            retentionAction = new RetentionAction.Copy(to.orElseThrow(() -> new IllegalArgumentException(
                    "--action copy needs --to REPOSITORY")), allowOverwrite, includeFromUpstream);
        } else {
            if (to.isPresent()) {
                throw new IllegalArgumentException("--to only applies to --action copy");
            }
            retentionAction = RetentionAction.of(kind);
        }
        VersionSelection selection = new VersionSelection(Optional.empty(), format, namespace, packagePrefix,
                statuses, versionRegex, Optional.empty(), Optional.empty(), Optional.empty(), keepNewest,
                newestBy, olderThanDays);
        RetentionRule rule = new RetentionRule(1, "from command-line flags", selection, retentionAction);
        return new RetentionRuleSet(List.of(rule), (keepLatest ? RetentionGuards.SAFE : RetentionGuards.NONE)
                .withServedDownstream(keepServedDownstream));
    }

    private static String name(String flag, String value) {
        if (!ResourceNames.PACKAGE_NAME.accepts(value)) {
            throw new IllegalArgumentException(flag + " '" + value + "' is not a valid name (no spaces, '/', '#'"
                    + " or control characters)");
        }
        return value;
    }

    private static void checkRange(String flag, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(flag + " is a whole number from 1 to " + max + ", not " + value);
        }
    }
}
