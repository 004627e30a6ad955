package dev.arca.ui.shell;

import dev.arca.core.DomainInfo;
import dev.arca.core.PackageFilter;
import dev.arca.core.PackageInfo;
import dev.arca.core.RepositoryInfo;
import dev.arca.gateway.CodeArtifactGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the palette can jump to from the service: every domain and repository, and the first page of each
 * repository's packages — enough to find a package by name without listing a large repository whole.
 */
public final class PaletteIndex {

    static final int PACKAGES_PER_REPOSITORY = 100;

    private PaletteIndex() {
    }

    /** Domains, then each domain's repositories and their packages; on a background thread only. */
    public static List<PaletteItem> load(CodeArtifactGateway gateway) {
        List<PaletteItem> items = new ArrayList<>();
        for (DomainInfo domain : gateway.listDomains()) {
            items.add(PaletteItem.domain(domain.name()));
            for (RepositoryInfo repository : gateway.listRepositories(domain.name())) {
                items.add(PaletteItem.repository(domain.name(), repository.name()));
                for (PackageInfo pkg : gateway.listPackages(domain.name(), repository.name(), PackageFilter.NONE,
                        Optional.empty(), PACKAGES_PER_REPOSITORY).items()) {
                    items.add(PaletteItem.pkg(domain.name(), repository.name(), pkg.format(), pkg.namespace(),
                            pkg.name()));
                }
            }
        }
        return items;
    }
}
