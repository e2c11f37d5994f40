package dev.jnas.platform.data;

import dev.jnas.api.error.JnasException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reading a dataset file's bytes, with the one-line errors a user can act on. */
final class DataFiles {

    private DataFiles() {
    }

    /** The file's bytes as stored. */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new JnasException("missing dataset file " + file);
        } catch (AccessDeniedException e) {
            throw new JnasException("cannot read dataset file " + file + ": permission denied");
        } catch (IOException e) {
            throw new JnasException("cannot read dataset file " + file + ": " + oneLine(e), e);
        }
    }

    /** The bytes of a stream that is closed afterwards; {@code name} is used in messages. */
    static byte[] read(String name, InputStream in) {
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new JnasException("cannot read dataset file " + name + ": " + oneLine(e), e);
        }
    }

    /** Decompresses {@code bytes} if they start with the gzip magic, else returns them as they are. */
    static byte[] gunzipIfNeeded(String name, byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw corrupt(name, "bad gzip data (" + oneLine(e) + ")");
        }
    }

    /** The error for a file whose content is wrong. */
    static JnasException corrupt(String name, String problem) {
        return new JnasException("corrupt dataset file " + name + ": " + problem);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
