package dev.arca.ui.access;

import dev.arca.core.iam.ContextValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A condition key the simulator asked for, and the value the user gives it for the next question. */
public final class ContextRow {

    private final String key;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");

    public ContextRow(String key) {
        this.key = Objects.requireNonNull(key);
    }

    public String key() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** The entry to send, once a value is given; typed as IAM types the key. */
    Optional<ContextValue> entry() {
        String given = value.get() == null ? "" : value.get().strip();
        return given.isEmpty() ? Optional.empty()
                : Optional.of(new ContextValue(key, ContextValue.typeOf(key), List.of(given)));
    }
}
