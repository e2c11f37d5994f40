package dev.jnas.platform.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jnas.api.error.JnasException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The one JSON configuration of every file jnas writes, and atomic file writing. */
public final class Json {

    /** Pretty-printed, for files a person reads ({@code config.json}, {@code genotype.json}). */
    public static final ObjectMapper PRETTY = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** One object per line, for {@code .jsonl} files. */
    public static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private Json() {
    }

    /** Serialises a value on one line. */
    public static String line(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Serialises a value, pretty-printed, with a final newline. */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Appends {@code value} as one line to {@code file} (created if missing), flushed at once. */
    public static void appendLine(Path file, Object value) {
        try {
            Files.writeString(file, line(value) + "\n", java.nio.charset.StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new JnasException("cannot write " + file + ": " + describe(e));
        }
    }

    /** Writes {@code value} pretty-printed to {@code file} atomically (temporary file, then rename). */
    public static void write(Path file, Object value) {
        writeAtomically(file, pretty(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Writes bytes atomically: readers see the old file or the new one, never a part. The bytes reach
     * the disk before the rename, so a power loss too leaves the old file or the whole new one.
     */
    public static void writeAtomically(Path file, byte[] bytes) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            setReadableByAll(tmp);
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new JnasException("cannot write " + file + ": " + describe(e));
        }
    }

    /** Temporary files start private; the files of a run are for everyone who can read the folder. */
    private static void setReadableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** A short description of an I/O failure for a one-line message. */
    public static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }

    /** Reads a JSON file into a type; any problem is a one-line {@link JnasException}. */
    public static <T> T read(Path file, Class<T> type, String what) {
        if (!Files.isRegularFile(file)) {
            throw new JnasException(what + " file not found: " + file);
        }
        try {
            return PRETTY.readValue(file.toFile(), type);
        } catch (JnasException e) {
            throw e;
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof JnasException j ? j : e;
            String message = cause instanceof JnasException ? cause.getMessage()
                    : e.getMessage().lines().findFirst().orElse("unreadable");
            throw new JnasException("bad " + what + " file " + file + ": " + message);
        } catch (UncheckedIOException e) {
            throw new JnasException("cannot read " + what + " file " + file + ": " + describe(e.getCause()));
        }
    }
}
