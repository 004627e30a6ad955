/**
 * The server's data as plain values ({@link dev.arca.server.model.Records}): what the store keeps, the services decide
 * on and the API describes.
 */
package dev.arca.server.model;
