package org.salesinsights.insights.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the language of an insight for a seller from their {@code Accept-Language}: the ranges by quality (ties in
 * the order given), each matched exactly and then by its shorter prefixes ({@code de-AT} finds {@code de}); when
 * none matches, the insight's own language. Tags compare without regard to case. A malformed header counts as
 * absent: the seller still gets an answer.
 */
public final class LanguagePicker {

    private static final int MAX_RANGES = 20;

    private final List<String> ranges;

    private LanguagePicker(List<String> ranges) {
        this.ranges = ranges;
    }

    public static LanguagePicker of(String acceptLanguage) {
        return new LanguagePicker(ranges(acceptLanguage));
    }

    /** The languages asked for, in the order they are tried: equal for two headers that pick alike. */
    public String key() {
        return String.join(",", ranges);
    }

    /** Whether the seller named any language at all. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The wanted one of the available languages, if the seller wants any of them. */
    public Optional<String> pick(Collection<String> available) {
        for (String range : ranges) {
            for (String candidate = range; !candidate.isEmpty(); candidate = shorter(candidate)) {
                for (String language : available) {
                    if (language != null && language.equalsIgnoreCase(candidate)) {
                        return Optional.of(language);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String shorter(String tag) {
        int dash = tag.lastIndexOf('-');
        return dash < 0 ? "" : tag.substring(0, dash);
    }

    private record Range(String tag, double quality, int position) {
    }

    static List<String> ranges(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null || header.length() > 1000) {
            return List.of();
        }
        String[] parts = header.split(",");
        for (int i = 0; i < parts.length && ranges.size() < MAX_RANGES; i++) {
            String[] pieces = parts[i].strip().split(";", -1);
            String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1.0;
            for (int p = 1; p < pieces.length; p++) {
                String parameter = pieces[p].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (quality > 0 && quality <= 1 && tag.matches("[a-z]{1,8}(-[a-z0-9]{1,8})*")) {
                ranges.add(new Range(tag, quality, i));
            }
        }
        return ranges.stream().sorted(Comparator.comparingDouble(Range::quality).reversed()
                .thenComparingInt(Range::position)).map(Range::tag).toList();
    }
}
