package app.realmoments.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonTest {

    enum Color implements Wire {
        DARK_RED;

        @Override
        public String wire() {
            return "dark-red";
        }
    }

    enum Plain { ONE }

    record Inner(String name, @WriteNull String always, Integer maybe) {
    }

    record Outer(String id, int count, long big, double ratio, boolean flag, Color color, Plain plain,
                 List<Inner> inners, Map<String, Integer> counts, Set<String> tags, Inner single) {
    }

    @Test
    void writesRecordsInDeclarationOrderLeavingOutNullsUnlessMarked() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("b", 2);
        counts.put("a", null);
        Outer outer = new Outer("x\"y", 3, 1L << 40, 0.5, true, Color.DARK_RED, Plain.ONE,
                List.of(new Inner("n", null, null)), counts, null, null);
        assertEquals("{\"id\":\"x\\\"y\",\"count\":3,\"big\":1099511627776,\"ratio\":0.5,\"flag\":true,"
                + "\"color\":\"dark-red\",\"plain\":\"ONE\",\"inners\":[{\"name\":\"n\",\"always\":null}],"
                + "\"counts\":{\"b\":2,\"a\":null}}", Json.write(outer));
    }

    @Test
    void writesScalarsArraysAndMapsWithEnumKeys() {
        assertEquals("null", Json.write(null));
        assertEquals("[1,\"a\",false,2.5]", Json.write(new Object[] {1, "a", false, new BigDecimal("2.5")}));
        assertEquals("{\"dark-red\":[1,2]}", Json.write(Map.of(Color.DARK_RED, new int[] {1, 2})));
    }

    @Test
    void refusesTypesItWouldOnlyGuessAt() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(java.time.Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new byte[] {1}));
    }

    @Test
    void contentAfterTheValueIsNotValidJson() {
        for (String trailing : List.of("{\"name\":\"n\"}{}", "{\"name\":\"n\"} x", "{\"name\":\"n\"}]", "{\"name\":\"n\"} 1")) {
            Json.Invalid invalid = assertThrows(Json.Invalid.class, () -> Json.read(trailing, Inner.class), trailing);
            assertEquals(Json.Invalid.Reason.SYNTAX, invalid.reason(), trailing);
        }
        assertEquals(new Inner("n", null, null), Json.read("{\"name\":\"n\"} \n\t ", Inner.class), "white space is no content");
    }

    @Test
    void readsWhatItWritesIgnoringUnknownFields() {
        Outer outer = new Outer("id", 3, 9_000_000_000L, 0.25, true, Color.DARK_RED, Plain.ONE,
                List.of(new Inner("n", null, 4)), Map.of("k", 1), Set.of("t"), new Inner("s", "a", null));
        String json = Json.write(outer);
        assertEquals(outer, Json.read(json.replace("{\"id\"", "{\"unknown\":{\"deep\":[1,{}]},\"id\""), Outer.class));
    }

    @Test
    void missingFieldsAreNullOrZero() {
        Outer outer = Json.read("{}", Outer.class);
        assertEquals(new Outer(null, 0, 0, 0, false, null, null, null, null, null, null), outer);
        assertNull(Json.read("null", Outer.class));
    }

    @Test
    void neverCoercesAndNamesTheInnermostField() {
        assertInvalid("{\"id\":5}", Json.Invalid.Reason.WRONG_TYPE, "id");
        assertInvalid("{\"count\":\"5\"}", Json.Invalid.Reason.WRONG_TYPE, "count");
        assertInvalid("{\"count\":1.5}", Json.Invalid.Reason.WRONG_TYPE, "count");
        assertInvalid("{\"count\":null}", Json.Invalid.Reason.WRONG_TYPE, "count");
        assertInvalid("{\"count\":3000000000}", Json.Invalid.Reason.WRONG_TYPE, "count");
        assertInvalid("{\"flag\":1}", Json.Invalid.Reason.WRONG_TYPE, "flag");
        assertInvalid("{\"inners\":{}}", Json.Invalid.Reason.WRONG_TYPE, "inners");
        assertInvalid("{\"inners\":[{\"maybe\":\"x\"}]}", Json.Invalid.Reason.WRONG_TYPE, "maybe");
        assertInvalid("{\"color\":\"DARK_RED\"}", Json.Invalid.Reason.WRONG_FORMAT, "color");
        assertInvalid("{\"single\":[]}", Json.Invalid.Reason.WRONG_TYPE, "single");
    }

    @Test
    void tellsSyntaxFromShape() {
        assertInvalid("{\"id\":", Json.Invalid.Reason.SYNTAX, null);
        assertInvalid("{id:1}", Json.Invalid.Reason.SYNTAX, null);
        assertInvalid("[1]", Json.Invalid.Reason.NOT_AN_OBJECT, null);
        assertInvalid("\"text\"", Json.Invalid.Reason.NOT_AN_OBJECT, null);
        assertInvalid("   ", Json.Invalid.Reason.NOT_AN_OBJECT, null);
    }

    @Test
    void readsGenericMapsAndNaturalValues() {
        assertEquals(Map.of("a", "1"), Json.read("{\"a\":\"1\"}", Json.mapOf(String.class)));
        assertInvalid("{\"a\":1}", Json.mapOf(String.class), Json.Invalid.Reason.WRONG_TYPE, "a");
        assertEquals(Map.of("a", List.of(1, true, "x")), Json.read("{\"a\":[1,true,\"x\"]}", Json.mapOf(Object.class)));
    }

    private static void assertInvalid(String json, Json.Invalid.Reason reason, String field) {
        assertInvalid(json, Outer.class, reason, field);
    }

    private static void assertInvalid(String json, java.lang.reflect.Type type, Json.Invalid.Reason reason, String field) {
        Json.Invalid invalid = assertThrows(Json.Invalid.class, () -> Json.read(json, type));
        assertEquals(reason, invalid.reason(), invalid.getMessage());
        assertEquals(field, invalid.field(), invalid.getMessage());
    }
}
