package dev.jnas.launcher.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that formats lines and hands them to {@link LogSink}. */
final class LauncherLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    LauncherLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return LogSink.debug();
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        if (level == Level.TRACE || (level == Level.DEBUG && !LogSink.debug())) {
            return;
        }
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        StringBuilder line = new StringBuilder()
                .append(LocalTime.now()).append(' ').append(level).append(' ')
                .append(name.substring(name.lastIndexOf('.') + 1)).append(" - ").append(message);
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        LogSink.write(line.toString());
    }
}
