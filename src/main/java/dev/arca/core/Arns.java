package dev.arca.core;

import java.util.Optional;
import java.util.Set;

/** Builds and parses CodeArtifact ARNs (spec/behavior.md §1); the account is always the domain owner's. */
public final class Arns {

    private static final String PREFIX = "arn:aws:codeartifact:";
    private static final Set<String> TYPES = Set.of("domain", "repository", "package", "package-group");

    private Arns() {
    }

    public static String domain(String region, String owner, String domain) {
        return "arn:aws:codeartifact:" + region + ":" + owner + ":domain/" + domain;
    }

    public static String repository(String region, String owner, String domain, String repository) {
        return "arn:aws:codeartifact:" + region + ":" + owner + ":repository/" + domain + "/" + repository;
    }

    /** A package in a repository; formats without a namespace leave its segment empty ({@code npm//lodash}). */
    public static String pkg(String region, String owner, String domain, String repository, PackageFormat format,
                             String namespace, String name) {
        return "arn:aws:codeartifact:" + region + ":" + owner + ":package/" + domain + "/" + repository + "/"
                + format.wireName() + "/" + namespace + "/" + name;
    }

    /** A parsed domain, repository, package or package-group ARN. */
    public record ResourceArn(String region, String owner, String type, String domain, Optional<String> repository,
                              Optional<String> packageGroup) {
    }

    /**
     * Parses a domain, repository, package or package-group ARN; empty for anything else. Every authorized request
     * parses one, so this reads the characters itself: {@code arn:aws:codeartifact:REGION:ACCOUNT:TYPE/PATH} with a
     * region of lower-case letters, digits and dashes, a 12-digit account and a path of at least one character on
     * one line.
     */
    public static Optional<ResourceArn> parse(String arn) {
        if (!arn.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int regionEnd = arn.indexOf(':', PREFIX.length());
        int accountEnd = regionEnd + 13;
        if (regionEnd <= PREFIX.length() || accountEnd >= arn.length() || arn.charAt(accountEnd) != ':'
                || !all(arn, PREFIX.length(), regionEnd, Arns::regionChar)
                || !all(arn, regionEnd + 1, accountEnd, c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int slash = arn.indexOf('/', accountEnd + 1);
        if (slash < 0 || slash == arn.length() - 1 || !all(arn, slash + 1, arn.length(), c -> !lineEnd(c))) {
            return Optional.empty();
        }
        String type = arn.substring(accountEnd + 1, slash);
        if (!TYPES.contains(type)) {
            return Optional.empty();
        }
        return parsed(arn.substring(PREFIX.length(), regionEnd), arn.substring(regionEnd + 1, accountEnd), type,
                arn.substring(slash + 1));
    }

    private static boolean regionChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    /** What a regular expression's {@code .} does not match. */
    private static boolean lineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean all(String s, int from, int to, CharPredicate test) {
        for (int i = from; i < to; i++) {
            if (!test.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface CharPredicate {
        boolean test(char c);
    }

    private static Optional<ResourceArn> parsed(String region, String owner, String type, String path) {
        String[] parts = path.split("/", -1);
        return switch (type) {
            case "domain" -> parts.length == 1
                    ? Optional.of(new ResourceArn(region, owner, "domain", parts[0], Optional.empty(),
                            Optional.empty()))
                    : Optional.empty();
            case "repository" -> parts.length == 2
                    ? Optional.of(new ResourceArn(region, owner, "repository", parts[0], Optional.of(parts[1]),
                            Optional.empty()))
                    : Optional.empty();
            case "package" -> parts.length == 5 && !parts[2].isEmpty() && !parts[4].isEmpty()
                    ? Optional.of(new ResourceArn(region, owner, "package", parts[0], Optional.of(parts[1]),
                            Optional.empty()))
                    : Optional.empty();
            default -> {
                // package-group/DOMAIN/PATTERN: the pattern keeps its own slashes.
                int slash = path.indexOf('/');
                yield slash > 0 ? Optional.of(new ResourceArn(region, owner, "package-group",
                        path.substring(0, slash), Optional.empty(), Optional.of(path.substring(slash))))
                        : Optional.empty();
            }
        };
    }
}
