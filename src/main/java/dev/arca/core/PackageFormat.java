package dev.arca.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The package formats of the service model, by their wire names. */
public enum PackageFormat {
    NPM, PYPI, MAVEN, NUGET, GENERIC, RUBY, SWIFT, CARGO;

    /** The lower-case wire name, e.g. {@code maven}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PackageFormat> fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(value)).findFirst();
    }

    /** The model's enum as its error messages list it: {@code [npm, pypi, ...]}. */
    public static String wireNames() {
        return Arrays.stream(values()).map(PackageFormat::wireName).toList().toString();
    }
}
