/**
 * A strict JSON reader that remembers where every value was written ({@link dev.arca.core.policy.json.JsonReader}), so
 * policy findings can point at a line and column.
 */
package dev.arca.core.policy.json;
