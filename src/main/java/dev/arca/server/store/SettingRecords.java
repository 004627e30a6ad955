package dev.arca.server.store;

import java.util.Optional;

/** The server's own settings (secrets, identifiers), by name. */
public interface SettingRecords {

    Optional<byte[]> get(String name);

    /** Stores a setting, replacing its previous value. */
    void put(String name, byte[] value);
}
