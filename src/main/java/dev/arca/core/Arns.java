package dev.arca.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds and parses CodeArtifact ARNs (spec/behavior.md §1); the account is always the domain owner's. */
public final class Arns {

    private static final Pattern CODEARTIFACT = Pattern.compile(
            "arn:aws:codeartifact:([a-z0-9-]+):([0-9]{12}):(domain|repository|package|package-group)/(.+)");

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

    /** Parses a domain, repository, package or package-group ARN; empty for anything else. */
    public static Optional<ResourceArn> parse(String arn) {
        Matcher m = CODEARTIFACT.matcher(arn);
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] parts = m.group(4).split("/", -1);
        return switch (m.group(3)) {
            case "domain" -> parts.length == 1
                    ? Optional.of(new ResourceArn(m.group(1), m.group(2), "domain", parts[0], Optional.empty(),
                            Optional.empty()))
                    : Optional.empty();
            case "repository" -> parts.length == 2
                    ? Optional.of(new ResourceArn(m.group(1), m.group(2), "repository", parts[0], Optional.of(parts[1]),
                            Optional.empty()))
                    : Optional.empty();
            case "package" -> parts.length == 5 && !parts[2].isEmpty() && !parts[4].isEmpty()
                    ? Optional.of(new ResourceArn(m.group(1), m.group(2), "package", parts[0], Optional.of(parts[1]),
                            Optional.empty()))
                    : Optional.empty();
            default -> {
                // package-group/DOMAIN/PATTERN: the pattern keeps its own slashes.
                int slash = m.group(4).indexOf('/');
                yield slash > 0 ? Optional.of(new ResourceArn(m.group(1), m.group(2), "package-group",
                        m.group(4).substring(0, slash), Optional.empty(), Optional.of(m.group(4).substring(slash))))
                        : Optional.empty();
            }
        };
    }
}
