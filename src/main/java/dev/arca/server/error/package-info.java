/**
 * The local server's errors: {@link dev.arca.server.error.ApiException}, an AWS error type with its HTTP status and
 * fields, which every layer may throw and only {@code http} turns into a response.
 */
package dev.arca.server.error;
