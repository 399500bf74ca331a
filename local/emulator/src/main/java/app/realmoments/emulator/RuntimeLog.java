package app.realmoments.emulator;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The runtime's own console lines ("12:00:01 runtime  ..."), apart from the functions' logs. */
public final class RuntimeLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static volatile PrintStream out;

    private RuntimeLog() {
    }

    /** Where the lines go; stdout unless set (the invoke command sends them to stderr). */
    public static void to(PrintStream stream) {
        out = stream;
    }

    public static void info(String message) {
        line("", message);
    }

    public static void warn(String message) {
        line("WARN ", message);
    }

    public static void error(String message, Throwable error) {
        StringWriter trace = new StringWriter();
        if (error != null) {
            error.printStackTrace(new PrintWriter(trace));
        }
        line("ERROR ", message + (error == null ? "" : System.lineSeparator() + trace.toString().stripTrailing()));
    }

    private static void line(String level, String message) {
        PrintStream stream = out == null ? System.out : out;
        stream.println(LocalTime.now().format(TIME) + " runtime  " + level + message);
    }
}
