package org.rota.infra;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the JVM (all loggers, all threads) from {@link #start()} to {@link #close()}: the message
 * with each of its parameters (whatever format style the logger uses) and, for a failure, each exception's message
 * down the cause chain. That holds everything a log file would.
 * Records below the loggers' configured levels are never made, so what is captured is what production would write.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLoggerName() == null ? "" : record.getLoggerName())
                .append(' ').append(record.getLevel()).append(' ').append(format(record));
        for (Throwable failure = record.getThrown(); failure != null;
                failure = failure.getCause() == failure ? null : failure.getCause()) {
            line.append(" | ").append(failure);
        }
        lines.add(line.toString());
    }

    private static String format(LogRecord record) {
        Object[] parameters = record.getParameters();
        return record.getMessage() + (parameters == null ? "" : " " + Arrays.deepToString(parameters));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
