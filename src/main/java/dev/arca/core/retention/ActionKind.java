package dev.arca.core.retention;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a plan does to one version, as plans count it and rule files and {@code --action} name it. */
public enum ActionKind {
    KEEP, COPY, PUBLISH, UNLIST, ARCHIVE, DISPOSE, DELETE;

    /** The lower-case name rule files and the CLI use: {@code unlist}. */
    public String ruleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kinds a rule may ask for (every kind but KEEP), by {@link #ruleName()}. */
    public static Optional<ActionKind> fromRuleName(String value) {
        return Arrays.stream(values()).filter(k -> k != KEEP && k.ruleName().equals(value)).findFirst();
    }

    /** Whether the version stops being installable or visible: what the guards protect the latest versions from. */
    public boolean hidesVersion() {
        return this == UNLIST || this == ARCHIVE || this == DISPOSE || this == DELETE;
    }
}
