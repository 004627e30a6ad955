package dev.arca.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one change of a run.
 *
 * @param errorCode the service's code for a failure ({@code MISMATCHED_STATUS}, {@code MISMATCHED_REVISION},
 *                  {@code NOT_FOUND}, {@code ALREADY_EXISTS}, {@code NOT_ALLOWED}, or the exception's code when a
 *                  whole request was refused, e.g. {@code AccessDeniedException}); empty unless FAILED
 * @param message   the service's message or why the version was not run; empty when DONE by this run
 */
public record VersionResult(VersionChange change, Kind kind, Optional<String> errorCode, String message) {

    /** The kinds of results. */
    public enum Kind {
        /** Changed by this run (or found changed by the interrupted request this run re-checked). */
        DONE,
        /** Not sent: an earlier run of the same journal changed it. */
        SKIPPED,
        /** Not changed; {@link #errorCode()} says why. Never sent again on resume. */
        FAILED,
        /** Not sent: the run was cancelled first. A resume sends it. */
        NOT_RUN
    }

    /** Code of a request that failed without an answer (the connection dropped): resuming re-checks the version. */
    public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    public VersionResult {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
    }

    static VersionResult done(VersionChange change, String message) {
        return new VersionResult(change, Kind.DONE, Optional.empty(), message);
    }

    static VersionResult failed(VersionChange change, String code, String message) {
        return new VersionResult(change, Kind.FAILED, Optional.of(code), message);
    }
}
