package dev.arca.ui.common;

/**
 * Takes the user from one page to another with something opened: a domain's repositories, a repository's
 * packages, a package. The composition root implements it; ViewModels call it for "open" (Enter or a double click).
 */
public interface Navigation {

    /** Shows the Repositories page on {@code domain}. */
    void showRepositories(String domain);

    /** Shows the Repositories page on {@code domain} with {@code repository} selected. */
    void showRepository(String domain, String repository);

    /** Shows the Packages page on {@code repository} of {@code domain}. */
    void showPackages(String domain, String repository);

    /** Shows the Packages page on {@code pkg}'s repository with {@code pkg} selected. */
    void showPackage(DomainMemory.PackageToOpen pkg);
}
