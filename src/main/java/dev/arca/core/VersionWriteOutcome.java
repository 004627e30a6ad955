package dev.arca.core;

import java.util.Objects;

/**
 * What the service answered for one version of a batch write (CopyPackageVersions, UpdatePackageVersionsStatus,
 * DisposePackageVersions, DeletePackageVersions): it succeeded, or it failed with the service's error code.
 */
public sealed interface VersionWriteOutcome {

    /** The version failed its precondition: its status is no longer the one expected. */
    String MISMATCHED_STATUS = "MISMATCHED_STATUS";
    /** The version failed its precondition: it changed since the revision named. */
    String MISMATCHED_REVISION = "MISMATCHED_REVISION";
    /** The version does not exist (in the source repository, for a copy). */
    String NOT_FOUND = "NOT_FOUND";
    /** Not attempted because another version of the same request failed (the service's all-or-nothing batches). */
    String SKIPPED = "SKIPPED";

    String version();

    /**
     * The version was changed, or was already as asked (a copy whose destination holds the same content).
     *
     * @param status   its status afterwards ({@code Deleted} after a delete); empty when the service did not say
     * @param revision its revision afterwards; empty when the service did not say
     */
    record Succeeded(String version, String status, String revision) implements VersionWriteOutcome {
        public Succeeded {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(revision, "revision");
        }
    }

    /**
     * The version was not changed.
     *
     * @param errorCode the service's code: {@code ALREADY_EXISTS}, {@code MISMATCHED_REVISION},
     *                  {@code MISMATCHED_STATUS}, {@code NOT_ALLOWED}, {@code NOT_FOUND}, {@code SKIPPED}, or the
     *                  exception's code when the whole request was refused
     */
    record Failed(String version, String errorCode, String message) implements VersionWriteOutcome {
        public Failed {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(message, "message");
        }

        /** Whether it was only skipped because another version of the request failed: it may be sent again. */
        public boolean skipped() {
            return SKIPPED.equals(errorCode);
        }
    }
}
