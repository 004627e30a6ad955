/**
 * The control plane as the service model defines it: {@link dev.arca.server.api.ControlPlaneApi} routes each
 * operation, declared once with its name, to a thin adapter that reads the request, calls a service and shapes the
 * answer; the KMS slice and Arca's activity endpoints sit beside it. It talks to services only, never to the store.
 */
package dev.arca.server.api;
