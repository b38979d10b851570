package org.osvif.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an oslo.config INI file, line for line as {@code oslo_config.iniparser}
 * and {@code cfg.ConfigParser} do:
 * <ul>
 * <li>{@code [section]} starts a group; group names are normalized
 *     ({@link ConfigLayer#normalizeGroup}); a section may appear several times;</li>
 * <li>{@code key = value} or {@code key: value}, split at whichever of
 *     {@code =} and {@code :} comes first; key and value stripped, and one
 *     matching pair of surrounding quotes removed from the value;</li>
 * <li>a line starting with whitespace continues the previous value (joined
 *     with {@code "\n"}, leading whitespace removed); a blank line ends it;</li>
 * <li>lines starting with {@code #} or {@code ;} are comments;</li>
 * <li>a repeated key keeps every occurrence.</li>
 * </ul>
 * Errors name the source and the 1-based line number with oslo's wording.
 * Unlike oslo, an assignment before any section is reported at its own line
 * rather than at the line that ends it.
 */
final class IniParser {
    private final String source;
    private final Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    private String section;
    private String key;
    private List<String> value;
    private int lineno;

    private IniParser(String source) {
        this.source = source;
    }

    /**
     * @param reader the INI text; not closed
     * @param source the name used in errors, e.g. the file name
     * @return the values of the file
     * @throws ConfigException on a syntax error or when the reader fails
     */
    static ConfigLayer parse(Reader reader, String source) {
        IniParser parser = new IniParser(source);
        try {
            parser.run(reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader));
        } catch (IOException e) {
            throw ConfigException.unreadable(source, e);
        }
        return new ConfigLayer(source, true, parser.sections);
    }

    private void run(BufferedReader reader) throws IOException {
        for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
            lineno++;
            if (lineno == 1 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String line = raw.stripTrailing();
            if (line.isEmpty()) {
                flush();
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (key == null) {
                    throw error("Unexpected continuation line", line);
                }
                value.add(line.stripLeading());
            } else {
                flush();
                if (line.startsWith("[")) {
                    startSection(line);
                } else if (!line.startsWith("#") && !line.startsWith(";")) {
                    startAssignment(line);
                }
            }
        }
        flush();
    }

    private void startSection(String line) {
        if (!line.endsWith("]")) {
            throw error("Invalid section (must end with ])", line);
        }
        if (line.length() <= 2) {
            throw error("Empty section name", line);
        }
        section = ConfigLayer.normalizeGroup(line.substring(1, line.length() - 1));
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
    }

    private void startAssignment(String line) {
        int colon = line.indexOf(':');
        int equal = line.indexOf('=');
        if (colon < 0 && equal < 0) {
            throw error("No ':' or '=' found in assignment", line);
        }
        int split = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
        String k = line.substring(0, split).strip();
        String v = line.substring(split + 1).strip();
        if (!v.isEmpty() && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(0) == v.charAt(v.length() - 1)) {
            v = v.length() == 1 ? "" : v.substring(1, v.length() - 1);
        }
        if (k.isEmpty()) {
            throw error("Key cannot be empty", line);
        }
        if (section == null) {
            throw error("Section must be started before assignment", line);
        }
        key = k;
        value = new ArrayList<>(List.of(v));
    }

    private void flush() {
        if (key != null) {
            sections.get(section).computeIfAbsent(key, k -> new ArrayList<>()).add(String.join("\n", value));
            key = null;
            value = null;
        }
    }

    private ConfigException error(String message, String line) {
        return ConfigException.syntax(source, lineno, message, line);
    }
}
