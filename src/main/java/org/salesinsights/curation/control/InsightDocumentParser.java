package org.salesinsights.curation.control;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.salesinsights.insights.control.TextLimits;
import org.salesinsights.insights.control.TimeWindow;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.JsonBodies;
import org.salesinsights.platform.requests.Texts;

/**
 * Reads a curator's insight and checks all of it at once: every problem is reported by field, as 400
 * {@code INVALID_PARAMETER} with {@code details}. Titles and descriptions are counted in UTF-16 code units, as the read
 * action cuts them and as the Sales app counts them (an emoji counts 2 or more, see {@link TextLimits}); unknown fields
 * are refused, so a misspelt field is never silently dropped.
 */
public final class InsightDocumentParser {

    public static final int MAX_PROPERTIES = 10;
    public static final int MAX_PROPERTY_NAME = 100;
    public static final int MAX_PROPERTY_VALUE = 500;
    public static final int MAX_URL = 2048;
    public static final int MAX_PRIORITY = 1000;
    public static final int MAX_KEY = 100;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0," + (MAX_KEY - 1) + "}");
    private static final Set<String> FIELDS = Set.of("key", "title", "description", "url", "dateTime", "pinned",
            "priority", "language", "visibleFrom", "visibleUntil", "additionalProperties");

    private InsightDocumentParser() {
    }

    private static final Set<String> TRANSLATION_FIELDS = Set.of("title", "description", "additionalProperties");

    /** A translation: title, description and properties in another language, checked like the insight's own. */
    public static InsightDocument parseTranslation(String body) {
        Map<String, Object> problems = new LinkedHashMap<>();
        InsightDocument translation = readTranslation(JsonBodies.object(body), "", problems);
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The translation has " + count(problems)
                    + "; details lists them by field.", problems);
        }
        return translation;
    }

    /**
     * Reads a translation, adding its problems to {@code problems} with {@code prefix} before each field name;
     * null when it has any.
     */
    public static InsightDocument readTranslation(JsonObject json, String prefix, Map<String, Object> problems) {
        return readTranslation(json, prefix, TextRoom.CARD, problems);
    }

    /** A translation as {@link #readTranslation(JsonObject, String, Map)}, with titles and descriptions of the room given. */
    public static InsightDocument readTranslation(JsonObject json, String prefix, TextRoom room,
            Map<String, Object> problems) {
        Map<String, Object> found = new LinkedHashMap<>();
        json.keySet().stream().filter(key -> !TRANSLATION_FIELDS.contains(key)).sorted()
                .forEach(key -> found.put(key, "is not a known field."));
        String title = text(json, "title", room.title(), true, found);
        String description = text(json, "description", room.description(), true, found);
        List<InsightDocument.Property> properties = properties(json, found);
        found.forEach((field, problem) -> problems.put(prefix + field, problem));
        return found.isEmpty()
                ? new InsightDocument(null, title, description, null, null, false, 0, null, null, null, properties)
                : null;
    }

    /** A language tag in its normal form ({@code de-at} becomes {@code de-AT}), or 400 naming the parameter. */
    public static String languageTag(String value, String parameter) {
        return normalTag(value).orElseThrow(() -> new ApiException(ErrorCode.INVALID_PARAMETER, "Parameter '"
                + parameter + "' must be a language tag, such as de or fr-CA."));
    }

    public static InsightDocument parse(String body) {
        Map<String, Object> problems = new LinkedHashMap<>();
        InsightDocument document = read(JsonBodies.object(body), Set.of(), problems);
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The insight has " + count(problems)
                    + "; details lists them by field.", problems);
        }
        return document;
    }

    /**
     * Reads the insight's fields of {@code json}, adding every problem to {@code problems}; null when it has any.
     * Fields that are neither the insight's nor among {@code others} are refused.
     */
    public static InsightDocument read(JsonObject json, Set<String> others, Map<String, Object> problems) {
        return read(json, others, TextRoom.CARD, problems);
    }

    /** An insight as {@link #read(JsonObject, Set, Map)}, with titles and descriptions of the room given. */
    public static InsightDocument read(JsonObject json, Set<String> others, TextRoom room,
            Map<String, Object> problems) {
        Map<String, Object> found = new LinkedHashMap<>();
        json.keySet().stream().filter(key -> !FIELDS.contains(key) && !others.contains(key)).sorted()
                .forEach(key -> found.put(key, "is not a known field."));
        String key = key(json, found);
        String title = text(json, "title", room.title(), true, found);
        String description = text(json, "description", room.description(), true, found);
        String url = url(json, found);
        OffsetDateTime dateTime = time(json, "dateTime", found);
        boolean pinned = bool(json, "pinned", found);
        int priority = priority(json, found);
        String language = language(json, found);
        OffsetDateTime visibleFrom = time(json, "visibleFrom", found);
        OffsetDateTime visibleUntil = time(json, "visibleUntil", found);
        if (visibleFrom != null && visibleUntil != null && !visibleFrom.isBefore(visibleUntil)) {
            found.put("visibleUntil", "must be later than visibleFrom.");
        }
        List<InsightDocument.Property> properties = properties(json, found);
        problems.putAll(found);
        return found.isEmpty() ? new InsightDocument(key, title, description, url, dateTime, pinned, priority,
                language, visibleFrom, visibleUntil, properties) : null;
    }

    /** "1 problem", "3 problems". */
    public static String count(Map<String, Object> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems");
    }

    private static String key(JsonObject json, Map<String, Object> problems) {
        if (absent(json, "key")) {
            return null;
        }
        if (json.get("key") instanceof JsonString string && KEY.matcher(string.getString().strip()).matches()) {
            return string.getString().strip();
        }
        problems.put("key", "must be 1 to " + MAX_KEY + " letters, digits and . _ - : / (starting with a letter"
                + " or digit).");
        return null;
    }

    static boolean absent(JsonObject json, String key) {
        return !json.containsKey(key) || json.isNull(key);
    }

    static String text(JsonObject json, String key, int max, boolean required, Map<String, Object> problems) {
        if (absent(json, key)) {
            if (required) {
                problems.put(key, "is required.");
            }
            return null;
        }
        if (!(json.get(key) instanceof JsonString string)) {
            problems.put(key, "must be a string.");
            return null;
        }
        String text = string.getString().strip();
        int length = TextLimits.length(text);
        if (length < 1 || length > max) {
            problems.put(key, "must be 1 to " + max + " characters (" + TextLimits.UNIT + "); it has " + length + ".");
            return null;
        }
        if (Texts.hasControlOrBrokenCharacters(text)) {
            problems.put(key, "must not hold control characters, line breaks or half of a character (a lone UTF-16 surrogate).");
            return null;
        }
        return text;
    }

    static String url(JsonObject json, Map<String, Object> problems) {
        if (absent(json, "url")) {
            return null;
        }
        if (!(json.get("url") instanceof JsonString string)) {
            problems.put("url", "must be a string.");
            return null;
        }
        String url = string.getString().strip();
        try {
            URI uri = new URI(url);
            if (url.length() <= MAX_URL && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && uri.getUserInfo() == null && !Texts.hasControlOrBrokenCharacters(url)) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.put("url", "must be an absolute https URL of at most " + MAX_URL + " characters.");
        return null;
    }

    private static OffsetDateTime time(JsonObject json, String key, Map<String, Object> problems) {
        if (absent(json, key)) {
            return null;
        }
        if (json.get(key) instanceof JsonString string) {
            try {
                // to the microsecond, as the databases keep it
                OffsetDateTime time = IsoTimes.parse(string.getString().strip())
                        .withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                if (!time.isBefore(TimeWindow.EARLIEST) && !time.isAfter(TimeWindow.LATEST)) {
                    return time;
                }
            } catch (DateTimeException e) { // not a time, or beyond what a time can be in UTC
                // reported below
            }
        }
        problems.put(key, "must be a time with its offset from the years 0001 to 9999, such as"
                + " 2026-11-25T09:30:00+01:00.");
        return null;
    }

    private static boolean bool(JsonObject json, String key, Map<String, Object> problems) {
        if (absent(json, key)) {
            return false;
        }
        JsonValue value = json.get(key);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        problems.put(key, "must be true or false.");
        return false;
    }

    static int priority(JsonObject json, Map<String, Object> problems) {
        if (absent(json, "priority")) {
            return 0;
        }
        if (json.get("priority") instanceof JsonNumber number && number.isIntegral()
                && number.bigDecimalValue().abs().compareTo(BigDecimal.valueOf(MAX_PRIORITY)) <= 0) {
            return number.intValue(); // compared as a decimal: a huge number must not wrap around into range
        }
        problems.put("priority", "must be a whole number from -" + MAX_PRIORITY + " to " + MAX_PRIORITY + ".");
        return 0;
    }

    static String language(JsonObject json, Map<String, Object> problems) {
        if (absent(json, "language")) {
            return null;
        }
        Optional<String> tag = json.get("language") instanceof JsonString string
                ? normalTag(string.getString()) : Optional.empty();
        if (tag.isEmpty()) {
            problems.put("language", "must be a language tag, such as en or de-AT.");
        }
        return tag.orElse(null);
    }

    /** A language tag in its normal form ({@code de-at} becomes {@code de-AT}), if it is one. */
    static Optional<String> normalTag(String value) {
        if (value == null || value.length() > 35) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value.strip()).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    static List<InsightDocument.Property> properties(JsonObject json, Map<String, Object> problems) {
        List<InsightDocument.Property> properties = new ArrayList<>();
        if (absent(json, "additionalProperties")) {
            return properties;
        }
        if (!(json.get("additionalProperties") instanceof JsonObject map)) {
            problems.put("additionalProperties", "must be an object of names and text values.");
            return properties;
        }
        if (map.size() > MAX_PROPERTIES) {
            problems.put("additionalProperties", "must hold at most " + MAX_PROPERTIES + " properties.");
            return properties;
        }
        for (Map.Entry<String, JsonValue> entry : map.entrySet()) {
            String field = "additionalProperties." + entry.getKey();
            String name = entry.getKey().strip();
            if (name.isEmpty() || name.length() > MAX_PROPERTY_NAME || Texts.hasControlOrBrokenCharacters(name)) {
                problems.put(field, "needs a name of 1 to " + MAX_PROPERTY_NAME + " characters.");
            } else if (!(entry.getValue() instanceof JsonString value) || value.getString().isBlank()
                    || value.getString().strip().length() > MAX_PROPERTY_VALUE
                    || Texts.hasControlOrBrokenCharacters(value.getString())) {
                problems.put(field, "must be text of 1 to " + MAX_PROPERTY_VALUE + " characters.");
            } else {
                properties.add(new InsightDocument.Property(name, value.getString().strip()));
            }
        }
        return properties;
    }
}
