/**
 * What the server keeps, behind interfaces every backend implements: {@link dev.arca.server.store.MetadataStore} with
 * one small records interface per aggregate sharing a transaction, {@link dev.arca.server.store.IamStore}, the
 * content-addressed {@link dev.arca.server.store.BlobStore} (sealed blobs kept by a {@link
 * dev.arca.server.store.BlobBackend}: files here, S3 in {@code s3/}) and the audit log.
 */
package dev.arca.server.store;
