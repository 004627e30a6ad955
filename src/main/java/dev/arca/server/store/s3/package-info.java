/**
 * Blobs in S3-compatible object storage ({@code arca server --blobs s3://BUCKET/PREFIX}): {@link
 * dev.arca.server.store.s3.S3Blobs}, the one part of the server that talks to an AWS service through the SDK.
 */
package dev.arca.server.store.s3;
