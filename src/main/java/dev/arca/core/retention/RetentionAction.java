package dev.arca.core.retention;

import dev.arca.core.ResourceNames;
import dev.arca.core.VersionStatus;
import java.util.Objects;

/** What a rule does to the versions it selects; each maps to one batch operation of the service. */
public sealed interface RetentionAction {

    ActionKind kind();

    /** CopyPackageVersions into another repository of the domain (promote dev → prod). */
    record Copy(String repository, boolean allowOverwrite, boolean includeFromUpstream) implements RetentionAction {
        public Copy {
            Objects.requireNonNull(repository, "repository");
            ResourceNames.REPOSITORY.violation("to", repository).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }

        @Override
        public ActionKind kind() {
            return ActionKind.COPY;
        }
    }

    /** UpdatePackageVersionsStatus to Published, Unlisted or Archived, with the planned status as expectedStatus. */
    record SetStatus(VersionStatus target) implements RetentionAction {
        public SetStatus {
            Objects.requireNonNull(target, "target");
            if (target != VersionStatus.PUBLISHED && target != VersionStatus.UNLISTED
                    && target != VersionStatus.ARCHIVED) {
                throw new IllegalArgumentException("A status action sets Published, Unlisted or Archived, not "
                        + target.wireName());
            }
        }

        @Override
        public ActionKind kind() {
            return switch (target) {
                case PUBLISHED -> ActionKind.PUBLISH;
                case UNLISTED -> ActionKind.UNLIST;
                default -> ActionKind.ARCHIVE;
            };
        }
    }

    /** DisposePackageVersions: assets deleted, the version kept as Disposed; irreversible. */
    record Dispose() implements RetentionAction {
        @Override
        public ActionKind kind() {
            return ActionKind.DISPOSE;
        }
    }

    /** DeletePackageVersions: the version is gone and may be published again; irreversible. */
    record Delete() implements RetentionAction {
        @Override
        public ActionKind kind() {
            return ActionKind.DELETE;
        }
    }

    /** The action of a kind that needs no parameters; COPY needs a repository and KEEP is no action. */
    static RetentionAction of(ActionKind kind) {
        return switch (kind) {
            case PUBLISH -> new SetStatus(VersionStatus.PUBLISHED);
            case UNLIST -> new SetStatus(VersionStatus.UNLISTED);
            case ARCHIVE -> new SetStatus(VersionStatus.ARCHIVED);
            case DISPOSE -> new Dispose();
            case DELETE -> new Delete();
            case COPY, KEEP -> throw new IllegalArgumentException(kind.ruleName() + " is not a parameterless action");
        };
    }
}
