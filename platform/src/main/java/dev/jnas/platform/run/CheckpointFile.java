package dev.jnas.platform.run;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.CheckpointState;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.nn.Arrays;
import dev.jnas.api.optim.ParameterOptimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The binary checkpoint format: a magic number, a JSON header (format version, configuration
 * fingerprint, progress, optimizer scalars), the model's parameters as DJL saves them, the
 * optimizers' state arrays, and a CRC-32 of everything before it. A truncated or altered file
 * fails the CRC and is refused.
 */
final class CheckpointFile {

    private static final byte[] MAGIC = "JNASCKPT".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;

    /** The header, as JSON. */
    record Header(
            @JsonProperty("format") int format,
            @JsonProperty("fingerprint") String fingerprint,
            @JsonProperty("state") CheckpointState state,
            @JsonProperty("optimizer_scalars") Map<String, Map<String, Double>> optimizerScalars) {
    }

    private CheckpointFile() {
    }

    /** Serialises a checkpoint. */
    static byte[] encode(String fingerprint, CheckpointState state, Block model,
                         Map<String, ParameterOptimizer> optimizers) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        Map<String, Map<String, Double>> scalars = new TreeMap<>();
        optimizers.forEach((name, o) -> scalars.put(name, o.scalars()));
        writeBlock(out, Json.COMPACT.writeValueAsBytes(new Header(FORMAT, fingerprint, state, scalars)));
        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        model.saveParameters(new DataOutputStream(parameters));
        writeBlock(out, parameters.toByteArray());
        Map<String, ParameterOptimizer> sorted = new TreeMap<>(optimizers);
        out.writeInt(sorted.size());
        for (Map.Entry<String, ParameterOptimizer> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            Map<String, NDArray> arrays = new TreeMap<>(e.getValue().state());
            out.writeInt(arrays.size());
            for (Map.Entry<String, NDArray> a : arrays.entrySet()) {
                out.writeUTF(a.getKey());
                writeBlock(out, a.getValue().encode());
            }
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    /** Reads only the header (to check a file before touching any model). */
    static Header header(Path file) {
        return load(file, null, null, null).header();
    }

    /** The model's parameters as saved in a checkpoint (DJL's format), without loading them anywhere. */
    static byte[] parameters(Path file) {
        return load(file, null, null, null).parameters();
    }

    /** What a checkpoint holds besides the optimizer states. */
    private record Contents(Header header, byte[] parameters) {
    }

    /**
     * Reads a checkpoint; with a model, loads its parameters and the optimizers' states too.
     *
     * @throws JnasException for a file that is not a complete jnas checkpoint
     */
    static Header read(Path file, NDManager manager, Block model, Map<String, ParameterOptimizer> optimizers) {
        return load(file, manager, model, optimizers).header();
    }

    private static Contents load(Path file, NDManager manager, Block model,
                                 Map<String, ParameterOptimizer> optimizers) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JnasException("cannot read checkpoint " + file + ": " + Json.describe(e));
        }
        if (bytes.length < MAGIC.length + 8 || !java.util.Arrays.equals(MAGIC, 0, MAGIC.length, bytes, 0, MAGIC.length)) {
            throw new JnasException("checkpoint " + file + " is not a jnas checkpoint");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (crc.getValue() != stored) {
            throw new JnasException("checkpoint " + file + " is truncated or corrupt (checksum mismatch)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length,
                bytes.length - 8 - MAGIC.length))) {
            Header header = Json.COMPACT.readValue(readBlock(in), Header.class);
            if (header.format() != FORMAT) {
                throw new JnasException("checkpoint " + file + " has format " + header.format()
                        + "; this jnas reads format " + FORMAT);
            }
            byte[] parameters = readBlock(in);
            if (model == null) {
                return new Contents(header, parameters);
            }
            model.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(parameters)));
            for (Pair<String, Parameter> p : model.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            }
            int count = in.readInt();
            Map<String, Map<String, NDArray>> states = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int arrays = in.readInt();
                Map<String, NDArray> state = new LinkedHashMap<>();
                for (int k = 0; k < arrays; k++) {
                    String key = in.readUTF();
                    state.put(key, Arrays.engineOwned(manager.decode(readBlock(in))));
                }
                states.put(name, state);
            }
            if (!states.keySet().equals(new TreeMap<>(optimizers).keySet())) {
                throw new JnasException("checkpoint " + file + " holds optimizers " + states.keySet()
                        + ", this run has " + new TreeMap<>(optimizers).keySet());
            }
            for (Map.Entry<String, ParameterOptimizer> e : optimizers.entrySet()) {
                Map<String, NDArray> state = states.get(e.getKey());
                e.getValue().load(state, header.optimizerScalars().getOrDefault(e.getKey(), Map.of()));
                state.values().forEach(NDArray::close);
            }
            return new Contents(header, parameters);
        } catch (JnasException e) {
            throw e;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new JnasException("checkpoint " + file + " does not fit this run: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
        }
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("block length " + length + " exceeds the file");
        }
        return in.readNBytes(length);
    }
}
