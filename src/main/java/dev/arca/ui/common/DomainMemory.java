package dev.arca.ui.common;

import dev.arca.core.DomainInfo;
import dev.arca.core.PackageFormat;
import dev.arca.core.PackageInfo;
import dev.arca.core.ResourceNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one connection remembers about domains, in the user settings: the domain (and repository) last picked on a
 * page, preselected next time and on the other pages, and the domains of other accounts the user opened by owner.
 * Keys: {@code domains.ID.last}, {@code domains.ID.last-repository} and {@code domains.ID.other-accounts}
 * ({@code OWNER/NAME,OWNER/NAME}). It also hands one package to open from the page that chose it (the command
 * palette) to the Packages page, in memory only.
 */
public final class DomainMemory {

    private final UserSettings settings;
    private final String prefix;
    private volatile PackageToOpen packageToOpen;

    /** The memory of the connection {@code connectionId}. */
    public DomainMemory(UserSettings settings, String connectionId) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prefix = prefix(Objects.requireNonNull(connectionId, "connectionId"));
    }

    /** The settings prefix of everything a connection remembers; forgetting the connection removes it. */
    public static String prefix(String connectionId) {
        return "domains." + connectionId + ".";
    }

    /** The domain last picked, if any. */
    public Optional<String> lastDomain() {
        return settings.get(prefix + "last");
    }

    /** Remembers {@code domain} as the one last picked; the repository remembered in another domain is dropped. */
    public void rememberDomain(String domain) {
        if (!lastDomain().equals(Optional.of(domain))) {
            write(Optional.of(domain), Optional.empty(), otherAccountDomains());
        }
    }

    /** The repository last picked in the domain last picked, if any. */
    public Optional<String> lastRepository() {
        return settings.get(prefix + "last-repository");
    }

    /** Remembers a repository, and its domain, as the ones last picked. */
    public void rememberRepository(String domain, String repository) {
        if (!lastDomain().equals(Optional.of(domain)) || !lastRepository().equals(Optional.of(repository))) {
            write(Optional.of(domain), Optional.of(repository), otherAccountDomains());
        }
    }

    /** Remembers the package's repository as the one last picked, and the package for the Packages page to open. */
    public void openPackage(PackageToOpen pkg) {
        rememberRepository(pkg.domain(), pkg.repository());
        packageToOpen = pkg;
    }

    /** The package to open in {@code repository} of {@code domain}, once: it is forgotten when taken. */
    public Optional<PackageToOpen> takePackageToOpen(String domain, String repository) {
        PackageToOpen pkg = packageToOpen;
        if (pkg == null || !pkg.domain().equals(domain) || !pkg.repository().equals(repository)) {
            return Optional.empty();
        }
        packageToOpen = null;
        return Optional.of(pkg);
    }

    /** What a domain picker offers: the account's own domains, then the other accounts' ones opened before. */
    public List<String> pickerChoices(List<DomainInfo> listed) {
        return Stream.concat(listed.stream().map(DomainInfo::name), otherAccountDomains().stream()
                .map(OtherAccountDomain::name)).distinct().toList();
    }

    /** The choice to preselect: the domain last picked when it is offered, else the first; empty when none is. */
    public Optional<String> preferred(List<String> choices) {
        return lastDomain().filter(choices::contains).or(() -> choices.stream().findFirst());
    }

    /** Domains of other accounts opened by owner, in the order they were opened. */
    public List<OtherAccountDomain> otherAccountDomains() {
        return settings.get(prefix + "other-accounts").stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(OtherAccountDomain::parse)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Adds a domain of another account to the list, once. */
    public void addOtherAccountDomain(OtherAccountDomain domain) {
        List<OtherAccountDomain> domains = new ArrayList<>(otherAccountDomains());
        if (!domains.contains(domain)) {
            domains.add(domain);
            write(lastDomain(), lastRepository(), domains);
        }
    }

    public void forgetOtherAccountDomain(OtherAccountDomain domain) {
        List<OtherAccountDomain> domains = new ArrayList<>(otherAccountDomains());
        if (domains.remove(domain)) {
            boolean wasLast = lastDomain().equals(Optional.of(domain.name()));
            write(lastDomain().filter(last -> !wasLast), lastRepository().filter(last -> !wasLast), domains);
        }
    }

    private void write(Optional<String> last, Optional<String> lastRepository, List<OtherAccountDomain> others) {
        Map<String, String> values = new LinkedHashMap<>();
        last.ifPresent(name -> values.put(prefix + "last", name));
        lastRepository.ifPresent(name -> values.put(prefix + "last-repository", name));
        if (!others.isEmpty()) {
            values.put(prefix + "other-accounts", String.join(",", others.stream().map(OtherAccountDomain::key)
                    .toList()));
        }
        settings.replace(prefix, values);
    }

    /** A package to show selected on the Packages page: where it is and its format, namespace and name. */
    public record PackageToOpen(String domain, String repository, PackageFormat format, String namespace,
                                String name) {

        public PackageToOpen {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(name, "name");
        }

        /** Whether {@code pkg} is this package. */
        public boolean is(PackageInfo pkg) {
            return pkg.format().equals(format.wireName()) && pkg.namespace().equals(namespace)
                    && pkg.name().equals(name);
        }
    }

    /**
     * A domain owned by another account, reached through its domain policy.
     *
     * @param owner the owning account's 12-digit id
     * @param name  the domain's name
     */
    public record OtherAccountDomain(String owner, String name) {

        public OtherAccountDomain {
            if (!ResourceNames.ACCOUNT_ID.accepts(owner) || !ResourceNames.DOMAIN.accepts(name)) {
                throw new IllegalArgumentException("not an account id and a domain name: " + owner + ", " + name);
            }
        }

        private String key() {
            return owner + "/" + name;
        }

        private static Optional<OtherAccountDomain> parse(String key) {
            String[] parts = key.strip().split("/", 2);
            return parts.length == 2 && ResourceNames.ACCOUNT_ID.accepts(parts[0])
                    && ResourceNames.DOMAIN.accepts(parts[1])
                    ? Optional.of(new OtherAccountDomain(parts[0], parts[1])) : Optional.empty();
        }
    }
}
