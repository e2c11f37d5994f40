package dev.jnas.api.error;

/**
 * A problem the user can fix: a bad option, a missing or corrupt file, a broken plugin.
 *
 * <p>Its message is one line that names the problem; the launcher prints it and exits with code 2.
 * Anything else that escapes is a bug in jnas or in a plugin.
 *
 * <pre>{@code throw new JnasException("epochs must be positive, got " + epochs);}</pre>
 */
public class JnasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JnasException(String message) {
        super(message);
    }

    public JnasException(String message, Throwable cause) {
        super(message, cause);
    }
}
