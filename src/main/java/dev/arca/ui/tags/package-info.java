/**
 * The tags editor for domains and repositories ({@link dev.arca.ui.tags.TagsEditorViewModel}).
 */
package dev.arca.ui.tags;
