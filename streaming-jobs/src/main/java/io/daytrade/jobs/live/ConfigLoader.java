package io.daytrade.jobs.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.flink.util.TimeUtils;

/**
 * Reads the job configuration strictly: an unknown key or a value of the wrong type is an error that
 * names the key. Secrets are resolved from {@code ${env:NAME}} and {@code ${file:PATH}} references and
 * never appear in a message.
 */
public final class ConfigLoader {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private ConfigLoader() {}

    static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The defaults, or the file's settings over them. */
    public static LiveJobConfig load(Path file) {
        return load(file, System::getenv);
    }

    /** As {@link #load(Path)}, resolving ${env:NAME} references with {@code environment}. */
    public static LiveJobConfig load(Path file, Function<String, String> environment) {
        if (file == null) {
            return new LiveJobConfig();
        }
        LiveJobConfig config;
        try {
            String text = Files.readString(file);
            config = text.isBlank() ? new LiveJobConfig() : yaml().readValue(text, LiveJobConfig.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": unknown key '" + path(e) + "'; known keys here: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw new ConfigException(file + ": wrong value for '" + path(e) + "': " + e.getOriginalMessage()
                    .replaceAll(" \\(.*", "").replaceAll("\\s+", " "));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (config.rules != null && !Path.of(config.rules).isAbsolute()) {
            Path base = file.toAbsolutePath().getParent();
            config.rules = base.resolve(config.rules).toString();
        }
        resolveSecrets(file, config, environment);
        return config;
    }

    /** Replaces ${env:NAME} and ${file:PATH} in Kafka properties. The values never reach a message. */
    static void resolveSecrets(Path file, LiveJobConfig config, Function<String, String> environment) {
        for (Map.Entry<String, String> entry : config.kafka.properties.entrySet()) {
            Matcher matcher = REFERENCE.matcher(entry.getValue());
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String value;
                String key = "kafka.properties." + entry.getKey();
                if (matcher.group(1).equals("env")) {
                    value = environment.apply(matcher.group(2));
                    if (value == null) {
                        throw new ConfigException(file + ": '" + key + "' refers to environment variable "
                                + matcher.group(2) + ", which is not set");
                    }
                } else {
                    try {
                        value = Files.readString(Path.of(matcher.group(2))).strip();
                    } catch (IOException e) {
                        throw new ConfigException(file + ": '" + key + "' refers to file " + matcher.group(2)
                                + ", which cannot be read");
                    }
                }
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(resolved);
            entry.setValue(resolved.toString());
        }
    }

    /** Parses a duration such as {@code 5s}, {@code 2min}, {@code 500 ms}; the message names the key. */
    public static Duration duration(String key, String value) {
        try {
            Duration duration = TimeUtils.parseDuration(value);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return duration;
        } catch (RuntimeException e) {
            throw new ConfigException("'" + key + "' must be a duration such as 5s, 500ms or 2min, got '" + value + "'");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
