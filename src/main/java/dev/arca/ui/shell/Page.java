package dev.arca.ui.shell;

/** The pages of the main window, in navigation order, with what each is for. */
public enum Page {
    DOMAINS("Domains", "Every domain of the connection: owner, encryption key, repository count and size; create, tag and delete."),
    REPOSITORIES("Repositories", "Repositories per domain with their upstreams and external connections; create, edit, connect clients."),
    PACKAGES("Packages", "Packages and versions page by page, with status, assets, dependencies and origin controls."),
    UPSTREAM_GRAPH("Upstream graph", "The upstream-repository graph of a domain, with search order, to see and edit."),
    POLICIES("Policies", "Domain and repository resource policies, edited with validation and revision checks."),
    WORKFLOWS("Workflows", "Copy, archive, unlist, dispose, delete and retention cleanup in bulk, with a dry run first."),
    ACTIVITY("Activity", "The local server's package events and audit log, live and filterable.");

    private final String title;
    private final String purpose;

    Page(String title, String purpose) {
        this.title = title;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    /** One sentence on what the page does. */
    public String purpose() {
        return purpose;
    }

    /** A stable identifier for ids and settings, e.g. {@code upstream-graph}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
