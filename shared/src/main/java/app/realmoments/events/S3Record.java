package app.realmoments.events;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One record of an S3 event notification ({@code {"Records": [{"eventName", "s3": {"bucket": {"name"},
 * "object": {"key", "size", ...}}}]}}).
 *
 * @param eventName e.g. {@code ObjectCreated:Put}
 * @param bucket    the bucket's name
 * @param key       the object's key, decoded (see {@link #decodeKey})
 * @param size      the object's size in bytes; null when the event has none
 */
public record S3Record(String eventName, String bucket, String key, Long size) {

    /** The records of the event S3 sends, in order. */
    public static List<S3Record> readAll(InputStream event) throws IOException {
        return EventParser.records(event, "an S3 event", S3Record::read);
    }

    /**
     * S3 puts the key into the event URL-encoded as a form value: a space as '+', a '+' as "%2B", other
     * bytes as UTF-8 percent escapes ("uploads/a b+c.jpg" arrives as "uploads/a+b%2Bc.jpg"); decoded here
     * with {@link URLDecoder}, as the upload processor always has. An escape that is not one is malformed.
     */
    public static String decodeKey(String key) {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("the object key " + key + " is not URL-encoded: " + e.getMessage(), e);
        }
    }

    private static S3Record read(JsonParser in, String what) throws IOException {
        var record = new Object() {
            String eventName;
            String bucket;
            String key;
            Long size;
        };
        String s3 = what + ".s3";
        EventParser.object(in, what, (name, value) -> {
            switch (name) {
                case "eventName" -> record.eventName = EventParser.string(value, what + ".eventName");
                case "s3" -> EventParser.object(value, s3, (entity, fields) -> {
                    switch (entity) {
                        case "bucket" -> EventParser.object(fields, s3 + ".bucket", (field, bucket) -> {
                            if (field.equals("name")) {
                                record.bucket = EventParser.string(bucket, s3 + ".bucket.name");
                            }
                        });
                        case "object" -> EventParser.object(fields, s3 + ".object", (field, object) -> {
                            switch (field) {
                                case "key" -> record.key = EventParser.string(object, s3 + ".object.key");
                                case "size" -> record.size = EventParser.number(object, s3 + ".object.size");
                                default -> { }
                            }
                        });
                        default -> { }
                    }
                });
                default -> { }
            }
        });
        String key = EventParser.required(record.key, s3 + ".object.key");
        return new S3Record(record.eventName, record.bucket, decodeKey(key), record.size);
    }
}
