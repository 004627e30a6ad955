/**
 * IAM policies: the parser with IAM's messages ({@link dev.arca.core.policy.PolicyParser}), the evaluator the local
 * server enforces with ({@link dev.arca.core.policy.PolicyEvaluator}), condition operators, the Access Analyzer-style
 * linter ({@link dev.arca.core.policy.PolicyLinter}), formatting, templates and CodeArtifact's action table ({@link
 * dev.arca.core.policy.CodeArtifactActions}).
 */
package dev.arca.core.policy;
