package dev.arca.core.policy;

/** Whether a document is attached to an identity (no Principal, no Id) or to a resource (Principal required). */
public enum PolicyKind {
    IDENTITY, RESOURCE
}
