package loopline.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one Jackson mapper, and bounded, strict file reading: only regular files (a FIFO or device would
 * block or never end), at most {@link #MAX_BYTES}, UTF-8 only. Parse errors name file, line and column.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Far above any catalog or scenario (the model catalog is ~50 KB), far below trouble. */
    static final int MAX_BYTES = 8 << 20;

    private Json() {
    }

    /**
     * Python's json module writes Infinity and NaN, and Hugging Face configs carry them (Nemotron-H's
     * time_step_limit); a config is read with them allowed, LoopLine's own files without.
     */
    private static final ObjectMapper PYTHON_JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    public static JsonNode read(Path file) {
        return read(file, MAPPER);
    }

    /** A file written by Python's json module (a Hugging Face config.json). */
    static JsonNode readPythonJson(Path file) {
        return read(file, PYTHON_JSON);
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(readText(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InvalidDataException(file + ": not valid JSON" + at + ": " + e.getOriginalMessage());
        }
    }

    static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidDataException(file + ": is a folder, not a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new InvalidDataException(file + ": is not a regular file (a device or pipe cannot be read)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(file + ": file not found");
        } catch (IOException e) {
            throw new InvalidDataException(file + ": cannot be read: " + AtomicFile.reason(e), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidDataException(file + ": is larger than " + (MAX_BYTES >> 20) + " MB; not a LoopLine file");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new InvalidDataException(file + ": is binary or UTF-16, not UTF-8 JSON text");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(file + ": is not UTF-8 text");
        }
    }
}
