/**
 * The one door to a CodeArtifact service, AWS or Arca's own, through the AWS SDK: {@link
 * dev.arca.gateway.CodeArtifactGateway} for browsing, with the connection model, policy, IAM, simulation, graph and
 * batch-write gateways beside it.
 */
package dev.arca.gateway;
