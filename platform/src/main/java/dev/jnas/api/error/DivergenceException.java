package dev.jnas.api.error;

/**
 * A run diverged: a loss or a weight became NaN or infinite. The launcher exits with code 3; the
 * message names the step and the last good checkpoint, which stays intact.
 */
public class DivergenceException extends JnasException {
    private static final long serialVersionUID = 1L;

    public DivergenceException(String message) {
        super(message);
    }
}
