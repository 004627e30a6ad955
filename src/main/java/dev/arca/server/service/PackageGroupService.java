package dev.arca.server.service;

import dev.arca.core.PackageFormat;
import dev.arca.core.PackageGroupPattern;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.model.Records.GroupRow;
import dev.arca.server.model.Records.PackageKey;
import dev.arca.server.model.Records.TagRow;
import dev.arca.server.store.MetadataStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Package groups: pattern-defined sets of packages in a domain, arranged in a tree by containment, carrying
 * origin restrictions (PUBLISH, EXTERNAL_UPSTREAM, INTERNAL_UPSTREAM) that children inherit. The root group
 * {@code /*} exists in every domain, allows every origin and cannot be deleted.
 */
public final class PackageGroupService {

    public static final String ROOT = "/*";
    public static final List<String> TYPES = List.of("EXTERNAL_UPSTREAM", "INTERNAL_UPSTREAM", "PUBLISH");
    static final String INHERIT = "INHERIT";
    static final String ALLOW_SPECIFIC = "ALLOW_SPECIFIC_REPOSITORIES";
    private static final Set<String> MODES = Set.of("ALLOW", ALLOW_SPECIFIC, "BLOCK", INHERIT);

    /** One restriction type as DescribePackageGroup reports it. */
    public record Restriction(String mode, String effectiveMode, Optional<GroupRef> inheritedFrom,
                              long repositoriesCount) {
    }

    /** A group named by ARN and pattern, as parents and inheritance sources are reported. */
    public record GroupRef(String arn, String pattern) {
    }

    /** A group with its place in the tree and its restrictions resolved. */
    public record GroupView(GroupRow row, String arn, DomainRow domain, Optional<GroupView> parent,
                            Map<String, Restriction> restrictions) {
    }

    /** A package associated with a group. */
    public record Association(PackageKey key, String associationType) {
    }

    private final MetadataStore store;
    private final DomainService domains;
    private final TagService tags;
    private final String region;
    private final Clock clock;

    public PackageGroupService(MetadataStore store, DomainService domains, TagService tags, String region, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.domains = Objects.requireNonNull(domains);
        this.tags = Objects.requireNonNull(tags);
        this.region = Objects.requireNonNull(region);
        this.clock = Objects.requireNonNull(clock);
    }

    public GroupView create(Caller caller, Optional<String> owner, String domain, String pattern,
                            Optional<String> description, Optional<String> contactInfo, List<TagRow> initialTags) {
        String canonical = parse(pattern).toString();
        tags.validate(initialTags);
        return store.write(tx -> {
            DomainRow domainRow = domains.find(tx, caller, owner, domain);
            if (tx.groups().find(domainRow.id(), canonical).isPresent()) {
                throw ApiException.conflict("package", canonical, "Package group " + canonical
                        + " already exists in domain " + domain);
            }
            GroupRow row = tx.groups().insert(domainRow.id(), canonical, description, contactInfo, clock.instant());
            GroupView view = view(tx, domainRow, row);
            if (!initialTags.isEmpty()) {
                tags.put(tx, view.arn(), initialTags);
            }
            return view;
        });
    }

    public GroupView describe(Caller caller, Optional<String> owner, String domain, String pattern) {
        return store.read(tx -> {
            DomainRow domainRow = domains.find(tx, caller, owner, domain);
            return view(tx, domainRow, find(tx, domainRow, pattern));
        });
    }

    public GroupView update(Caller caller, Optional<String> owner, String domain, String pattern,
                            Optional<String> description, Optional<String> contactInfo) {
        return store.write(tx -> {
            DomainRow domainRow = domains.find(tx, caller, owner, domain);
            GroupRow row = find(tx, domainRow, pattern);
            Optional<String> newDescription = description.isPresent() ? description : row.description();
            Optional<String> newContact = contactInfo.isPresent() ? contactInfo : row.contactInfo();
            tx.groups().update(row.id(), newDescription, newContact);
            return view(tx, domainRow, new GroupRow(row.id(), row.domainId(), row.pattern(), newDescription,
                    newContact, row.createdTime()));
        });
    }

    /** The result of changing a group's origin configuration. */
    public record OriginUpdate(GroupView group, Map<String, Map<String, List<String>>> allowedRepositoryUpdates) {
    }

    public OriginUpdate updateOrigin(Caller caller, Optional<String> owner, String domain, String pattern,
                                     Map<String, String> restrictions, List<Map.Entry<String, String>> add,
                                     List<Map.Entry<String, String>> remove) {
        restrictions.forEach((type, mode) -> {
            checkType(type);
            if (!MODES.contains(mode)) {
                throw ApiException.validation("Restriction mode " + mode + " is not one of " + MODES);
            }
        });
        add.forEach(e -> checkType(e.getValue()));
        remove.forEach(e -> checkType(e.getValue()));
        return store.write(tx -> {
            DomainRow domainRow = domains.find(tx, caller, owner, domain);
            GroupRow row = find(tx, domainRow, pattern);
            if (row.pattern().equals(ROOT) && restrictions.containsValue(INHERIT)) {
                throw ApiException.validation("The root group /* has nothing to inherit from");
            }
            restrictions.forEach((type, mode) -> tx.groups().setRestriction(row.id(), type, mode));
            Map<String, Map<String, List<String>>> updates = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : add) {
                if (tx.repositories().find(domainRow.id(), entry.getKey()).isEmpty()) {
                    throw ApiException.notFound("repository", entry.getKey(), "Repository " + entry.getKey()
                            + " does not exist in domain " + domain);
                }
                tx.groups().addAllowedRepository(row.id(), entry.getValue(), entry.getKey());
                updates.computeIfAbsent(entry.getValue(), k -> new LinkedHashMap<>())
                        .computeIfAbsent("ADDED", k -> new ArrayList<>()).add(entry.getKey());
            }
            for (Map.Entry<String, String> entry : remove) {
                tx.groups().removeAllowedRepository(row.id(), entry.getValue(), entry.getKey());
                updates.computeIfAbsent(entry.getValue(), k -> new LinkedHashMap<>())
                        .computeIfAbsent("REMOVED", k -> new ArrayList<>()).add(entry.getKey());
            }
            return new OriginUpdate(view(tx, domainRow, row), updates);
        });
    }

    /** Deletes a group; its children move up to its parent. The root group stays. */
    public GroupView delete(Caller caller, Optional<String> owner, String domain, String pattern) {
        return store.write(tx -> {
            DomainRow domainRow = domains.find(tx, caller, owner, domain);
            GroupRow row = find(tx, domainRow, pattern);
            if (row.pattern().equals(ROOT)) {
                throw ApiException.validation("The root package group /* cannot be deleted");
            }
            GroupView deleted = view(tx, domainRow, row);
            tx.tags().removeAll(deleted.arn());
            tx.groups().delete(row.id());
            return deleted;
        });
    }

    public PageToken.Page<GroupView> list(Caller caller, Optional<String> owner, String domain, Optional<String> prefix,
                                          Optional<Integer> maxResults, Optional<String> nextToken) {
        return page(caller, owner, domain, "package-groups", maxResults, nextToken,
                (tx, domainRow, all) -> all.stream().filter(g -> prefix.map(g.pattern()::startsWith).orElse(true))
                        .toList());
    }

    /** The direct children of a group. */
    public PageToken.Page<GroupView> listSubGroups(Caller caller, Optional<String> owner, String domain, String pattern,
                                                   Optional<Integer> maxResults, Optional<String> nextToken) {
        return page(caller, owner, domain, "package-sub-groups:" + pattern, maxResults, nextToken,
                (tx, domainRow, all) -> {
                    GroupRow parent = find(tx, domainRow, pattern);
                    return all.stream().filter(g -> !g.pattern().equals(parent.pattern()))
                            .filter(g -> parentOf(all, g).map(GroupRow::id).orElse(-1L) == parent.id()).toList();
                });
    }

    @FunctionalInterface
    private interface GroupFilter {
        List<GroupRow> apply(MetadataStore.Transaction tx, DomainRow domain, List<GroupRow> all);
    }

    private PageToken.Page<GroupView> page(Caller caller, Optional<String> owner, String domain, String list,
                                           Optional<Integer> maxResults, Optional<String> nextToken, GroupFilter filter) {
        int limit = maxResults.orElse(50);
        Optional<String> after = PageToken.decode(list, nextToken);
        return store.read(tx -> {
            DomainRow domainRow = domains.find(tx, caller, owner, domain);
            List<GroupRow> all = tx.groups().list(domainRow.id());
            List<GroupRow> rows = filter.apply(tx, domainRow, all).stream()
                    .filter(g -> after.map(a -> g.pattern().compareTo(a) > 0).orElse(true)).limit(limit + 1L).toList();
            PageToken.Page<GroupRow> page = PageToken.page(list, rows, limit, GroupRow::pattern);
            return new PageToken.Page<>(page.items().stream().map(g -> view(tx, domainRow, g)).toList(),
                    page.nextToken());
        });
    }

    /** The group a package belongs to, whether or not the package exists. */
    public GroupView associated(Caller caller, Optional<String> owner, String domain, PackageRef ref) {
        return store.read(tx -> {
            DomainRow domainRow = domains.find(tx, caller, owner, domain);
            return view(tx, domainRow, associatedGroup(tx.groups().list(domainRow.id()), ref.format(), ref.namespace(),
                    ref.name()));
        });
    }

    /** Packages of the domain that belong to a group; with {@code preview}, as if a group with that pattern existed. */
    public PageToken.Page<Association> associatedPackages(Caller caller, Optional<String> owner, String domain,
                                                          String pattern, boolean preview, Optional<Integer> maxResults,
                                                          Optional<String> nextToken) {
        String canonical = parse(pattern).toString();
        int limit = maxResults.orElse(50);
        Optional<String> after = PageToken.decode("associated:" + canonical, nextToken);
        return store.read(tx -> {
            DomainRow domainRow = domains.find(tx, caller, owner, domain);
            List<GroupRow> groups = new ArrayList<>(tx.groups().list(domainRow.id()));
            if (groups.stream().noneMatch(g -> g.pattern().equals(canonical))) {
                if (!preview) {
                    throw notFound(canonical);
                }
                groups.add(new GroupRow(-1, domainRow.id(), canonical, Optional.empty(), Optional.empty(),
                        clock.instant()));
            }
            List<Association> matches = new ArrayList<>();
            for (PackageKey key : tx.packages().inDomain(domainRow.id())) {
                PackageFormat format = PackageFormat.fromWire(key.format()).orElseThrow();
                if (associatedGroup(groups, format, key.namespace(), key.name()).pattern().equals(canonical)) {
                    String sortKey = keyOf(key);
                    if (after.map(a -> sortKey.compareTo(a) > 0).orElse(true)) {
                        matches.add(new Association(key, "STRONG"));
                    }
                }
                if (matches.size() > limit) {
                    break;
                }
            }
            return PageToken.page("associated:" + canonical, matches, limit, a -> keyOf(a.key()));
        });
    }

    public PageToken.Page<String> allowedRepositories(Caller caller, Optional<String> owner, String domain,
                                                      String pattern, String type, Optional<Integer> maxResults,
                                                      Optional<String> nextToken) {
        checkType(type);
        int limit = maxResults.orElse(50);
        String list = "allowed:" + pattern + ":" + type;
        Optional<String> after = PageToken.decode(list, nextToken);
        return store.read(tx -> {
            DomainRow domainRow = domains.find(tx, caller, owner, domain);
            GroupRow row = find(tx, domainRow, pattern);
            List<String> names = tx.groups().allowedRepositories(row.id(), type).stream()
                    .filter(n -> after.map(a -> n.compareTo(a) > 0).orElse(true)).limit(limit + 1L).toList();
            return PageToken.page(list, names, limit, n -> n);
        });
    }

    /**
     * Why a package may not enter {@code repository} by the given origin type under its group's restrictions, or
     * empty when its group allows it.
     */
    public Optional<String> refusal(MetadataStore.Transaction tx, long domainId, String repository, String type,
                                    PackageRef ref) {
        List<GroupRow> groups = tx.groups().list(domainId);
        GroupRow group = associatedGroup(groups, ref.format(), ref.namespace(), ref.name());
        GroupRow decisive = group;
        String mode = mode(tx, group, type);
        while (mode.equals(INHERIT)) {
            decisive = parentOf(groups, decisive).orElseThrow();
            mode = mode(tx, decisive, type);
        }
        return switch (mode) {
            case "BLOCK" -> Optional.of("package group " + decisive.pattern() + " blocks " + type + " for " + ref.display());
            case ALLOW_SPECIFIC -> tx.groups().allowedRepositories(decisive.id(), type).contains(repository)
                    ? Optional.empty()
                    : Optional.of("package group " + decisive.pattern() + " allows " + type + " for " + ref.display()
                    + " only in specific repositories, and " + repository + " is not one of them");
            default -> Optional.empty();
        };
    }

    // Tree

    private static Optional<GroupRow> parentOf(List<GroupRow> all, GroupRow child) {
        if (child.pattern().equals(ROOT)) {
            return Optional.empty();
        }
        PackageGroupPattern pattern = PackageGroupPattern.parse(child.pattern());
        return all.stream().filter(g -> !g.pattern().equals(child.pattern()))
                .filter(g -> PackageGroupPattern.parse(g.pattern()).contains(pattern))
                .max(Comparator.comparing(g -> PackageGroupPattern.parse(g.pattern()),
                        PackageGroupPattern::compareSpecificity));
    }

    private static GroupRow associatedGroup(List<GroupRow> all, PackageFormat format, String namespace, String name) {
        return all.stream().filter(g -> PackageGroupPattern.parse(g.pattern()).matches(format, namespace, name))
                .max(Comparator.comparing(g -> PackageGroupPattern.parse(g.pattern()),
                        PackageGroupPattern::compareSpecificity))
                .orElseThrow(() -> new IllegalStateException("domain has no root package group"));
    }

    private static String mode(MetadataStore.Transaction tx, GroupRow group, String type) {
        return tx.groups().restrictions(group.id())
                .getOrDefault(type, group.pattern().equals(ROOT) ? "ALLOW" : INHERIT);
    }

    private GroupView view(MetadataStore.Transaction tx, DomainRow domain, GroupRow row) {
        List<GroupRow> all = tx.groups().list(domain.id());
        Optional<GroupRow> parent = parentOf(all, row);
        Map<String, Restriction> restrictions = new LinkedHashMap<>();
        for (String type : TYPES) {
            String mode = mode(tx, row, type);
            GroupRow decisive = row;
            String effective = mode;
            while (effective.equals(INHERIT)) {
                decisive = parentOf(all, decisive).orElseThrow();
                effective = mode(tx, decisive, type);
            }
            GroupRow source = decisive;
            restrictions.put(type, new Restriction(mode, effective,
                    source.id() == row.id() ? Optional.empty()
                            : Optional.of(new GroupRef(arn(domain, source.pattern()), source.pattern())),
                    tx.groups().allowedRepositories(row.id(), type).size()));
        }
        return new GroupView(row, arn(domain, row.pattern()), domain,
                parent.map(p -> new GroupView(p, arn(domain, p.pattern()), domain, Optional.empty(), Map.of())),
                restrictions);
    }

    public String arn(DomainRow domain, String pattern) {
        return "arn:aws:codeartifact:" + region + ":" + domain.owner() + ":package-group/" + domain.name() + pattern;
    }

    private static GroupRow find(MetadataStore.Transaction tx, DomainRow domain, String pattern) {
        String canonical = parse(pattern).toString();
        return tx.groups().find(domain.id(), canonical).orElseThrow(() -> notFound(canonical));
    }

    private static ApiException notFound(String pattern) {
        return ApiException.notFound("package", pattern, "Package group " + pattern + " does not exist");
    }

    private static PackageGroupPattern parse(String pattern) {
        try {
            return PackageGroupPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }
    }

    private static void checkType(String type) {
        if (!TYPES.contains(type)) {
            throw ApiException.validation("Origin restriction type " + type + " is not one of " + TYPES);
        }
    }

    private static String keyOf(PackageKey key) {
        return key.format() + "\u0000" + key.namespace() + "\u0000" + key.name();
    }
}
