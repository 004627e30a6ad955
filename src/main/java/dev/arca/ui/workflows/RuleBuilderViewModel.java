package dev.arca.ui.workflows;

import dev.arca.core.retention.InvalidRuleSetException;
import dev.arca.core.retention.NewestBy;
import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.core.retention.RetentionRuleParser;
import dev.arca.core.retention.RetentionRuleSet;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Workflows page's rule: built from fields, as {@code arca cleanup} builds it from its flags
 * ({@link RetentionRuleFlags}), each bad value said under its field; or read from a rules file in the background.
 */
public final class RuleBuilderViewModel {

    /** The rule's fields, each with its own message when its value is bad. */
    public enum Field { FORMAT, NAMESPACE, PACKAGE_PREFIX, STATUS, VERSION_REGEX, KEEP_NEWEST, OLDER_THAN_DAYS, ACTION,
        DESTINATION }

    /** Statuses a rule may select, as the CLI's {@code --status} takes them. */
    public static final List<String> STATUSES = List.of("Published", "Unfinished", "Unlisted", "Archived", "Disposed");
    /** Actions a rule may take. */
    public static final List<String> ACTIONS = List.of("unlist", "archive", "publish", "dispose", "delete", "copy");

    private static final Map<String, String> FLAG_LABELS = new LinkedHashMap<>();

    static {
        FLAG_LABELS.put("--package-prefix", "Package prefix");
        FLAG_LABELS.put("--version-regex", "Version regex");
        FLAG_LABELS.put("--keep-newest", "Keep newest");
        FLAG_LABELS.put("--older-than-days", "Older than days");
        FLAG_LABELS.put("--namespace", "Namespace");
        FLAG_LABELS.put("--format", "Format");
        FLAG_LABELS.put("--status", "Status");
        FLAG_LABELS.put("--action", "Action");
        FLAG_LABELS.put("--rules", "a rules file");
        FLAG_LABELS.put("--to", "Destination");
    }

    private final TaskRunner tasks;
    private final Runnable changed;

    // Properties: the rule as fields
    private final StringProperty format = new SimpleStringProperty(this, "format", "");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final StringProperty packagePrefix = new SimpleStringProperty(this, "packagePrefix", "");
    private final Map<String, BooleanProperty> statuses = new LinkedHashMap<>();
    private final StringProperty versionRegex = new SimpleStringProperty(this, "versionRegex", "");
    private final StringProperty keepNewest = new SimpleStringProperty(this, "keepNewest", "");
    private final ObjectProperty<NewestBy> newestBy = new SimpleObjectProperty<>(this, "newestBy",
            NewestBy.PUBLISHED_TIME);
    private final StringProperty olderThanDays = new SimpleStringProperty(this, "olderThanDays", "");
    private final BooleanProperty keepLatest = new SimpleBooleanProperty(this, "keepLatest", true);
    private final BooleanProperty keepServedDownstream = new SimpleBooleanProperty(this, "keepServedDownstream", false);
    private final StringProperty action = new SimpleStringProperty(this, "action", "archive");
    private final StringProperty destination = new SimpleStringProperty(this, "destination", "");
    private final BooleanProperty allowOverwrite = new SimpleBooleanProperty(this, "allowOverwrite", false);
    private final BooleanProperty includeFromUpstream = new SimpleBooleanProperty(this, "includeFromUpstream", false);
    private final Map<Field, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(Field.class);
    // Properties: the rule from a file
    private final ReadOnlyObjectWrapper<Optional<Path>> rulesFile =
            new ReadOnlyObjectWrapper<>(this, "rulesFile", Optional.empty());
    private final ReadOnlyStringWrapper rulesFileError = new ReadOnlyStringWrapper(this, "rulesFileError", "");
    private final ReadOnlyObjectWrapper<Optional<RetentionRuleSet>> ruleSet =
            new ReadOnlyObjectWrapper<>(this, "ruleSet", Optional.empty());

    /** @param changed told whenever the rule changes, valid or not: a plan of the old rule is stale then */
    public RuleBuilderViewModel(TaskRunner tasks, Runnable changed) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.changed = Objects.requireNonNull(changed, "changed");
        STATUSES.forEach(s -> statuses.put(s, new SimpleBooleanProperty(this, "status" + s, false)));
        for (Field field : Field.values()) {
            fieldErrors.put(field, new ReadOnlyStringWrapper(this, "error" + field, ""));
        }
        List.of(format, namespace, packagePrefix, versionRegex, keepNewest, olderThanDays, action, destination)
                .forEach(p -> p.subscribe(this::fieldChanged));
        statuses.values().forEach(p -> p.subscribe(this::fieldChanged));
        List.of(keepLatest, keepServedDownstream, allowOverwrite, includeFromUpstream)
                .forEach(p -> p.subscribe(this::fieldChanged));
        newestBy.subscribe(this::fieldChanged);
        validate();
    }

    // Properties

    public StringProperty formatProperty() {
        return format;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty packagePrefixProperty() {
        return packagePrefix;
    }

    /** Whether the rule selects versions of {@code status} (one of {@link #STATUSES}); none ticked selects all. */
    public BooleanProperty statusProperty(String status) {
        return Objects.requireNonNull(statuses.get(status), status);
    }

    public StringProperty versionRegexProperty() {
        return versionRegex;
    }

    public StringProperty keepNewestProperty() {
        return keepNewest;
    }

    /** What newest means for Keep newest: publish time (the default) or the format's own version order. */
    public ObjectProperty<NewestBy> newestByProperty() {
        return newestBy;
    }

    public StringProperty olderThanDaysProperty() {
        return olderThanDays;
    }

    public BooleanProperty keepLatestProperty() {
        return keepLatest;
    }

    public StringProperty actionProperty() {
        return action;
    }

    /** The repository a copy goes to. */
    public StringProperty destinationProperty() {
        return destination;
    }

    /** For a copy: replace versions the destination already has. */
    public BooleanProperty allowOverwriteProperty() {
        return allowOverwrite;
    }

    /** For a copy: also copy versions the repository only serves from its upstreams. */
    /** Never a version another repository gets from this one through its upstreams (reads the other repositories). */
    public BooleanProperty keepServedDownstreamProperty() {
        return keepServedDownstream;
    }

    public BooleanProperty includeFromUpstreamProperty() {
        return includeFromUpstream;
    }

    /** The sentence saying what is wrong with {@code field}'s value, or empty. */
    public ReadOnlyStringProperty errorProperty(Field field) {
        return fieldErrors.get(field).getReadOnlyProperty();
    }

    /** The rules file in use instead of the fields, if one was loaded. */
    public ReadOnlyObjectProperty<Optional<Path>> rulesFileProperty() {
        return rulesFile.getReadOnlyProperty();
    }

    /** Why the last rules file could not be used, with its line and column, or empty. */
    public ReadOnlyStringProperty rulesFileErrorProperty() {
        return rulesFileError.getReadOnlyProperty();
    }

    /** The rules, when the fields or the file give valid ones. */
    public ReadOnlyObjectProperty<Optional<RetentionRuleSet>> ruleSetProperty() {
        return ruleSet.getReadOnlyProperty();
    }

    // Commands

    /** Reads {@code file} in the background and uses its rules instead of the fields; a bad file says why, where. */
    public void loadRulesFile(Path file) {
        BackgroundTask.of("Reading " + file.getFileName(),
                        p -> RetentionRuleParser.parse(Files.readString(file, StandardCharsets.UTF_8)))
                .onSuccess(parsed -> {
                    rulesFile.set(Optional.of(file));
                    rulesFileError.set("");
                    ruleSet.set(Optional.of(parsed));
                    changed.run();
                })
                .onFailure(failure -> rulesFileError.set(failure instanceof InvalidRuleSetException
                        ? file.getFileName() + ": " + failure.getMessage()
                        : "The rules file " + file.getFileName() + " cannot be read (" + UserMessages.describe(failure)
                        + ")."))
                .runWith(tasks);
    }

    /** Goes back to the rule as fields. */
    public void useFields() {
        rulesFile.set(Optional.empty());
        rulesFileError.set("");
        validate();
        changed.run();
    }

    private void fieldChanged() {
        if (rulesFile.get().isEmpty()) {
            validate();
        }
        changed.run();
    }

    /** Builds the rule from the fields as the CLI builds it from its flags; each bad value under its field. */
    private void validate() {
        fieldErrors.values().forEach(e -> e.set(""));
        RetentionRuleFlags flags = new RetentionRuleFlags();
        check(Field.FORMAT, format, flags::format);
        String ns = namespace.get().trim();
        if (!ns.isEmpty()) {
            // CodeArtifact names an npm scope without its @, as the CLI accepts it.
            String fmt = format.get().trim();
            check(Field.NAMESPACE, ns.startsWith("@") && (fmt.isEmpty() || fmt.equalsIgnoreCase("npm"))
                    ? ns.substring(1) : ns, flags::namespace);
        }
        check(Field.PACKAGE_PREFIX, packagePrefix, flags::packagePrefix);
        statuses.forEach((name, ticked) -> {
            if (ticked.get()) {
                check(Field.STATUS, name, flags::status);
            }
        });
        check(Field.VERSION_REGEX, versionRegex.get(), flags::versionRegex);
        checkNumber(Field.KEEP_NEWEST, "Keep newest", keepNewest, flags::keepNewest);
        flags.newestBy(newestBy.get() == null ? NewestBy.PUBLISHED_TIME : newestBy.get());
        checkNumber(Field.OLDER_THAN_DAYS, "Older than days", olderThanDays, flags::olderThanDays);
        flags.keepLatest(keepLatest.get());
        flags.keepServedDownstream(keepServedDownstream.get());
        check(Field.ACTION, action, flags::action);
        if ("copy".equalsIgnoreCase(action.get())) {
            check(Field.DESTINATION, destination, flags::to);
            flags.allowOverwrite(allowOverwrite.get()).includeFromUpstream(includeFromUpstream.get());
        }
        boolean fieldsValid = fieldErrors.values().stream().allMatch(e -> e.get().isEmpty());
        Optional<RetentionRuleSet> built = Optional.empty();
        if (fieldsValid) {
            try {
                built = Optional.of(flags.build());
            } catch (IllegalArgumentException e) {
                fieldErrors.get(e.getMessage().contains("--to") ? Field.DESTINATION : Field.ACTION)
                        .set(plain(e.getMessage()));
            }
        }
        ruleSet.set(built);
    }

    private void check(Field field, StringProperty value, Consumer<String> setter) {
        check(field, value.get() == null ? "" : value.get().trim(), setter);
    }

    private void check(Field field, String value, Consumer<String> setter) {
        if (value.isEmpty()) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            fieldErrors.get(field).set(plain(e.getMessage()));
        }
    }

    private void checkNumber(Field field, String label, StringProperty value, IntConsumer setter) {
        String text = value.get() == null ? "" : value.get().trim();
        if (text.isEmpty()) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            fieldErrors.get(field).set(label + " is a whole number, not '" + text + "'.");
            return;
        }
        try {
            setter.accept(number);
        } catch (IllegalArgumentException e) {
            fieldErrors.get(field).set(plain(e.getMessage()));
        }
    }

    /** The engine's message with the CLI's flag names said as this page's field names, as a sentence. */
    static String plain(String message) {
        String out = message;
        for (Map.Entry<String, String> flag : FLAG_LABELS.entrySet()) {
            out = out.replace(flag.getKey(), flag.getValue());
        }
        out = out.replace(" without a rules file", "");
        out = Character.toUpperCase(out.charAt(0)) + out.substring(1);
        return out.endsWith(".") ? out : out + ".";
    }
}
