package dev.arca.gateway;

import dev.arca.core.Page;
import dev.arca.core.PackageFilter;
import dev.arca.core.PackageInfo;
import dev.arca.core.RepositoryInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.BiConsumer;

/**
 * Finds packages by name prefix in every repository of a domain, within the service's request quotas: at most
 * {@code concurrency} repositories are listed at once, and a throttled call is retried after an exponential,
 * jittered pause (on top of the SDK's own retries) before that repository is given up with a sentence saying so.
 */
public final class DomainSearch {

    /** Lists one page of a repository's packages whose names start with a prefix. */
    @FunctionalInterface
    public interface PackageLister {
        Page<PackageInfo> list(String domain, String repository, String prefix, Optional<String> nextToken);
    }

    /** A package found in a repository. */
    public record Hit(String repository, PackageInfo pkg) {
    }

    /**
     * What a search found.
     *
     * @param searched repositories searched completely
     * @param problems one sentence per repository that could not be searched
     * @param capped   repositories with more matches than were listed
     */
    public record Result(List<Hit> hits, int searched, List<String> problems, List<String> capped) {
        public Result {
            hits = List.copyOf(hits);
            problems = List.copyOf(problems);
            capped = List.copyOf(capped);
        }
    }

    static final int DEFAULT_CONCURRENCY = 4;
    /** The most matches listed per repository; a search with more says so. */
    public static final int HITS_PER_REPOSITORY = 200;
    static final int THROTTLE_RETRIES = ThrottlingBackoff.RETRIES;
    private static final int PAGE_SIZE = 100;
    static final Duration FIRST_PAUSE = ThrottlingBackoff.FIRST_PAUSE;
    static final Duration LONGEST_PAUSE = ThrottlingBackoff.LONGEST_PAUSE;

    private final Function<String, List<RepositoryInfo>> repositories;
    private final PackageLister lister;
    private final int concurrency;
    private final ThrottlingBackoff backoff;

    /** A search through {@code gateway} with the default bounds. */
    public DomainSearch(CodeArtifactGateway gateway) {
        this(gateway::listRepositories, (domain, repository, prefix, token) -> gateway.listPackages(domain,
                repository, PackageFilter.namePrefix(prefix), token, PAGE_SIZE), DEFAULT_CONCURRENCY, duration -> Thread.sleep(duration));
    }

    DomainSearch(Function<String, List<RepositoryInfo>> repositories, PackageLister lister, int concurrency,
                 ThrottlingBackoff.Pause pause) {
        this.repositories = Objects.requireNonNull(repositories);
        this.lister = Objects.requireNonNull(lister);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        this.concurrency = concurrency;
        this.backoff = new ThrottlingBackoff(pause);
    }

    /**
     * Searches every repository of {@code domain} for packages whose names start with {@code prefix}.
     *
     * @param progress told how many repositories of how many are done, as they finish
     */
    public Result search(String domain, String prefix, BiConsumer<Integer, Integer> progress)
            throws InterruptedException {
        List<RepositoryInfo> all = repositories.apply(domain);
        List<RepositoryResult> results = BoundedCalls.map(all, concurrency,
                repository -> searchOne(domain, repository.name(), prefix), progress);
        List<Hit> hits = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> capped = new ArrayList<>();
        int searched = 0;
        for (RepositoryResult result : results) {
            hits.addAll(result.hits());
            result.problem().ifPresent(problems::add);
            if (result.problem().isEmpty()) {
                searched++;
            }
            if (result.capped()) {
                capped.add(result.repository());
            }
        }
        hits.sort(Comparator.comparing((Hit h) -> h.pkg().name()).thenComparing(h -> h.pkg().format())
                .thenComparing(h -> h.pkg().namespace()).thenComparing(Hit::repository));
        return new Result(hits, searched, problems, capped);
    }

    private RepositoryResult searchOne(String domain, String repository, String prefix) throws InterruptedException {
        List<Hit> hits = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<PackageInfo> page;
            try {
                page = listWithBackoff(domain, repository, prefix, token);
            } catch (GatewayException e) {
                return new RepositoryResult(repository, hits, Optional.of(repository + ": " + e.getMessage()), false);
            }
            page.items().forEach(pkg -> hits.add(new Hit(repository, pkg)));
            token = page.nextToken();
        } while (token.isPresent() && hits.size() < HITS_PER_REPOSITORY);
        boolean capped = hits.size() > HITS_PER_REPOSITORY || token.isPresent();
        return new RepositoryResult(repository, hits.subList(0, Math.min(hits.size(), HITS_PER_REPOSITORY)),
                Optional.empty(), capped);
    }

    private Page<PackageInfo> listWithBackoff(String domain, String repository, String prefix,
                                              Optional<String> token) throws InterruptedException {
        return backoff.call(() -> lister.list(domain, repository, prefix, token));
    }

    private record RepositoryResult(String repository, List<Hit> hits, Optional<String> problem, boolean capped) {
    }
}
