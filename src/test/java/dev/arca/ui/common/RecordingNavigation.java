package dev.arca.ui.common;

import java.util.ArrayList;
import java.util.List;

/** A {@link Navigation} for ViewModel tests: records where the user would have been taken. */
public final class RecordingNavigation implements Navigation {

    private final List<String> opened = new ArrayList<>();

    /** "repositories of DOMAIN", "packages of DOMAIN/REPOSITORY", "package DOMAIN/REPOSITORY/FORMAT/NAMESPACE/NAME", in order. */
    public List<String> opened() {
        return opened;
    }

    @Override
    public void showRepositories(String domain) {
        opened.add("repositories of " + domain);
    }

    @Override
    public void showRepository(String domain, String repository) {
        opened.add("repository " + domain + "/" + repository);
    }

    @Override
    public void showPackages(String domain, String repository) {
        opened.add("packages of " + domain + "/" + repository);
    }

    @Override
    public void showPackage(DomainMemory.PackageToOpen pkg) {
        opened.add("package " + pkg.domain() + "/" + pkg.repository() + "/" + pkg.format().wireName() + "/"
                + pkg.namespace() + "/" + pkg.name());
    }
}
