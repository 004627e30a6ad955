package dev.arca.server.store;

import dev.arca.server.model.Records.TagRow;
import java.util.List;

/** Resource tags (TagResource), by the resource's ARN. */
public interface TagRecords {

    /** A resource's tags by key. */
    List<TagRow> of(String resourceArn);

    /** Adds tags, replacing the values of keys the resource has. */
    void put(String resourceArn, List<TagRow> tags);

    void remove(String resourceArn, List<String> keys);

    void removeAll(String resourceArn);
}
