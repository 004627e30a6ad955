/**
 * Workflows over many package versions — select, plan (dry run), execute, report — through the gateway, so they
 * work against AWS and the local server alike. No JavaFX: the GUI and the headless commands share them.
 */
package dev.arca.workflow;
