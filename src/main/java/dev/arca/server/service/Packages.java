package dev.arca.server.service;

import dev.arca.server.store.MetadataStore;
import java.time.Clock;

/**
 * The one owner of the packages aggregate — packages, their versions, assets and tags — wired once and reached by
 * its parts: {@link #reads()} for listings and downloads; {@link #generic()} and {@link #publishing()} for what is
 * published through the control plane and through package endpoints; {@link #upstreams()} for what comes in from
 * upstream repositories and external connections; {@link #lifecycle()} for status changes, dispose, delete and copy;
 * {@link #metadata()} for what clients revise. Bytes go through one {@link AssetStorage}, and blobs are collected in
 * the write that orphans them.
 */
public final class Packages {

    /** Origin control values (PackageOriginRestrictions). */
    public static final String ALLOW = "ALLOW";
    public static final String BLOCK = "BLOCK";

    private final PackageReads reads;
    private final GenericPublishing generic;
    private final PackagePublishing publishing;
    private final UpstreamIntake upstreams;
    private final PackageLifecycle lifecycle;
    private final PackageMetadata metadata;

    public Packages(MetadataStore store, AssetStorage assets, RepositoryService repositories,
                    PackageGroupService groups, PackageEvents events, Clock clock) {
        reads = new PackageReads(store, assets, repositories);
        publishing = new PackagePublishing(store, assets, groups, events, clock);
        generic = new GenericPublishing(store, assets, repositories, publishing, events, clock);
        upstreams = new UpstreamIntake(store, publishing, assets, groups, events, clock);
        lifecycle = new PackageLifecycle(store, assets, repositories, events);
        metadata = new PackageMetadata(store, events);
    }

    public PackageReads reads() {
        return reads;
    }

    /** PublishPackageVersion: generic assets published through the control plane. */
    public GenericPublishing generic() {
        return generic;
    }

    /** What package clients publish through their repository endpoints. */
    public PackagePublishing publishing() {
        return publishing;
    }

    public UpstreamIntake upstreams() {
        return upstreams;
    }

    public PackageLifecycle lifecycle() {
        return lifecycle;
    }

    public PackageMetadata metadata() {
        return metadata;
    }
}
