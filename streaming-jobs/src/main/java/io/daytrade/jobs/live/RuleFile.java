package io.daytrade.jobs.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.daytrade.schemas.Side;
import io.daytrade.signals.RuleDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads signal rules from YAML or JSON:
 * <pre>
 * rules:
 *   - id: golden-cross
 *     when: crosses_above(sma_10, sma_50)
 *     side: buy
 * </pre>
 */
public final class RuleFile {

    private static final Set<String> KEYS = Set.of("id", "when", "side");

    private RuleFile() {}

    public static List<RuleDefinition> read(Path file) {
        JsonNode root;
        try {
            root = ConfigLoader.yaml().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such rule file");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML or JSON at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.has("rules") || !root.get("rules").isArray()) {
            throw new ConfigException(file + ": expected a top-level 'rules:' list of {id, when, side}");
        }
        List<RuleDefinition> rules = new ArrayList<>();
        int number = 0;
        for (JsonNode node : root.get("rules")) {
            number++;
            String where = file + ": rule " + number;
            if (!node.isObject()) {
                throw new ConfigException(where + ": expected id, when and side");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!KEYS.contains(name)) {
                    throw new ConfigException(where + ": unknown key '" + name + "'; a rule has id, when and side");
                }
            }
            String id = text(node, "id", where);
            where = file + ": rule '" + id + "'";
            rules.add(new RuleDefinition(id, text(node, "when", where), side(text(node, "side", where), where)));
        }
        return rules;
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new ConfigException(where + ": missing '" + key + "'");
        }
        return value.asText().trim();
    }

    private static Side side(String text, String where) {
        try {
            return Side.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": side must be buy, sell or flat, got '" + text + "'");
        }
    }
}
