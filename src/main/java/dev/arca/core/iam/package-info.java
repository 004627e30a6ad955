/**
 * IAM values the console and gateway share: principal ARNs, access keys without secrets, and the simulator's answers
 * ({@link dev.arca.core.iam.SimulationAnswer}).
 */
package dev.arca.core.iam;
