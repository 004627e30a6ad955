package dev.arca.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A resource that can carry a resource policy: a domain, or one of its repositories.
 *
 * @param repository empty for the domain itself
 */
public record PolicyTarget(String domain, Optional<String> repository) {

    public PolicyTarget {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(repository, "repository");
    }

    public static PolicyTarget domain(String domain) {
        return new PolicyTarget(domain, Optional.empty());
    }

    public static PolicyTarget repository(String domain, String repository) {
        return new PolicyTarget(domain, Optional.of(repository));
    }

    /** {@code domain team} or {@code repository app}: how a sentence names it. */
    public String describe() {
        return repository.map(r -> "repository " + r).orElse("domain " + domain);
    }

    /** A stable key for files and settings: {@code team} or {@code team/app}. */
    public String key() {
        return repository.map(r -> domain + "/" + r).orElse(domain);
    }
}
