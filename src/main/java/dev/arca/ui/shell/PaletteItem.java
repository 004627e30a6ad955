package dev.arca.ui.shell;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the command palette: a page, an action of the page shown, or a domain, repository or package to jump
 * to. Its {@link #key()} names it across runs (the recent items), without the connection.
 *
 * @param path the names that locate it: the page id, the action title, the domain, domain and repository, or domain,
 *             repository, format, namespace and package name
 */
public record PaletteItem(Kind kind, List<String> path) {

    /** What an item is, in the order the palette lists equal matches. */
    public enum Kind {
        ACTION("Action"), PAGE("Page"), DOMAIN("Domain"), REPOSITORY("Repository"), PACKAGE("Package");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the palette labels the kind. */
        public String label() {
            return label;
        }
    }

    private static final String SEPARATOR = "\t";

    public PaletteItem {
        Objects.requireNonNull(kind, "kind");
        path = List.copyOf(path);
        int wanted = switch (kind) {
            case ACTION, PAGE, DOMAIN -> 1;
            case REPOSITORY -> 2;
            case PACKAGE -> 5;
        };
        if (path.size() != wanted || path.stream().anyMatch(part -> part.contains(SEPARATOR))) {
            throw new IllegalArgumentException(kind + " needs " + wanted + " names: " + path);
        }
    }

    public static PaletteItem page(Page page) {
        return new PaletteItem(Kind.PAGE, List.of(page.id()));
    }

    public static PaletteItem action(String title) {
        return new PaletteItem(Kind.ACTION, List.of(title));
    }

    public static PaletteItem domain(String domain) {
        return new PaletteItem(Kind.DOMAIN, List.of(domain));
    }

    public static PaletteItem repository(String domain, String repository) {
        return new PaletteItem(Kind.REPOSITORY, List.of(domain, repository));
    }

    public static PaletteItem pkg(String domain, String repository, String format, String namespace, String name) {
        return new PaletteItem(Kind.PACKAGE, List.of(domain, repository, format, namespace, name));
    }

    /** What the user reads and types against: "Create repository", "web-app", "@scope/left-pad". */
    public String title() {
        return switch (kind) {
            case PAGE -> pageOf().title();
            case ACTION, DOMAIN -> path.getFirst();
            case REPOSITORY -> path.get(1);
            case PACKAGE -> dev.arca.core.PackageInfo.display(path.get(2), path.get(3), path.get(4));
        };
    }

    /** Where it is: "Page", "Domain platform", "npm in platform/web-app". */
    public String detail() {
        return switch (kind) {
            case PAGE -> "Page";
            case ACTION -> "Action on this page";
            case DOMAIN -> "Domain";
            case REPOSITORY -> "Repository in " + path.getFirst();
            case PACKAGE -> path.get(2) + " package in " + path.getFirst() + "/" + path.get(1);
        };
    }

    /** The page a {@link Kind#PAGE} item shows. */
    Page pageOf() {
        return java.util.Arrays.stream(Page.values()).filter(p -> p.id().equals(path.getFirst())).findFirst()
                .orElseThrow();
    }

    /** The item as one line of the settings file. */
    String key() {
        return kind.name() + SEPARATOR + String.join(SEPARATOR, path);
    }

    /** The item a settings line names; empty when the line is damaged or names a page no longer there. */
    static Optional<PaletteItem> parse(String key) {
        String[] parts = key.split(SEPARATOR, -1);
        try {
            PaletteItem item = new PaletteItem(Kind.valueOf(parts[0]),
                    List.of(parts).subList(1, parts.length));
            if (item.kind == Kind.PAGE) {
                item.pageOf();
            }
            return Optional.of(item);
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }
}
