/**
 * The access simulator tab: one question at a time or the matrix of principals and abilities for a repository ({@link
 * dev.arca.ui.access.AccessSimulatorViewModel}), answered by the service's own simulator.
 */
package dev.arca.ui.access;
