package dev.arca.ui.packages;

import dev.arca.core.PackageFilter;
import dev.arca.core.PackageFormat;
import dev.arca.ui.common.DomainMemory.PackageToOpen;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The Packages page's package filters — format, namespace, name prefix and the two origin controls — which the
 * service applies; a change reloads the list once, however many filters it touched.
 */
public final class PackageFilters {

    private final ObjectProperty<Optional<PackageFormat>> format =
            new SimpleObjectProperty<>(this, "format", Optional.empty());
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final StringProperty namePrefix = new SimpleStringProperty(this, "namePrefix", "");
    private final ObjectProperty<Optional<String>> publish =
            new SimpleObjectProperty<>(this, "publish", Optional.empty());
    private final ObjectProperty<Optional<String>> upstream =
            new SimpleObjectProperty<>(this, "upstream", Optional.empty());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final Runnable changed;
    /** True while several filters change together. */
    private boolean batching;

    /** @param changed runs after each change made by the user, or by {@link #clear()} */
    PackageFilters(Runnable changed) {
        this.changed = Objects.requireNonNull(changed);
        List.<ObservableValue<?>>of(format, namespace, namePrefix, publish, upstream)
                .forEach(filter -> filter.addListener((observable, before, now) -> {
                    if (!batching) {
                        changed.run();
                    }
                }));
    }

    /** The formats to filter by; empty stands for any format. */
    public List<Optional<PackageFormat>> formatChoices() {
        return anyOr(Arrays.stream(PackageFormat.values()));
    }

    public ObjectProperty<Optional<PackageFormat>> formatProperty() {
        return format;
    }

    /** Only packages in this namespace (needs a format); empty for any. */
    public StringProperty namespaceProperty() {
        return namespace;
    }

    /** Only packages whose name starts with this; empty for any. */
    public StringProperty namePrefixProperty() {
        return namePrefix;
    }

    /** The values an origin-control filter can take; empty stands for either. */
    public List<Optional<String>> originChoices() {
        return anyOr(OriginControlsViewModel.CHOICES.stream());
    }

    public ObjectProperty<Optional<String>> publishProperty() {
        return publish;
    }

    public ObjectProperty<Optional<String>> upstreamProperty() {
        return upstream;
    }

    /** Why the filters cannot be applied, as a sentence; empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Shows every package again. */
    public void clear() {
        PackageFilter before = applied();
        setAll(Optional.empty(), "", "", Optional.empty(), Optional.empty());
        if (!applied().equals(before)) {
            changed.run();
        }
    }

    /** Narrows the filters down to {@code pkg}'s name, whatever they were; the caller reloads. */
    void narrowTo(PackageToOpen pkg) {
        setAll(Optional.of(pkg.format()), pkg.namespace(), pkg.name(), Optional.empty(), Optional.empty());
    }

    /** The filters as the service takes them; {@link #problemProperty()} says why they cannot be applied. */
    PackageFilter applied() {
        PackageFilter filter = new PackageFilter(format.get(), namespace.get(), namePrefix.get(), publish.get(),
                upstream.get());
        problem.set(filter.problem().orElse(""));
        return filter;
    }

    private void setAll(Optional<PackageFormat> newFormat, String newNamespace, String newNamePrefix,
                        Optional<String> newPublish, Optional<String> newUpstream) {
        batching = true;
        try {
            format.set(newFormat);
            namespace.set(newNamespace);
            namePrefix.set(newNamePrefix);
            publish.set(newPublish);
            upstream.set(newUpstream);
        } finally {
            batching = false;
        }
    }

    /** Filter choices: empty (any) first, then each of {@code values}. */
    static <T> List<Optional<T>> anyOr(Stream<T> values) {
        return Stream.concat(Stream.of(Optional.<T>empty()), values.map(Optional::of)).toList();
    }
}
