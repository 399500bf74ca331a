package app.realmoments.runtime.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Console output of many functions in one JVM: each line a function prints (its JSON log lines,
 * System.out, the LambdaLogger) is prefixed with the function's logical id, which the invoking
 * thread carries. Lines are written whole, so concurrent invocations do not interleave mid-line.
 */
public final class Console {

    private static final InheritableThreadLocal<String> LABEL = new InheritableThreadLocal<>();
    private static volatile boolean installed;

    private Console() {
    }

    /** Marks the current thread (and threads it starts) as running the named function. */
    public static void label(String function) {
        LABEL.set(function);
    }

    public static void clearLabel() {
        LABEL.remove();
    }

    /**
     * Replaces System.out and System.err with labelling streams over {@code out} and {@code err};
     * returns the previous System.out.
     */
    public static synchronized PrintStream install(PrintStream out, PrintStream err) {
        PrintStream previous = System.out;
        System.setOut(labelling(out));
        System.setErr(labelling(err));
        installed = true;
        return previous;
    }

    /** Prints one line on behalf of a function (labelled like the function's own lines). */
    public static void line(String function, String text) {
        print(function, text, false);
    }

    /** Prints one line on behalf of a function on stderr (labelled like the function's own lines). */
    public static void errorLine(String function, String text) {
        print(function, text, true);
    }

    private static void print(String function, String text, boolean error) {
        // System.out and System.err read each time: install may have replaced them.
        if (!installed) {
            (error ? System.err : System.out).println("[" + function + "] " + text);
            return;
        }
        String previous = LABEL.get();
        LABEL.set(function);
        try {
            (error ? System.err : System.out).println(text);
        } finally {
            if (previous == null) {
                LABEL.remove();
            } else {
                LABEL.set(previous);
            }
        }
    }

    public static PrintStream labelling(PrintStream target) {
        return new PrintStream(new LineStream(target), true, StandardCharsets.UTF_8);
    }

    private static final class LineStream extends OutputStream {
        private final PrintStream target;
        private final ThreadLocal<ByteArrayOutputStream> line = ThreadLocal.withInitial(ByteArrayOutputStream::new);

        LineStream(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            ByteArrayOutputStream buffer = line.get();
            buffer.write(b);
            if (b == '\n') {
                emit(buffer);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ByteArrayOutputStream buffer = line.get();
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    buffer.write(bytes, start, i + 1 - start);
                    emit(buffer);
                    start = i + 1;
                }
            }
            buffer.write(bytes, start, offset + length - start);
        }

        private void emit(ByteArrayOutputStream buffer) {
            String label = LABEL.get();
            synchronized (target) {
                if (label != null) {
                    target.print("[" + label + "] ");
                }
                target.write(buffer.toByteArray(), 0, buffer.size());
                target.flush();
            }
            buffer.reset();
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
