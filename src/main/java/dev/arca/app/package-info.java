/**
 * The launcher and its wiring: {@link dev.arca.app.Arca} parses the command line and starts the GUI ({@link
 * dev.arca.app.ArcaGui}, composed in {@link dev.arca.app.AppContext}) or a headless command ({@code server}, {@code
 * graph}, {@code cleanup}); the only package that depends on every other.
 */
package dev.arca.app;
