package dev.arca.server.formats.pypi;

import dev.arca.core.PackageFormat;
import dev.arca.server.error.ApiException;
import dev.arca.server.service.PackageRef;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python project names, versions and distribution file names: names normalized as PEP 503 says (lower case, each
 * run of {@code -_.} one {@code -}), versions in PEP 440's character set, and the two file kinds pip installs —
 * wheels ({@code name-version(-build)?-py-abi-platform.whl}) and sdists ({@code name-version.tar.gz|.zip}).
 */
final class PythonNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,198}[A-Za-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+!_]{0,127}");
    private static final Pattern WHEEL = Pattern.compile(
            "([A-Za-z0-9._]+)-([A-Za-z0-9.+!_]+)(-[0-9][A-Za-z0-9._]*)?-[A-Za-z0-9._]+-[A-Za-z0-9._]+-[A-Za-z0-9._]+"
                    + "\\.whl");
    private static final Pattern SDIST = Pattern.compile("([A-Za-z0-9._-]+)\\.(tar\\.gz|zip)");
    private static final int MAX_FILE_NAME = 255;

    /** A distribution file: the project name as the file spells it, the version, and whether it is a wheel. */
    record Distribution(String fileName, String project, String version, boolean wheel) {
    }

    private PythonNames() {
    }

    /** PEP 503 normalization. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** A project name as a client sent it, validated (PEP 508), as the package it names. */
    static PackageRef project(String name) {
        if (!NAME.matcher(name).matches()) {
            throw ApiException.validation("'" + name + "' is not a valid Python project name: letters, digits and"
                    + " - _ . , starting and ending with a letter or digit");
        }
        return PackageRef.of(PackageFormat.PYPI, Optional.empty(), name);
    }

    /** A version as a client sent it, validated. */
    static String version(String version) {
        if (!VERSION.matcher(version).matches()) {
            throw ApiException.validation("'" + version + "' is not a valid Python package version");
        }
        return version;
    }

    /** What a file name says, when it is a wheel or an sdist of a validly named project and version. */
    static Optional<Distribution> distribution(String fileName) {
        if (fileName.length() > MAX_FILE_NAME) {
            return Optional.empty();
        }
        Matcher wheel = WHEEL.matcher(fileName);
        if (wheel.matches()) {
            return Optional.of(new Distribution(fileName, wheel.group(1), wheel.group(2), true))
                    .filter(PythonNames::valid);
        }
        Matcher sdist = SDIST.matcher(fileName);
        if (!sdist.matches()) {
            return Optional.empty();
        }
        // name-version: the version is what follows the last '-' (project names may contain '-', versions not).
        String stem = sdist.group(1);
        int dash = stem.lastIndexOf('-');
        return dash <= 0 ? Optional.empty()
                : Optional.of(new Distribution(fileName, stem.substring(0, dash), stem.substring(dash + 1), false))
                        .filter(PythonNames::valid);
    }

    /** Whether a file is a distribution of this project (normalized name) at this version. */
    static boolean belongsTo(Distribution file, PackageRef project, String version) {
        return normalize(file.project()).equals(project.name()) && sameVersion(file.version(), version);
    }

    /** Versions compare as PEP 440 spells them, case-insensitively ({@code 1.0RC1} is {@code 1.0rc1}). */
    static boolean sameVersion(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    private static boolean valid(Distribution file) {
        return NAME.matcher(file.project()).matches() && VERSION.matcher(file.version()).matches();
    }
}
