package app.realmoments.emulator.template;

/** A template the local runtime cannot read or resolve; the message names the resource or construct. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
