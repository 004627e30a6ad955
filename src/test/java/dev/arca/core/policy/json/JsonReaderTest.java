package dev.arca.core.policy.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.policy.json.JsonValue.JsonArray;
import dev.arca.core.policy.json.JsonValue.JsonBool;
import dev.arca.core.policy.json.JsonValue.JsonNull;
import dev.arca.core.policy.json.JsonValue.JsonNumber;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": ["codeartifact:ReadFromRepository", "sts:GetServiceBearerToken"]
                }
              ]
            }""";

    @Test
    void valuesKnowTheirPathAndPosition() {
        JsonObject root = (JsonObject) JsonReader.read(POLICY);
        JsonArray statements = (JsonArray) root.get("Statement").orElseThrow();
        JsonObject first = (JsonObject) statements.elements().getFirst();
        JsonArray actions = (JsonArray) first.get("Action").orElseThrow();
        JsonString second = (JsonString) actions.elements().get(1);

        assertThat(second.value()).isEqualTo("sts:GetServiceBearerToken");
        assertThat(second.path()).hasToString("Statement[0].Action[1]");
        assertThat(second.position().line()).isEqualTo(6);
        assertThat(second.position().column()).isEqualTo(52);
        assertThat(POLICY.substring(second.position().offset(), second.end().offset()))
                .isEqualTo("\"sts:GetServiceBearerToken\"");
        assertThat(first.path()).hasToString("Statement[0]");
        assertThat(root.path().isRoot()).isTrue();
        assertThat(first.member("Effect").orElseThrow().keyPosition()).isEqualTo(new Position(5, 6, POLICY.indexOf("\"Effect\"")));
    }

    @Test
    void keysThatWouldBeAmbiguousAreQuotedInPaths() {
        JsonObject root = (JsonObject) JsonReader.read("{\"a.b\": {\"aws:username\": [1]}}");
        JsonObject inner = (JsonObject) root.get("a.b").orElseThrow();
        JsonArray values = (JsonArray) inner.get("aws:username").orElseThrow();
        assertThat(values.elements().getFirst().path()).hasToString("[\"a.b\"].aws:username[0]");
    }

    @Test
    void duplicateKeysStayVisibleInWrittenOrder() {
        JsonObject root = (JsonObject) JsonReader.read("{\"Effect\":\"Allow\",\"Sid\":\"x\",\"Effect\":\"Deny\"}");
        assertThat(root.members()).extracting(JsonValue.Member::key).containsExactly("Effect", "Sid", "Effect");
        assertThat(root.membersNamed("Effect")).extracting(m -> ((JsonString) m.value()).value())
                .containsExactly("Allow", "Deny");
        assertThat(((JsonString) root.get("Effect").orElseThrow()).value()).isEqualTo("Allow");
    }

    @Test
    void escapesDecodeIncludingSurrogatePairs() {
        JsonString s = (JsonString) JsonReader.read("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0041\\u00e9\\uD83D\\uDE00\"");
        assertThat(s.value()).isEqualTo("a\"b\\c/d\b\f\n\r\tAé😀");
    }

    @Test
    void rawNonAsciiTextIsKept() {
        assertThat(((JsonString) JsonReader.read("\"ü😀\"")).value()).isEqualTo("ü😀");
    }

    @Test
    void numbersKeepTheirText() {
        JsonArray a = (JsonArray) JsonReader.read("[0, -1, 12.50, 1e3, -2.5E-2]");
        assertThat(a.elements()).extracting(v -> ((JsonNumber) v).text())
                .containsExactly("0", "-1", "12.50", "1e3", "-2.5E-2");
        assertThat(((JsonNumber) a.elements().get(3)).value()).isEqualByComparingTo(new BigDecimal(1000));
    }

    @Test
    void literalsAndTypeNames() {
        JsonArray a = (JsonArray) JsonReader.read(" [true,false,null,{},[],\"\"] \r\n");
        assertThat(((JsonBool) a.elements().get(0)).value()).isTrue();
        assertThat(((JsonBool) a.elements().get(1)).value()).isFalse();
        assertThat(a.elements().get(2)).isInstanceOf(JsonNull.class);
        assertThat(a.elements()).extracting(JsonValue::typeName)
                .containsExactly("boolean", "boolean", "null", "object", "array", "string");
    }

    @Test
    void crLfAndLoneCrEachEndALine() {
        JsonArray a = (JsonArray) JsonReader.read("[\r\n1,\r2,\n 3]");
        assertThat(a.elements()).extracting(v -> v.position().line()).containsExactly(2, 3, 4);
        assertThat(a.elements().get(2).position().column()).isEqualTo(1);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                      | Empty document: expected a JSON value at line 1, column 1
            `   `                   | Empty document: expected a JSON value at line 1, column 4
            `{"a":1} x`             | Unexpected character 'x' after the end of the JSON value at line 1, column 9
            `{"a":1}}`              | Unexpected character '}' after the end of the JSON value at line 1, column 8
            `{"a":1,}`              | Trailing comma before '}' at line 1, column 8
            `[1,]`                  | Trailing comma before ']' at line 1, column 4
            `{'a':1}`               | Unexpected character ''': expected a member name in double quotes at line 1, column 2
            `{"a" 1}`               | Unexpected character '1': expected ':' after the member name at line 1, column 6
            `{"a":1 "b":2}`         | Unexpected character '"': expected ',' or '}' in the object at line 1, column 8
            `[1 2]`                 | Unexpected character '2': expected ',' or ']' in the array at line 1, column 4
            `{"a":`                 | Unexpected end of input: expected a value at line 1, column 6
            `["abc`                 | Unterminated string (opened at line 1, column 2) at line 1, column 6
            `"~x"`                  | Invalid escape sequence '~x' at line 1, column 2
            `"~u12G4"`              | Invalid ~u escape: expected 4 hex digits at line 1, column 2
            `"~u12"`                | Invalid ~u escape: expected 4 hex digits at line 1, column 2
            `"~uD83D"`              | Unpaired surrogate ~uD83D: a high surrogate must be followed by a ~u low surrogate at line 1, column 2
            `"~uDE00"`              | Unpaired surrogate ~uDE00: a low surrogate must follow a high surrogate at line 1, column 2
            `[01]`                  | Leading zeros are not allowed in a number at line 1, column 2
            `[-]`                   | Invalid number: expected a digit after '-' at line 1, column 3
            `[1.]`                  | Invalid number: expected a digit after '.' at line 1, column 4
            `[1e]`                  | Invalid number: expected a digit in the exponent at line 1, column 4
            `[+1]`                  | Unexpected character '+': expected a value at line 1, column 2
            `[NaN]`                 | Unexpected character 'N': expected a value at line 1, column 2
            `[tru]`                 | Unexpected character 't': expected a value at line 1, column 2
            `// c`                  | Unexpected character '/': expected a value at line 1, column 1
            """)
    void syntaxErrorsSayWhatAndWhere(String text, String message) {
        // '~' stands for a backslash: Java would decode backslash-u even inside a text block.
        String expected = message.replace('~', '\\');
        assertThatThrownBy(() -> JsonReader.read(text.replace('~', '\\'))).isInstanceOf(JsonSyntaxException.class).hasMessage(expected);
    }

    @Test
    void errorsCarryTheirPosition() {
        JsonSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(JsonSyntaxException.class,
                () -> JsonReader.read("{\n  \"a\": [1,\n  2,]\n}"));
        assertThat(e.detail()).isEqualTo("Trailing comma before ']'");
        assertThat(e.position()).isEqualTo(new Position(3, 4, 17));
    }

    @Test
    void controlCharactersInStringsAreRefused() {
        assertThatThrownBy(() -> JsonReader.read("\"a\tb\""))
                .hasMessage("Control character U+0009 must be escaped in a string at line 1, column 3");
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonReader.read(deep)).hasMessageStartingWith("Nesting deeper than 64 levels");
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertThat(JsonReader.read(ok)).isInstanceOf(JsonArray.class);
    }
}
