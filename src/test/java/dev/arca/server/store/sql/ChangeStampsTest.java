package dev.arca.server.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.BlobRow;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.TagRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.MetadataStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's change stamps: what a committed write changed, per package coordinate and for the rest. */
class ChangeStampsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final VersionMetadata NO_METADATA = new VersionMetadata(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    @TempDir
    Path dir;

    private SqliteMetadataStore store;
    private RepositoryRow repository;
    private PackageRow left;
    private PackageRow right;

    @BeforeEach
    void open() {
        store = SqliteMetadataStore.open(dir.resolve("metadata.db"));
        repository = store.write(tx -> {
            long domain = tx.domains().insert("123456789012", "acme", "arn:aws:kms:us-east-1:123456789012:key/k", NOW)
                    .id();
            return tx.repositories().insert(domain, "team", "123456789012", Optional.empty(), NOW);
        });
        left = store.write(tx -> tx.packages().insert(repository.id(), "npm", "", "left", "ALLOW", "BLOCK"));
        right = store.write(tx -> tx.packages().insert(repository.id(), "npm", "", "right", "ALLOW", "BLOCK"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long stampOf(PackageRow pkg) {
        return store.changeStamp(pkg.format(), pkg.namespace(), pkg.name());
    }

    /** Runs a write and says which stamps moved: [left, right, structure]. */
    private List<Boolean> moved(Consumer<MetadataStore.Transaction> write) {
        long l = stampOf(left);
        long r = stampOf(right);
        long s = store.structureStamp();
        store.write(tx -> {
            write.accept(tx);
            return null;
        });
        return List.of(stampOf(left) != l, stampOf(right) != r, store.structureStamp() != s);
    }

    private VersionRow version(PackageRow pkg, String version) {
        return store.write(tx -> tx.versions().insert(pkg.id(), version, VersionStatus.PUBLISHED, "r1", NOW, "INTERNAL",
                Optional.empty(), Optional.empty(), NO_METADATA));
    }

    @Test
    void aWriteToAPackageMovesThatPackagesStampOnly() {
        assertThat(moved(tx -> tx.versions().insert(left.id(), "1.0.0", VersionStatus.PUBLISHED, "r1", NOW, "INTERNAL",
                Optional.empty(), Optional.empty(), NO_METADATA))).containsExactly(true, false, false);
        VersionRow v = store.read(tx -> tx.versions().find(left.id(), "1.0.0").orElseThrow());
        assertThat(moved(tx -> tx.versions().updateState(v.id(), VersionStatus.ARCHIVED, "r2")))
                .containsExactly(true, false, false);
        assertThat(moved(tx -> tx.packages().putTag(right.id(), "latest", "1.0.0")))
                .containsExactly(false, true, false);
        assertThat(moved(tx -> tx.packages().updateOrigin(right.id(), "BLOCK", "ALLOW")))
                .containsExactly(false, true, false);
        assertThat(moved(tx -> tx.versions().delete(v.id()))).containsExactly(true, false, false);
        assertThat(moved(tx -> tx.packages().insert(repository.id(), "npm", "", "third", "ALLOW", "BLOCK")))
                .containsExactly(false, false, false);
        assertThat(moved(tx -> tx.packages().delete(left.id()))).containsExactly(true, false, false);
    }

    @Test
    void writesThatNoPackageDocumentReadsMoveNothing() {
        VersionRow v = version(left, "1.0.0");
        BlobRow blob = new BlobRow(repository.domainId(), "ab".repeat(32), 3, "m", "s1", "s512");
        assertThat(moved(tx -> {
            tx.assets().insertBlob(blob, NOW);
            tx.events().append(NOW, "acme", "team", "{}");
            tx.tags().put("arn:aws:codeartifact:us-east-1:123456789012:domain/acme", List.of(new TagRow("k", "v")));
        })).containsExactly(false, false, false);
        assertThat(moved(tx -> tx.assets().insert(v.id(), "package.tgz", blob))).containsExactly(true, false, false);
    }

    @Test
    void changesAroundPackagesMoveEveryStamp() {
        RepositoryRow other = store.write(tx -> tx.repositories().insert(repository.domainId(), "other", "123456789012",
                Optional.empty(), NOW));
        assertThat(moved(tx -> tx.repositories().replaceUpstreams(repository.id(), List.of(other.id()))))
                .containsExactly(true, true, true);
        assertThat(moved(tx -> tx.repositories().setExternalConnection(other.id(), Optional.of("public:npmjs"))))
                .containsExactly(true, true, true);
        assertThat(moved(tx -> tx.groups().insert(repository.domainId(), "/npm/*", Optional.empty(),
                Optional.empty(), NOW))).containsExactly(true, true, true);
    }

    @Test
    void aRolledBackWriteMovesNothing() {
        long before = stampOf(left);
        long structure = store.structureStamp();
        assertThatThrownBy(() -> store.write(tx -> {
            tx.versions().insert(left.id(), "1.0.0", VersionStatus.PUBLISHED, "r1", NOW, "INTERNAL", Optional.empty(),
                    Optional.empty(), NO_METADATA);
            tx.repositories().replaceUpstreams(repository.id(), List.of());
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");
        assertThat(stampOf(left)).isEqualTo(before);
        assertThat(store.structureStamp()).isEqualTo(structure);
        Optional<VersionRow> kept = store.read(tx -> tx.versions().find(left.id(), "1.0.0"));
        assertThat(kept).isEmpty();
    }
}
