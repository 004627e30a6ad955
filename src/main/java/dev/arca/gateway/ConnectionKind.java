package dev.arca.gateway;

/** What kind of service a connection talks to. */
public enum ConnectionKind {
    /** The local server started inside this Arca process. */
    EMBEDDED("Local server"),
    /** An Arca local server running elsewhere ({@code arca server}), reached by URL. */
    ARCA_SERVER("Arca server"),
    /** AWS CodeArtifact, reached the way the AWS CLI is: a profile of the AWS shared configuration. */
    AWS("AWS account");

    private final String label;

    ConnectionKind(String label) {
        this.label = label;
    }

    /** How the kind reads in the UI. */
    public String label() {
        return label;
    }
}
