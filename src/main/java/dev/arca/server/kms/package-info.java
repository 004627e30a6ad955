/**
 * The local key service: {@link dev.arca.server.kms.LocalKms} holds keys and aliases per account and finds them as AWS
 * KMS does; {@link dev.arca.server.kms.KeyService} offers its operations to the API.
 */
package dev.arca.server.kms;
