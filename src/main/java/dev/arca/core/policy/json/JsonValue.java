package dev.arca.core.policy.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed JSON value that remembers where it was written: its start and end positions and its path from the root. */
public sealed interface JsonValue permits JsonValue.JsonObject, JsonValue.JsonArray, JsonValue.JsonString,
        JsonValue.JsonNumber, JsonValue.JsonBool, JsonValue.JsonNull {

    /** Where the value's first character is. */
    Position position();

    /** Just past the value's last character (exclusive, like Access Analyzer's span end). */
    Position end();

    JsonPath path();

    /** The JSON type's name for messages: object, array, string, number, boolean, null. */
    default String typeName() {
        return switch (this) {
            case JsonObject o -> "object";
            case JsonArray a -> "array";
            case JsonString s -> "string";
            case JsonNumber n -> "number";
            case JsonBool b -> "boolean";
            case JsonNull n -> "null";
        };
    }

    /** One object member; {@code keyPosition} is where the key's opening quote is. */
    record Member(String key, Position keyPosition, JsonValue value) {
        public Member {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyPosition, "keyPosition");
            Objects.requireNonNull(value, "value");
        }
    }

    /** An object with its members in written order; a key written twice stays twice (IAM rejects that, so we must see it). */
    record JsonObject(List<Member> members, Position position, Position end, JsonPath path) implements JsonValue {
        public JsonObject {
            members = List.copyOf(members);
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(path, "path");
        }

        /** The first member with exactly this key. */
        public Optional<Member> member(String key) {
            return members.stream().filter(m -> m.key().equals(key)).findFirst();
        }

        /** The first value with exactly this key. */
        public Optional<JsonValue> get(String key) {
            return member(key).map(Member::value);
        }

        /** Every member with exactly this key, in written order. */
        public List<Member> membersNamed(String key) {
            return members.stream().filter(m -> m.key().equals(key)).toList();
        }
    }

    /** An array with its elements in order. */
    record JsonArray(List<JsonValue> elements, Position position, Position end, JsonPath path) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(path, "path");
        }
    }

    /** A string, with escapes decoded. */
    record JsonString(String value, Position position, Position end, JsonPath path) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(path, "path");
        }
    }

    /** A number, kept as written ({@code text}) because IAM condition values compare as text. */
    record JsonNumber(String text, Position position, Position end, JsonPath path) implements JsonValue {
        public JsonNumber {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(path, "path");
        }

        public BigDecimal value() {
            return new BigDecimal(text);
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBool(boolean value, Position position, Position end, JsonPath path) implements JsonValue {
        public JsonBool {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(path, "path");
        }
    }

    /** {@code null}. */
    record JsonNull(Position position, Position end, JsonPath path) implements JsonValue {
        public JsonNull {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(path, "path");
        }
    }
}
