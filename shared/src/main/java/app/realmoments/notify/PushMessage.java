package app.realmoments.notify;

import java.util.Map;

/** What a phone shows: a title, a line of text, and the data the app opens it with. */
public record PushMessage(String title, String body, Map<String, String> data) {
}
