package dev.arca.server.formats.npm;

import dev.arca.core.PackageFormat;
import dev.arca.server.error.ApiException;
import dev.arca.server.service.PackageRef;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An npm package name, {@code name} or {@code @scope/name}, checked the way the npm registry checks names
 * (URL-safe, no leading dot or underscore, at most 214 characters). The scope is CodeArtifact's namespace,
 * without the {@code @} (spec/behavior.md §3).
 *
 * @param scope empty for an unscoped package
 */
public record NpmName(String scope, String name) {

    private static final Pattern SCOPE = Pattern.compile("[a-z0-9~-][a-z0-9._~-]*");
    /** Upper case only for reading: the public registry still has legacy mixed-case names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9~-][A-Za-z0-9._~-]*");
    private static final int MAX_LENGTH = 214;

    public NpmName {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(name);
    }

    /** Parses {@code name} or {@code @scope/name}; a 400 says what is wrong. */
    public static NpmName parse(String full) {
        String scope = "";
        String name = full;
        if (full.startsWith("@")) {
            int slash = full.indexOf('/');
            if (slash < 0) {
                throw invalid(full, "a scoped name is @scope/name");
            }
            scope = full.substring(1, slash);
            name = full.substring(slash + 1);
            if (!SCOPE.matcher(scope).matches()) {
                throw invalid(full, "the scope may contain only lower-case letters, digits and - . _ ~");
            }
        }
        if (full.length() > MAX_LENGTH) {
            throw invalid(full, "it is longer than " + MAX_LENGTH + " characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid(full, "a name may contain only letters, digits and - . _ ~, and not start with . or _");
        }
        return new NpmName(scope, name);
    }

    /** The npm name of a stored package. */
    public static NpmName of(PackageRef ref) {
        return new NpmName(ref.namespace(), ref.name());
    }

    public PackageRef ref() {
        return PackageRef.of(PackageFormat.NPM, scope.isEmpty() ? Optional.empty() : Optional.of(scope), name);
    }

    /** {@code @scope/name} or {@code name}. */
    public String full() {
        return scope.isEmpty() ? name : "@" + scope + "/" + name;
    }

    /** The name as npm puts it in a URL path: {@code @scope%2fname}. */
    public String escaped() {
        return scope.isEmpty() ? name : "@" + scope + "%2f" + name;
    }

    /** The file name of a version's tarball in the registry layout: the unscoped name, the version, .tgz. */
    public String tarball(String version) {
        return name + "-" + version + ".tgz";
    }

    /** A package published under this name must be all lower case (npm's rule for new packages). */
    public boolean publishable() {
        return name.equals(name.toLowerCase(Locale.ROOT));
    }

    private static ApiException invalid(String full, String why) {
        return ApiException.validation("'" + full + "' is not a valid npm package name: " + why);
    }
}
