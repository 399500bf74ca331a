package app.realmoments.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one JSON codec of the functions: records, maps, lists and scalars, over jackson-core's streaming
 * parser and generator. A data-binding library (its introspection, its hundreds of classes) costs a
 * cold start more than the whole of this; the wire rules it offered are kept:
 * <ul>
 *   <li>writing: record components in declaration order, null ones left out unless marked
 *       {@link WriteNull}; map entries and list elements as they are; enums as {@link Wire#wire()}
 *       when they implement it, else their name;</li>
 *   <li>reading: unknown fields ignored, no coercion (a string is never read from a number, a number
 *       never from a string, a boolean only from true/false), null or a fraction for a primitive is an
 *       error, a missing primitive is 0/false, an enum only from its wire value.</li>
 * </ul>
 * Anything else (a bean, a date object) is refused rather than guessed at.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };
    private static final ClassValue<Map<String, Enum<?>>> ENUMS = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> byWire = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byWire.put(wire((Enum<?>) constant), (Enum<?>) constant);
            }
            return byWire;
        }
    };

    private Json() {
    }

    /** JSON text of a record, map, collection, array or scalar. */
    public static String write(Object value) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeValue(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Reads {@code json} as {@code type}; {@link Invalid} says what is wrong and where. */
    public static <T> T read(String json, Class<T> type) {
        return type.cast(read(json, (Type) type));
    }

    /** Reads {@code json} as a (possibly generic, see {@link #mapOf}) type; JSON null gives null. */
    public static Object read(String json, Type type) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new Invalid(Invalid.Reason.NOT_AN_OBJECT, null, "no JSON content");
            }
            Object value = readValue(parser, type, null);
            if (parser.nextToken() != null) {
                throw new Invalid(Invalid.Reason.SYNTAX, null, "content after the JSON value");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new Invalid(Invalid.Reason.SYNTAX, null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type {@code Map<String, V>}, for {@link #read(String, Type)}. */
    public static Type mapOf(Class<?> valueType) {
        return new Parameterized(Map.class, new Type[] {String.class, valueType});
    }

    /** Why a JSON text could not be read as the type asked for. */
    public static final class Invalid extends IllegalArgumentException {

        public enum Reason {
            /** Not JSON at all. */
            SYNTAX,
            /** JSON, but not an object where one was expected at the top (an array, a string, null...). */
            NOT_AN_OBJECT,
            /** A field holds the wrong kind of value (a number for a string, null for a number...). */
            WRONG_TYPE,
            /** A field holds the right kind of value in a wrong form (an unknown enum value). */
            WRONG_FORMAT
        }

        private final Reason reason;
        private final String field;

        Invalid(Reason reason, String field, String message) {
            super(message);
            this.reason = reason;
            this.field = field;
        }

        public Reason reason() {
            return reason;
        }

        /** The innermost named field where reading failed, or null at the top level. */
        public String field() {
            return field;
        }
    }

    // ------------------------------------------------------------------ writing

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case String s -> out.writeString(s);
            case Boolean b -> out.writeBoolean(b);
            case Integer i -> out.writeNumber(i);
            case Long l -> out.writeNumber(l);
            case Double d -> out.writeNumber(d);
            case Float f -> out.writeNumber(f);
            case Short s -> out.writeNumber(s);
            case Byte b -> out.writeNumber(b);
            case BigDecimal d -> out.writeNumber(d);
            case BigInteger i -> out.writeNumber(i);
            case Character c -> out.writeString(c.toString());
            case Enum<?> e -> out.writeString(wire(e));
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.writeFieldName(entry.getKey() instanceof Enum<?> e ? wire(e) : String.valueOf(entry.getKey()));
                    writeValue(out, entry.getValue());
                }
                out.writeEndObject();
            }
            case Collection<?> items -> {
                out.writeStartArray();
                for (Object item : items) {
                    writeValue(out, item);
                }
                out.writeEndArray();
            }
            case Record record -> writeRecord(out, record);
            default -> {
                if (!value.getClass().isArray() || value instanceof byte[]) {
                    throw new IllegalArgumentException("cannot write " + value.getClass().getName()
                            + " as JSON: not a record, map, collection, array or scalar");
                }
                out.writeStartArray();
                for (int i = 0, n = Array.getLength(value); i < n; i++) {
                    writeValue(out, Array.get(value, i));
                }
                out.writeEndArray();
            }
        }
    }

    private static void writeRecord(JsonGenerator out, Record record) throws IOException {
        out.writeStartObject();
        for (Component component : SHAPES.get(record.getClass()).components()) {
            Object value = component.get(record);
            if (value != null || component.writeNull()) {
                out.writeFieldName(component.name());
                writeValue(out, value);
            }
        }
        out.writeEndObject();
    }

    private static String wire(Enum<?> value) {
        return value instanceof Wire wire ? wire.wire() : value.name();
    }

    // ------------------------------------------------------------------ reading

    /** Reads the value at the parser's current token as {@code type}; {@code field} names it for errors. */
    private static Object readValue(JsonParser in, Type type, String field) throws IOException {
        JsonToken token = in.currentToken();
        Class<?> raw = raw(type);
        if (token == JsonToken.VALUE_NULL) {
            if (raw.isPrimitive()) {
                throw wrongType(field, "null for a " + raw.getName());
            }
            return null;
        }
        if (raw.isRecord()) {
            if (token != JsonToken.START_OBJECT) {
                throw field == null ? new Invalid(Invalid.Reason.NOT_AN_OBJECT, null, "not a JSON object")
                        : wrongType(field, "not an object");
            }
            return readRecord(in, raw);
        }
        if (raw == String.class) {
            return expect(in, token == JsonToken.VALUE_STRING, field, "a string").getText();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            expect(in, token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, field, "true or false");
            return token == JsonToken.VALUE_TRUE;
        }
        if (raw == Integer.class || raw == int.class) {
            long value = integral(in, token, field);
            expect(in, value == (int) value, field, "a whole number in range");
            return (int) value;
        }
        if (raw == Long.class || raw == long.class) {
            return integral(in, token, field);
        }
        if (raw == Double.class || raw == double.class) {
            return expect(in, token.isNumeric(), field, "a number").getDoubleValue();
        }
        if (raw == BigDecimal.class) {
            return expect(in, token.isNumeric(), field, "a number").getDecimalValue();
        }
        if (raw.isEnum()) {
            expect(in, token == JsonToken.VALUE_STRING, field, "a string");
            Enum<?> constant = ENUMS.get(raw).get(in.getText());
            if (constant == null) {
                throw new Invalid(Invalid.Reason.WRONG_FORMAT, field, field + ": not one of " + ENUMS.get(raw).keySet());
            }
            return constant;
        }
        if (Map.class.isAssignableFrom(raw)) {
            expect(in, token == JsonToken.START_OBJECT, field, "an object");
            Type valueType = argument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String key = in.currentName();
                in.nextToken();
                map.put(key, readValue(in, valueType, key));
            }
            return map;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            expect(in, token == JsonToken.START_ARRAY, field, "an array");
            Type elementType = argument(type, 0);
            Collection<Object> items = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
            while (in.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(in, elementType, field));
            }
            return items;
        }
        if (raw == Object.class) {
            return readNatural(in, token, field);
        }
        throw new IllegalArgumentException("cannot read " + type.getTypeName() + " from JSON");
    }

    private static Object readRecord(JsonParser in, Class<?> type) throws IOException {
        Shape shape = SHAPES.get(type);
        Object[] args = new Object[shape.components().size()];
        boolean[] seen = new boolean[args.length];
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            in.nextToken();
            Integer index = shape.index().get(name);
            if (index == null) {
                in.skipChildren(); // unknown fields are ignored
                continue;
            }
            args[index] = readValue(in, shape.components().get(index).type(), name);
            seen[index] = true;
        }
        for (int i = 0; i < args.length; i++) {
            Class<?> componentType = shape.components().get(i).rawType();
            if (!seen[i] && componentType.isPrimitive()) {
                args[i] = Array.get(Array.newInstance(componentType, 1), 0); // the type's zero
            }
        }
        return shape.create(args);
    }

    /** Object-typed: maps, lists, strings, numbers, booleans as they come. */
    private static Object readNatural(JsonParser in, JsonToken token, String field) throws IOException {
        return switch (token) {
            case START_OBJECT -> readValue(in, Map.class, field);
            case START_ARRAY -> readValue(in, List.class, field);
            case VALUE_STRING -> in.getText();
            case VALUE_NUMBER_INT -> in.getNumberValue();
            case VALUE_NUMBER_FLOAT -> in.getDecimalValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> null;
        };
    }

    private static long integral(JsonParser in, JsonToken token, String field) throws IOException {
        expect(in, token == JsonToken.VALUE_NUMBER_INT, field, "a whole number");
        expect(in, in.getNumberType() == JsonParser.NumberType.INT || in.getNumberType() == JsonParser.NumberType.LONG,
                field, "a whole number in range");
        return in.getLongValue();
    }

    private static JsonParser expect(JsonParser in, boolean ok, String field, String what) {
        if (!ok) {
            throw wrongType(field, "expected " + what);
        }
        return in;
    }

    private static Invalid wrongType(String field, String detail) {
        return new Invalid(Invalid.Reason.WRONG_TYPE, field, (field == null ? "value" : field) + ": " + detail);
    }

    private static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            default -> Object.class;
        };
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    // ------------------------------------------------------------------ record shapes

    /** A record's components and canonical constructor, looked up once per class. */
    private record Shape(List<Component> components, Map<String, Integer> index, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                return new Shape(List.of(), Map.of(), null);
            }
            RecordComponent[] recordComponents = type.getRecordComponents();
            List<Component> components = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
            for (int i = 0; i < recordComponents.length; i++) {
                RecordComponent component = recordComponents[i];
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                components.add(new Component(component.getName(), component.getGenericType(), component.getType(),
                        accessor, component.isAnnotationPresent(WriteNull.class)));
                index.put(component.getName(), i);
                parameterTypes[i] = component.getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
                return new Shape(List.copyOf(components), Map.copyOf(index), constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }

        Object create(Object[] args) {
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                // the record's own validation: what it says is about the input
                throw new Invalid(Invalid.Reason.WRONG_FORMAT, null, String.valueOf(e.getCause().getMessage()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Component(String name, Type type, Class<?> rawType, Method accessor, boolean writeNull) {
        Object get(Record record) {
            try {
                return accessor.invoke(record);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Parameterized(Class<?> rawType, Type[] actualTypeArguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return actualTypeArguments.clone();
        }

        @Override
        public Type getRawType() {
            return rawType;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }
}
