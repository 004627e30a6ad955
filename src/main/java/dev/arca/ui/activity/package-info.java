/**
 * The Activity page: the local server's package events and audit log ({@link dev.arca.ui.activity.ActivityViewModel}).
 */
package dev.arca.ui.activity;
