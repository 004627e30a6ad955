package dev.arca.server.service;

import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.BlobRow;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.MetadataStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PublishPackageVersion: one asset of a generic package version at a time, the content staged and hashed before
 * anything is recorded. Assets may be added while the version is Unfinished or Published; a wrong hash, a blocked
 * origin, a clash with a different asset of the same name or a full version stores nothing.
 */
public final class GenericPublishing {

    /** The outcome of a generic publish: the version and the asset it now holds. */
    public record PublishedAsset(PackageReads.VersionView version, AssetRow asset) {
    }

    private static final Pattern GENERIC_ASSET = Pattern.compile("[\\p{L}\\p{N}~!@^&()\\-`_+\\[\\]{};,. ]+");

    private final MetadataStore store;
    private final AssetStorage assets;
    private final RepositoryService repositories;
    private final PackagePublishing publishing;
    private final PackageEvents events;
    private final Clock clock;

    GenericPublishing(MetadataStore store, AssetStorage assets, RepositoryService repositories,
                      PackagePublishing publishing, PackageEvents events, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.assets = Objects.requireNonNull(assets);
        this.repositories = Objects.requireNonNull(repositories);
        this.publishing = Objects.requireNonNull(publishing);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Publishes one asset of a generic package version. The content is staged and hashed before anything is
     * recorded; a wrong hash, a blocked origin or a clash with a different asset of the same name stores nothing.
     */
    public PublishedAsset publish(Caller caller, Optional<String> owner, String domain, String repository,
                                         PackageRef ref, String version, String assetName, String declaredSha256,
                                         boolean unfinished, InputStream content) {
        if (ref.format() != PackageFormat.GENERIC) {
            throw ApiException.validation("PublishPackageVersion publishes generic packages only; "
                    + ref.format().wireName() + " packages are published through their repository endpoint");
        }
        checkAssetName(assetName);
        record Target(RepositoryRow repository, DomainRow domain, byte[] key) {
        }
        Target target = store.read(tx -> {
            RepositoryRow repo = repositories.find(tx, caller, owner, domain, repository);
            DomainRow domainRow = tx.domains().find(repo.domainOwner(), repo.domainName()).orElseThrow();
            return new Target(repo, domainRow, assets.domainKey(tx, domainRow));
        });
        try (BlobStore.StagedBlob staged = assets.stage(content, target.key())) {
            if (!staged.sha256().equals(declaredSha256)) {
                throw ApiException.validation("The SHA-256 of the asset content (" + staged.sha256()
                        + ") does not match the one declared in x-amz-content-sha256 (" + declaredSha256 + ")");
            }
            assets.placeAhead(target.domain().id(), List.of(staged));
            return store.write(tx -> {
                PackageRow pkg = publishing.publishable(tx, target.domain(), target.repository(), ref);
                Optional<VersionRow> existing = tx.versions().find(pkg.id(), version);
                VersionRow row;
                RepositoryRow repo = target.repository();
                if (existing.isEmpty()) {
                    VersionStatus status = unfinished ? VersionStatus.UNFINISHED : VersionStatus.PUBLISHED;
                    row = tx.versions().insert(pkg.id(), version, status, Revisions.next(), clock.instant(),
                            "INTERNAL", Optional.of(repository), Optional.empty(),
                            new VersionMetadata(Optional.of(ref.name()), Optional.empty(), Optional.empty(),
                                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
                } else {
                    row = existing.get();
                    if (row.status() != VersionStatus.PUBLISHED && row.status() != VersionStatus.UNFINISHED) {
                        throw ApiException.conflict("package-version", version, "Version " + version + " of "
                                + ref.display() + " is " + row.status().wireName() + "; assets can be added only while"
                                + " it is Unfinished or Published");
                    }
                    Optional<AssetRow> same = tx.assets().find(row.id(), assetName);
                    if (same.isPresent()) {
                        if (!same.get().blob().sha256().equals(staged.sha256())) {
                            throw ApiException.conflict("asset", assetName, "Asset " + assetName + " of version "
                                    + version + " already exists with different content; assets cannot be overwritten");
                        }
                        if (row.status().equals(VersionStatus.UNFINISHED) && !unfinished) {
                            row = PackageRows.setState(tx, row, VersionStatus.PUBLISHED);
                            events.record(tx, repo, ref, row, "Updated", VersionStatus.PUBLISHED,
                                    new PackageEvents.Changes(0, 0, false, 0, true));
                        }
                        return new PublishedAsset(new PackageReads.VersionView(ref, row), same.get());
                    }
                }
                if (existing.isPresent()) {
                    if (tx.assets().count(row.id()) >= assets.limits().maxAssetsPerVersion()) {
                        throw ApiException.quotaExceeded("package-version", version, "A version can hold at most "
                                + assets.limits().maxAssetsPerVersion() + " assets");
                    }
                    boolean finishing = row.status() == VersionStatus.UNFINISHED && !unfinished;
                    row = PackageRows.setState(tx, row, finishing ? VersionStatus.PUBLISHED : row.status());
                }
                BlobRow blob = assets.record(tx, target.domain().id(), staged);
                tx.assets().insert(row.id(), assetName, blob);
                boolean statusChanged = existing.isEmpty() || !existing.get().status().equals(row.status());
                events.record(tx, repo, ref, row, existing.isEmpty() ? "Created" : "Updated", row.status(),
                        new PackageEvents.Changes(1, 0, existing.isEmpty(), 0, statusChanged));
                return new PublishedAsset(new PackageReads.VersionView(ref, row), new AssetRow(assetName, blob));
            });
        } catch (BlobStore.TooLargeException e) {
            throw ApiException.quotaExceeded("asset", assetName, "Asset " + assetName + " is larger than the "
                    + assets.limits().maxAssetBytes() + "-byte limit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkAssetName(String name) {
        if (name.equals(".") || name.equals("..") || !GENERIC_ASSET.matcher(name).matches()) {
            throw ApiException.validation("Asset name '" + name + "' may contain only letters, digits, spaces and"
                    + " ~ ! @ ^ & ( ) - ` _ + [ ] { } ; , . and cannot be . or ..");
        }
    }
}
