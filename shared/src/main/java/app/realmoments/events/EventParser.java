package app.realmoments.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The few steps every event reader takes over jackson-core's streaming parser: an object's fields one
 * by one, an array's elements, a string. A field the reader does not ask for is skipped whole, so
 * unknown fields cost nothing and change nothing; anything of the wrong kind where a reader looks is a
 * {@link MalformedEventException} naming where it is ({@code Records[1].dynamodb.NewImage.status}).
 */
final class EventParser {

    static final JsonFactory JSON = new JsonFactory();

    /** Takes one field of an object, the parser on its value; may leave the value unread. */
    @FunctionalInterface
    interface Fields {
        void field(String name, JsonParser value) throws IOException;
    }

    /** Reads one array element, the parser on its first token; {@code what} names it. */
    @FunctionalInterface
    interface Element<T> {
        T read(JsonParser value, String what) throws IOException;
    }

    private EventParser() {
    }

    /**
     * The whole input as one JSON object, each field offered to {@code fields}; false when the input is
     * JSON {@code null}. Not JSON, empty, not an object, or anything after the object is malformed.
     */
    static boolean event(InputStream input, Fields fields) throws IOException {
        try (JsonParser in = JSON.createParser(input)) {
            if (in.nextToken() == null) {
                throw new MalformedEventException("the event is empty");
            }
            boolean present = object(in, "the event", fields);
            if (in.nextToken() != null) {
                throw new MalformedEventException("the event has more after its end");
            }
            return present;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("the event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The {@code Records} array of a batch event ({@code kind} names the source for errors), read by {@code record}. */
    static <T> List<T> records(InputStream input, String kind, Element<T> record) throws IOException {
        var found = new Object() {
            List<T> records;
        };
        event(input, (name, value) -> {
            if (name.equals("Records")) {
                found.records = array(value, "Records", record);
            }
        });
        if (found.records == null) {
            throw new MalformedEventException("not " + kind + ": no Records");
        }
        return found.records;
    }

    /**
     * The object at the parser, each field offered to {@code fields}; false for JSON {@code null}
     * (as if absent). A value {@code fields} left unread is skipped.
     */
    static boolean object(JsonParser in, String what, Fields fields) throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw malformed(in, what, "an object");
        }
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken value = in.nextToken();
            fields.field(name, in);
            if (in.currentToken() == value && value.isStructStart()) {
                in.skipChildren();
            }
        }
        return true;
    }

    /** The array at the parser, element {@code i} read by {@code element} as {@code what[i]}. */
    static <T> List<T> array(JsonParser in, String what, Element<T> element) throws IOException {
        if (in.currentToken() != JsonToken.START_ARRAY) {
            throw malformed(in, what, "an array");
        }
        List<T> items = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            items.add(element.read(in, what + "[" + items.size() + "]"));
        }
        return items;
    }

    /** A string, or null for JSON null. */
    static String string(JsonParser in, String what) throws IOException {
        return switch (in.currentToken()) {
            case VALUE_STRING -> in.getText();
            case VALUE_NULL -> null;
            case null, default -> throw malformed(in, what, "a string");
        };
    }

    /** A string that must be there. */
    static String text(JsonParser in, String what) throws IOException {
        return required(string(in, what), what);
    }

    /** A whole number, or null for JSON null. */
    static Long number(JsonParser in, String what) throws IOException {
        return switch (in.currentToken()) {
            case VALUE_NUMBER_INT -> in.getLongValue();
            case VALUE_NULL -> null;
            case null, default -> throw malformed(in, what, "a whole number");
        };
    }

    static boolean bool(JsonParser in, String what) {
        return switch (in.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case null, default -> throw malformed(in, what, "true or false");
        };
    }

    static <T> T required(T value, String what) {
        if (value == null) {
            throw new MalformedEventException(what + " is missing");
        }
        return value;
    }

    private static MalformedEventException malformed(JsonParser in, String what, String expected) {
        return new MalformedEventException(what + ": expected " + expected + ", found " + switch (in.currentToken()) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case null, default -> "nothing";
        });
    }
}
